struct Cacher<T>
where
    T: Fn(u64) -> u64,
{
    calculation: T,
    value: Option<u64>,
    calls: u32,
}

impl<T> Cacher<T>
where
    T: Fn(u64) -> u64,
{
    fn new(calculation: T) -> Cacher<T> {
        Cacher { calculation, value: None, calls: 0 }
    }

    fn value(&mut self, arg: u64) -> u64 {
        match self.value {
            Some(v) => v,
            None => {
                self.calls += 1;
                let v = (self.calculation)(arg);
                self.value = Some(v);
                v
            }
        }
    }
}

struct Button {
    label: String,
    on_click: Box<dyn Fn(&str) -> String>,
}

fn main() {
    let mut c = Cacher::new(|x| x * 10);
    println!("{} {} {}", c.value(4), c.value(9), c.calls);
    let buttons = vec![
        Button { label: "ok".to_string(), on_click: Box::new(|l| format!("clicked {l}")) },
        Button { label: "cancel".to_string(), on_click: Box::new(|l| l.to_uppercase()) },
    ];
    for b in &buttons {
        println!("{}", (b.on_click)(&b.label));
    }
}
