use std::fmt;

struct Wrapper<T>(Vec<T>);

impl<T: fmt::Display> fmt::Display for Wrapper<T> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "[")?;
        for (i, v) in self.0.iter().enumerate() {
            if i > 0 {
                write!(f, ", ")?;
            }
            write!(f, "{}", v)?;
        }
        write!(f, "]")
    }
}

trait Describe {
    fn describe(&self) -> String;
}

impl<T: fmt::Debug> Describe for Option<T> {
    fn describe(&self) -> String {
        match self {
            Some(v) => format!("just {:?}", v),
            None => "nothing".to_string(),
        }
    }
}

trait Zero {
    fn zero() -> Self;
    fn is_zero(&self) -> bool;
}

impl Zero for i32 {
    fn zero() -> Self {
        0
    }
    fn is_zero(&self) -> bool {
        *self == 0
    }
}

impl Zero for f64 {
    fn zero() -> Self {
        0.0
    }
    fn is_zero(&self) -> bool {
        *self == 0.0
    }
}

fn count_zeros<T: Zero>(xs: &[T]) -> usize {
    xs.iter().filter(|x| x.is_zero()).count()
}

fn main() {
    println!("{}", Wrapper(vec![1, 2, 3]));
    println!("{}", Wrapper(vec!["a".to_string()]));
    println!("{}", Wrapper::<f64>(vec![]));
    println!("{} {}", Some(3).describe(), None::<String>.describe());
    println!("{} {}", count_zeros(&[0, 1, 0]), count_zeros(&[0.0, 2.5]));
    println!("{} {}", i32::zero(), <f64 as Zero>::zero());
}
