struct D(&'static str);

impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let x = D("first");
    drop(x);
    println!("after explicit drop");
    let mut y = D("old");
    y = D("new");
    println!("after reassign");
    let _ = D("underscore");
    println!("after let _");
    let _kept = D("kept");
    let z = D("moved");
    let w = z;
    println!("moved into w: {}", w.0);
    std::mem::drop(w);
    println!("end {}", y.0);
}
