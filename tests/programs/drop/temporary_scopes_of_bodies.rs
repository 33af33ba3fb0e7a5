use std::cell::RefCell;
use std::sync::Mutex;

struct D(&'static str);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
impl D {
    fn get(&self) -> usize {
        self.0.len()
    }
}

fn pick(n: i32) -> usize {
    match n {
        0 => D("arm0").get(),
        1 => {
            let _l = D("arm1-local");
            D("arm1-tail").get()
        }
        _ => D("arm-other").get() + D("arm-other2").get(),
    }
}

fn main() {
    let m = Mutex::new(0);
    let c = RefCell::new(Vec::new());
    for i in 0..4 {
        match i % 3 {
            0 => *m.lock().unwrap() += 1,
            1 => c.borrow_mut().push(i),
            _ => *m.lock().unwrap() += c.borrow().len(),
        }
    }
    println!("m = {}, c = {:?}", m.lock().unwrap(), c.borrow());

    for i in 0..2 {
        let _a = D("body-local");
        println!("iteration {i}: {}", D("body-tail").get())
    }

    let mut k = 0;
    while k < 2 {
        k += 1;
        if k == 1 { *m.lock().unwrap() += 10 } else { c.borrow_mut().push(k) }
    }
    let n = loop {
        if m.try_lock().is_ok() { break *m.lock().unwrap() }
    };
    println!("n = {n}");

    for n in 0..3 {
        println!("pick({n}) = {}", pick(n));
    }

    let s = if n > 5 { D("then").get() } else { D("else").get() };
    println!("s = {s}");
    let t = if n > 100 {
        0
    } else if n > 5 {
        let _x = D("elseif-local");
        D("elseif-tail").get()
    } else {
        1
    };
    println!("t = {t}");

    for i in 0..3 {
        match *m.lock().unwrap() {
            v if v > 100 => break,
            _ if i == 1 => continue,
            _ => {}
        }
        *m.lock().unwrap() += 1;
    }
    println!("m = {}", m.lock().unwrap());
    let total: usize = (0..3).map(|i| match i { 0 => D("closure-arm").get(), _ => i }).sum();
    println!("total = {total}");
}
