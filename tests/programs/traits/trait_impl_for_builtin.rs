trait Double {
    fn double(&self) -> Self;
}

impl Double for i32 {
    fn double(&self) -> i32 {
        self * 2
    }
}

impl Double for String {
    fn double(&self) -> String {
        format!("{self}{self}")
    }
}

trait Describe {
    fn describe(&self) -> String;
}

impl<T: std::fmt::Debug> Describe for Vec<T> {
    fn describe(&self) -> String {
        format!("a vec of {} items, first {:?}", self.len(), self.first())
    }
}

fn main() {
    println!("{}", 21.double());
    println!("{}", String::from("ab").double());
    println!("{}", vec![3, 4].describe());
    let empty: Vec<char> = vec![];
    println!("{}", empty.describe());
}
