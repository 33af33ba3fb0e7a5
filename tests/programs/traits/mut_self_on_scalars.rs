// `&mut self` methods called on scalars: locals, fields, elements, nested fields, `&mut`
// parameters, generic calls, default methods, and the built-in scalar types.
trait Bump {
    fn bump(&mut self);
    fn show(&self) -> String;
    fn twice(&mut self) {
        self.bump();
        self.bump();
    }
}

impl Bump for i32 {
    fn bump(&mut self) {
        *self += 1
    }
    fn show(&self) -> String {
        format!("<{}>", self)
    }
}

impl Bump for u8 {
    fn bump(&mut self) {
        *self = self.wrapping_add(1);
    }
    fn show(&self) -> String {
        format!("u8 {}", self)
    }
}

impl Bump for f64 {
    fn bump(&mut self) {
        *self += 0.5;
    }
    fn show(&self) -> String {
        format!("f64 {:.1}", self)
    }
}

impl Bump for bool {
    fn bump(&mut self) {
        *self = !*self;
    }
    fn show(&self) -> String {
        format!("bool {}", self)
    }
}

impl Bump for char {
    fn bump(&mut self) {
        *self = char::from_u32(*self as u32 + 1).unwrap_or('?');
    }
    fn show(&self) -> String {
        format!("char {}", self)
    }
}

trait AddTo {
    fn add_to(&mut self, n: i64) -> i64;
    fn doubled(self) -> i64;
}

impl AddTo for i64 {
    fn add_to(&mut self, n: i64) -> i64 {
        *self += n;
        *self
    }
    fn doubled(self) -> i64 {
        self * 2
    }
}

// A blanket impl reaches scalars too.
trait Dbl {
    fn dbl(&mut self);
}

impl<T: std::ops::AddAssign + Copy> Dbl for T {
    fn dbl(&mut self) {
        *self += *self;
    }
}

struct Inner {
    n: i32,
}

struct W {
    n: i32,
    inner: Inner,
    pair: (u8, f64),
}

fn by_ref(r: &mut i32) {
    r.bump();
    r.twice();
}

fn generic<T: Bump>(t: &mut T) {
    t.bump();
    println!("{}", t.show());
}

fn by_value<T: Bump>(mut t: T) -> T {
    t.bump();
    t.twice();
    t
}

#[derive(Debug)]
enum Light {
    Off,
    On(u8),
}

impl Bump for Light {
    fn bump(&mut self) {
        *self = match self {
            Light::Off => Light::On(0),
            Light::On(n) => Light::On(*n + 1),
        }
    }
    fn show(&self) -> String {
        format!("{:?}", self)
    }
}

fn main() {
    let mut x = 1;
    x.bump();
    println!("{x}");
    x.twice();
    println!("{x} {}", x.show());

    let mut w = W { n: 5, inner: Inner { n: 10 }, pair: (254, 1.0) };
    w.n.bump();
    w.inner.n.bump();
    w.inner.n.twice();
    w.pair.0.bump();
    w.pair.0.bump();
    w.pair.1.bump();
    println!("{} {} {} {}", w.n, w.inner.n, w.pair.0, w.pair.1);

    let mut v = vec![1, 2];
    v[0].bump();
    v[1].twice();
    println!("{:?}", v);
    let mut grid = vec![vec![0i32; 2]; 2];
    grid[1][0].bump();
    println!("{:?}", grid);

    by_ref(&mut x);
    println!("{x}");
    generic(&mut x);
    generic(&mut w.n);
    generic(&mut v[0]);
    println!("{x} {} {:?}", w.n, v);

    let mut b: u8 = 255;
    b.bump();
    let mut f = 1.5;
    f.bump();
    let mut t = false;
    t.bump();
    let mut c = 'a';
    c.bump();
    println!("{} {} {} {}", b.show(), f.show(), t.show(), c.show());
    generic(&mut f);
    generic(&mut c);

    let mut total: i64 = 10;
    let got = total.add_to(5);
    println!("{got} {total} {}", total.doubled());
    println!("{}", total);

    let mut counters = [0i32; 3];
    for i in 0..3 {
        for _ in 0..i {
            counters[i].bump();
        }
    }
    println!("{:?}", counters);

    let mut k = 0;
    let mut inc = || k.bump();
    inc();
    inc();
    println!("{k}");

    let mut d = 3;
    d.dbl();
    w.pair.1.dbl();
    v[1].dbl();
    println!("{d} {} {:?}", w.pair.1, v);

    println!("{} {} {:?}", by_value(1), by_value('x'), by_value(Light::Off));

    // std methods on scalars are untouched.
    let y: i32 = -7;
    println!("{} {} {}", y.abs(), y.pow(2), 2.0f64.sqrt());
}
