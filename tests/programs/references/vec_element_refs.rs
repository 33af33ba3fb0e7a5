#[derive(Debug)]
struct Item {
    name: String,
    qty: u32,
}

fn restock(items: &mut Vec<Item>, name: &str, n: u32) {
    for it in items.iter_mut() {
        if it.name == name {
            it.qty += n;
        }
    }
}

fn main() {
    let mut v = vec![10, 20, 30];
    let e = &mut v[1];
    *e += 5;
    println!("{:?}", v);
    if let Some(x) = v.get_mut(2) {
        *x = 0;
    }
    println!("{:?}", v);
    v[0] -= 1;
    println!("{:?}", v);
    let mut items = vec![Item { name: "nut".into(), qty: 1 }, Item { name: "bolt".into(), qty: 2 }];
    restock(&mut items, "bolt", 10);
    items[0].qty *= 7;
    println!("{:?}", items);
    let total: u32 = items.iter().map(|i| i.qty).sum();
    println!("{total}");
    let mut grid = vec![vec![0; 2]; 2];
    grid[1][0] = 5;
    let row = &mut grid[0];
    row[1] = 3;
    println!("{:?}", grid);
    let mut words = vec![String::from("a")];
    words[0].push_str("bc");
    println!("{:?}", words);
    let (l, r) = v.split_at_mut(1);
    l[0] += r[0];
    println!("{:?}", v);
}
