#[derive(Debug, Clone)]
struct Order {
    customer: &'static str,
    amount: u32,
    paid: bool,
}

fn main() {
    let orders = vec![
        Order { customer: "ann", amount: 120, paid: true },
        Order { customer: "bob", amount: 80, paid: false },
        Order { customer: "ann", amount: 40, paid: true },
        Order { customer: "cy", amount: 300, paid: true },
        Order { customer: "bob", amount: 15, paid: true },
    ];
    let paid_total: u32 = orders.iter().filter(|o| o.paid).map(|o| o.amount).sum();
    println!("paid total {paid_total}");
    let mut customers: Vec<&str> = orders.iter().map(|o| o.customer).collect();
    customers.sort_unstable();
    customers.dedup();
    println!("{:?}", customers);
    for c in &customers {
        let (n, sum) = orders.iter().filter(|o| o.customer == *c).fold((0, 0), |(n, s), o| (n + 1, s + o.amount));
        println!("{c}: {n} orders, {sum}");
    }
    let biggest = orders.iter().filter(|o| o.paid).max_by_key(|o| o.amount).map(|o| o.customer);
    println!("{:?}", biggest);
    let labels: Vec<String> = orders
        .iter()
        .enumerate()
        .filter(|(_, o)| o.amount >= 40)
        .map(|(i, o)| format!("#{}:{}", i + 1, o.amount))
        .collect();
    println!("{}", labels.join(" "));
    let avg = orders.iter().map(|o| o.amount as f64).sum::<f64>() / orders.len() as f64;
    println!("{avg:.2}");
}
