// Associated consts: a trait's default value for impls that do not set it (`Tri::NAME`,
// `Self::NAME` in a default method), and `T::CONST` in generic functions, read from the type
// the call gives `T` (a turbofish, an argument's type, a primitive's impl).
trait Shape {
    const SIDES: u32;
    const NAME: &'static str = "shape";
    fn label(&self) -> String {
        format!("{} ({} sides)", Self::NAME, Self::SIDES)
    }
}
struct Sq;
struct Tri;
impl Shape for Sq {
    const SIDES: u32 = 4;
    const NAME: &'static str = "square";
}
impl Shape for Tri {
    const SIDES: u32 = 3;
}

trait Unit {
    const ZERO: Self;
    const ONE: Self;
    const TWICE: u32 = 2;
}
impl Unit for i32 {
    const ZERO: i32 = 0;
    const ONE: i32 = 1;
}
impl Unit for f64 {
    const ZERO: f64 = 0.0;
    const ONE: f64 = 1.0;
    const TWICE: u32 = 20;
}

fn sides<T: Shape>() -> u32 {
    T::SIDES
}

fn describe<T: Shape>(_shape: &T) -> String {
    format!("{} with {} sides", T::NAME, T::SIDES)
}

fn count_to<T: Unit + Copy + std::ops::Add<Output = T>>(n: usize) -> (T, u32) {
    let mut acc = T::ZERO;
    for _ in 0..n {
        acc = acc + T::ONE;
    }
    (acc, T::TWICE)
}

fn main() {
    println!("{} {}", sides::<Sq>(), sides::<Tri>());
    println!("{} | {}", describe(&Sq), describe(&Tri));
    println!("{} | {}", Sq.label(), Tri.label());
    println!("{} {} {}", Tri::NAME, <Sq as Shape>::NAME, Sq::SIDES + Tri::SIDES);
    println!("{:?} {:?}", count_to::<i32>(3), count_to::<f64>(4));
    println!("{} {}", i32::TWICE, <f64 as Unit>::TWICE);
}
