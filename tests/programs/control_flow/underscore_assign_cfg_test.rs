fn noisy(n: i32) -> i32 {
    println!("noisy {n}");
    n * 2
}

struct Loud(&'static str);

impl Drop for Loud {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn make(name: &'static str) -> Loud {
    Loud(name)
}

fn main() {
    _ = noisy(1);
    let x;
    (x, _) = (noisy(2), noisy(3));
    println!("x = {x}");
    _ = make("temp");
    println!("after temp");
    let _keep = make("kept");
    println!("end");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles() {
        assert_eq!(noisy(2), undefined_helper());
    }
}

#[cfg(test)]
fn only_in_tests() -> NoSuchType {
    NoSuchType
}
