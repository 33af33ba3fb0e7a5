use std::error::Error;
use std::fmt;

#[derive(Debug)]
struct ConfigError {
    key: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "missing key {}", self.key)
    }
}

impl Error for ConfigError {}

fn get(config: &[(&str, &str)], key: &str) -> Result<i64, Box<dyn Error>> {
    let raw = config
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| *v)
        .ok_or_else(|| ConfigError { key: key.to_string() })?;
    let n: i64 = raw.parse()?;
    Ok(n)
}

fn run() -> Result<(), Box<dyn Error>> {
    let config = [("port", "8080"), ("workers", "four")];
    println!("port {}", get(&config, "port")?);
    match get(&config, "workers") {
        Ok(n) => println!("workers {n}"),
        Err(e) => println!("workers error: {e}"),
    }
    match get(&config, "host") {
        Ok(n) => println!("host {n}"),
        Err(e) => println!("host error: {e}"),
    }
    let e: Box<dyn Error> = From::from("plain message");
    println!("{e}");
    Err(Box::new(ConfigError { key: "final".into() }))
}

fn main() {
    if let Err(e) = run() {
        println!("run failed: {e}");
    }
}
