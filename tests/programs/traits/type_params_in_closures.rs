// A closure written in a generic function or method reads the type parameters of its maker:
// `T::default()` and `T::CONST` inside `map(|_| ..)`, nested closures, a closure kept in a local.
#[derive(Debug)]
struct Bag { n: usize }
impl Bag {
    fn make<T: Default + std::fmt::Debug>(&self) -> Vec<T> { (0..self.n).map(|_| T::default()).collect() }
}
trait Unit { const ONE: Self; }
impl Unit for i64 { const ONE: i64 = 1; }
impl Unit for f32 { const ONE: f32 = 1.0; }
fn ones<T: Unit + Copy>(n: usize) -> Vec<T> { (0..n).map(|_| T::ONE).collect() }
fn nested<T: Default + Clone + std::fmt::Debug>(n: usize) -> Vec<Vec<T>> { (0..n).map(|i| (0..i).map(|_| T::default()).collect()).collect() }
fn fill<T: Default>(v: &mut Vec<T>, n: usize) { let mut mk = || T::default(); for _ in 0..n { v.push(mk()); } }
fn main() {
    let b = Bag { n: 2 };
    println!("{:?} {:?}", b.make::<u8>(), b.make::<String>());
    println!("{:?} {:?}", ones::<i64>(2), ones::<f32>(3));
    println!("{:?}", nested::<char>(3));
    let mut v: Vec<bool> = Vec::new(); fill(&mut v, 2); println!("{:?}", v);
}
