// User FromStr: s.parse::<P>(), let p: P = s.parse()?, P::from_str(s).
use std::str::FromStr;
#[derive(Debug)]
struct P { x: i32, y: i32 }
impl FromStr for P {
    type Err = String;
    fn from_str(s: &str) -> Result<P, String> {
        let (a, b) = s.split_once(',').ok_or("no comma".to_string())?;
        Ok(P { x: a.trim().parse().map_err(|_| "bad x".to_string())?, y: b.trim().parse().map_err(|_| "bad y".to_string())? })
    }
}
fn run() -> Result<(), String> {
    let p: P = "1, 2".parse()?;
    println!("{:?}", p);
    println!("{:?}", "3,x".parse::<P>());
    println!("{:?}", P::from_str("5,6"));
    Ok(())
}
fn main() { run().unwrap(); }
