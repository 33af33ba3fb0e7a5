struct Noisy {
    name: &'static str,
}

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.name);
    }
}

fn main() {
    let _a = Noisy { name: "a" };
    let _b = Noisy { name: "b" };
    {
        let _inner = Noisy { name: "inner" };
        println!("end of inner block");
    }
    let _c = Noisy { name: "c" };
    println!("end of main");
}
