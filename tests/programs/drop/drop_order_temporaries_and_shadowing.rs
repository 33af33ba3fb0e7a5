struct T(&'static str);

impl Drop for T {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn make(name: &'static str) -> T {
    T(name)
}

fn main() {
    let x = T("first x");
    let x = T("second x");
    println!("shadowed, x = {}", x.0);
    println!("len {}", make("temporary").0.len());
    println!("after temporary statement");
    let v = vec![T("e0"), T("e1")];
    let moved: Vec<T> = v.into_iter().rev().collect();
    println!("reversed {}", moved.len());
    {
        let _pair = (T("left"), T("right"));
        let _inner = T("inner");
    }
    println!("end");
}
