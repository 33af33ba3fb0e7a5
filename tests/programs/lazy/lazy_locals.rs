// LazyCell / LazyLock values in locals and fields are forced where Rust auto-derefs them:
// `*lazy`, method calls, indexing, field and tuple-field access, `&lazy` coerced to `&T`.
use std::cell::LazyCell;
use std::collections::HashMap;
use std::sync::LazyLock;

struct Config {
    name: String,
    level: u32,
}

struct Holder {
    table: LazyCell<Vec<u64>>,
}

fn total(v: &Vec<i32>) -> i32 {
    v.iter().sum()
}

fn main() {
    let lazy = LazyCell::new(|| {
        println!("init cell");
        vec![1, 2, 3]
    });
    println!("before any use");
    println!("len {}", lazy.len());
    println!("sum {}", lazy.iter().sum::<i32>());
    println!("first {}", lazy[0]);
    println!("deref {:?}", *lazy);
    let n: &Vec<i32> = &lazy;
    println!("coerced {:?}", n);
    println!("total {}", total(&lazy));

    let num = LazyLock::new(|| {
        println!("init num");
        41
    });
    println!("num {}", *num + 1);

    let cfg = LazyCell::new(|| Config { name: String::from("prod"), level: 3 });
    println!("{} {}", cfg.name, cfg.level);

    let map: LazyLock<HashMap<&str, i32>> = LazyLock::new(|| {
        println!("init map");
        let mut m = HashMap::new();
        m.insert("a", 1);
        m
    });
    println!("{:?} {}", map.get("a"), map.contains_key("b"));

    let s = LazyCell::new(|| String::from("hello"));
    println!("{} {}", s.to_uppercase(), s.len());
    let t = LazyCell::new(|| (1, "x"));
    println!("{} {}", t.0, t.1);
    println!("{:?}", LazyCell::force(&s));

    let h = Holder {
        table: LazyCell::new(|| {
            println!("init table");
            (0..5).map(|i| i * i).collect()
        }),
    };
    println!("holder built");
    println!("table[3] = {}", h.table[3]);
    println!("table len {}", h.table.len());
}
