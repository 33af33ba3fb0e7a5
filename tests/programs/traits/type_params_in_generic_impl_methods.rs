// Inside the methods of a generic impl (`impl<T: ..> Grid<T>`), `T::CONST` and `T::default()`
// read the type the method call's receiver gives `T`, and a method's own type parameter the
// type its turbofish gives; a trait const's default value that names `Self` is computed for
// the type it is read on.
trait Unit {
    const ZERO: Self;
    const ONE: Self;
    const NAME: &'static str = "unit";
}
impl Unit for i32 {
    const ZERO: i32 = 0;
    const ONE: i32 = 1;
    const NAME: &'static str = "i32";
}
impl Unit for f64 {
    const ZERO: f64 = 0.0;
    const ONE: f64 = 1.0;
}

struct Grid<T> {
    cells: Vec<T>,
}

impl<T: Unit + Copy + Default + std::fmt::Debug + std::ops::Add<Output = T>> Grid<T> {
    fn new(n: usize) -> Self {
        Grid { cells: vec![T::ZERO; n] }
    }
    fn label(&self) -> String {
        format!("{} x{}", T::NAME, self.cells.len())
    }
    fn bump_all(&mut self) {
        for c in self.cells.iter_mut() {
            *c = *c + T::ONE;
        }
    }
    fn first_as<U: Default + std::fmt::Debug>(&self) -> (T, U) {
        (self.cells[0], U::default())
    }
    fn reset_first(&mut self) -> T {
        let old = self.cells[0];
        self.cells[0] = T::default();
        old
    }
}

trait Limits {
    const MAX: u32;
    const HALF: u32 = Self::MAX / 2;
    fn half(&self) -> u32 {
        Self::HALF
    }
}
struct Small;
struct Large;
impl Limits for Small {
    const MAX: u32 = 10;
}
impl Limits for Large {
    const MAX: u32 = 1000;
    const HALF: u32 = 1;
}

fn main() {
    let mut g: Grid<f64> = Grid::new(2);
    g.bump_all();
    g.bump_all();
    println!("{} {:?}", g.label(), g.cells);
    let mut h = Grid::<i32>::new(3);
    h.bump_all();
    println!("{} {:?}", h.label(), h.cells);
    let old = h.reset_first();
    println!("{} {:?}", old, h.cells);
    println!("{:?} {:?}", h.first_as::<String>(), g.first_as::<bool>());
    println!("{} {} {} {}", Small::HALF, Small.half(), Large::HALF, Large.half());
}
