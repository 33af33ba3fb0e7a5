struct Guard {
    id: u32,
}

impl Drop for Guard {
    fn drop(&mut self) {
        println!("release {}", self.id);
    }
}

fn take(g: Guard) {
    println!("took {}", g.id);
}

fn make(id: u32) -> Guard {
    let tmp = Guard { id: id + 100 };
    println!("made tmp {}", tmp.id);
    Guard { id }
}

fn early(flag: bool) -> u32 {
    let _g = Guard { id: 7 };
    if flag {
        return 1;
    }
    println!("not early");
    2
}

fn main() {
    let g1 = make(1);
    take(g1);
    println!("after take");
    println!("{}", early(true));
    println!("{}", early(false));
    for i in 0..2 {
        let _loop_guard = Guard { id: 50 + i };
        println!("loop body {i}");
    }
    let boxed: Box<Guard> = Box::new(Guard { id: 9 });
    println!("boxed {}", boxed.id);
    println!("end main");
}
