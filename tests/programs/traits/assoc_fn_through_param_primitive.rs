// `T::f()` in a generic function, where `T` is a primitive that implements a program's trait
// (`impl Zero for i32`), as for a program's own type.
trait Zero {
    fn zero() -> Self;
}

impl Zero for i32 {
    fn zero() -> Self {
        0
    }
}

impl Zero for f64 {
    fn zero() -> Self {
        0.0
    }
}

impl Zero for u8 {
    fn zero() -> Self {
        7
    }
}

struct W(u8);

impl Zero for W {
    fn zero() -> Self {
        W(1)
    }
}

fn z<T: Zero>() -> T {
    T::zero()
}

fn total<T: Zero + std::ops::Add<Output = T> + Copy>(xs: &[T]) -> T {
    xs.iter().fold(T::zero(), |a, &b| a + b)
}

fn main() {
    let a: i32 = z();
    let b = z::<f64>();
    let c: W = z();
    let d: u8 = z();
    println!("{a} {b} {} {d}", c.0);
    println!("{} {} {}", total(&[1, 2, 3]), total(&[0.5, 0.25]), total::<u8>(&[1, 2]));
    println!("{} {}", i32::zero(), <f64 as Zero>::zero());
}
