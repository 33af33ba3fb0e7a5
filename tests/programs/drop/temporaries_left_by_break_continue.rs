use std::cell::RefCell;
use std::collections::VecDeque;
use std::sync::Mutex;

#[derive(Debug)]
struct D(u32);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop D({})", self.0);
    }
}

fn main() {
    let q = Mutex::new(VecDeque::from(vec![1, 2, 3, 4, 5]));
    while let Some(x) = q.lock().unwrap().pop_front() {
        if x == 2 {
            continue;
        }
        if x == 4 {
            break;
        }
        println!("got {x}");
    }
    println!("left: {:?}", q.lock().unwrap());

    for d in vec![D(1), D(2), D(3)] {
        if d.0 == 2 {
            continue;
        }
        println!("saw {:?}", d);
    }

    let cell = RefCell::new(vec![10, 20, 30]);
    'outer: for i in 0..3 {
        for j in 0..3 {
            match cell.borrow().get(j) {
                Some(&v) if v == 20 && i == 0 => continue 'outer,
                Some(&v) if v == 30 && i == 1 => break 'outer,
                _ => {}
            }
            cell.borrow_mut().push(i * 10 + j);
        }
    }
    println!("cell: {:?}", cell.borrow());

    let m = Mutex::new(7u32);
    let v = 'blk: {
        if *m.lock().unwrap() > 5 {
            break 'blk *m.lock().unwrap() * 2;
        }
        0
    };
    println!("v = {v}, then {}", m.lock().unwrap());

    let found = loop {
        let cur = *m.lock().unwrap();
        match cur.checked_sub(1) {
            Some(n) if n > 3 => {
                *m.lock().unwrap() = n;
            }
            other => break other,
        }
    };
    println!("found = {found:?}, m = {}", m.lock().unwrap());

    let mut total = 0;
    for i in 0..5 {
        let _guardian = D(100 + i);
        let r = match i % 3 {
            0 => D(i).0,
            1 => continue,
            _ => break,
        };
        total += r;
    }
    println!("total = {total}");
}
