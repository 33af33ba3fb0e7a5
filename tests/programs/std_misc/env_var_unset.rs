// `std::env::var` of a variable that is not set: `Err(VarError::NotPresent)`, whose
// `Display` is std's message.
use std::env;

fn main() {
    let name = "TERAS_GOLDEN_SURELY_UNSET_VARIABLE";
    println!("{:?}", env::var(name));
    match env::var(name) {
        Ok(v) => println!("set to {}", v),
        Err(env::VarError::NotPresent) => println!("not present"),
        Err(env::VarError::NotUnicode(_)) => println!("not unicode"),
    }
    let e = env::var(name).unwrap_err();
    println!("{} / {:?} / {}", e, e, e == env::VarError::NotPresent);
    println!("{}", env::var(name).unwrap_or_else(|_| "fallback".to_string()));
    let boxed: Result<String, Box<dyn std::error::Error>> = env::var(name).map_err(|e| e.into());
    if let Err(b) = boxed {
        println!("boxed: {}", b);
    }
    println!("args: {}", env::args().count());
}
