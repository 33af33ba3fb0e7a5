struct Account {
    owner: String,
    balance: i64,
}

fn close(a: Account) -> i64 {
    println!("closing {}", a.owner);
    a.balance
}

fn main() {
    let acc = Account { owner: String::from("bob"), balance: 10 };
    let left = close(acc);
    println!("{left} {}", acc.balance);
}
