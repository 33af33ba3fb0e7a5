// {:?} of the standard stream handles, their locks and stdin's lines().
use std::io;
fn main() {
    println!("{:?} {:?} {:?}", io::stdin(), io::stdout(), io::stderr());
    println!("{:?} {:?} {:?}", io::stdin().lock(), io::stdout().lock(), io::stderr().lock());
    println!("{:?}", io::stdin().lines());
}
