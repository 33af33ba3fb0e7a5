struct Part(&'static str);

impl Drop for Part {
    fn drop(&mut self) {
        println!("drop part {}", self.0);
    }
}

struct Machine {
    name: &'static str,
    first: Part,
    second: Part,
}

impl Drop for Machine {
    fn drop(&mut self) {
        println!("drop machine {}", self.name);
    }
}

fn main() {
    {
        let _m = Machine { name: "m", first: Part("f1"), second: Part("f2") };
        println!("machine built");
    }
    println!("---");
    {
        let v = vec![Part("v0"), Part("v1"), Part("v2")];
        println!("vec of {}", v.len());
    }
    println!("---");
    {
        let t = (Part("t0"), Part("t1"));
        let _ = &t;
        println!("tuple built");
    }
    println!("---");
    let mut v = vec![Part("a"), Part("b")];
    let removed = v.remove(0);
    println!("removed {}", removed.0);
    v.clear();
    println!("cleared");
    let _o = Some(Part("opt"));
    println!("end");
}
