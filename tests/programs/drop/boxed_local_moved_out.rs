// A local that is boxed (because `&mut` of it is taken, or a closure assigns it) and then
// moved out (returned, pushed, bound by `let`) belongs to its new owner: it is not dropped
// at the old scope's end.
struct G(i32);
impl Drop for G { fn drop(&mut self) { println!("drop {}", self.0); } }
fn make() -> G {
    let mut g = G(1);
    { let r = &mut g; r.0 += 1; }
    g
}
fn keep(v: &mut Vec<G>) {
    let mut g = G(10);
    { let r = &mut g; r.0 += 1; }
    v.push(g);
    println!("pushed");
}
fn main() {
    let a = make();
    println!("made {}", a.0);
    let mut v = Vec::new();
    keep(&mut v);
    println!("kept {}", v[0].0);
    let mut x = G(20);
    { let r = &mut x; r.0 += 1; }
    let y = x;
    println!("moved {}", y.0);
    {
        let mut z = G(30);
        let mut f = || z = G(31);
        f();
        v.push(z);
    }
    println!("end {}", v.len());
}
