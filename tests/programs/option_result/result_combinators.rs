fn parse(s: &str) -> Result<i32, String> {
    s.trim().parse::<i32>().map_err(|e| format!("{s:?}: {e}"))
}

fn main() {
    let good = parse("42");
    let bad = parse("4x");
    println!("{:?}", good);
    println!("{:?}", bad);
    println!("{:?}", good.clone().map(|n| n * 2));
    println!("{:?}", bad.clone().map(|n| n * 2));
    println!("{:?}", good.clone().and_then(|n| if n > 40 { Ok(n) } else { Err("small".into()) }));
    println!("{}", bad.clone().unwrap_or(-1));
    println!("{}", bad.clone().unwrap_or_else(|e| e.len() as i32));
    println!("{}", bad.clone().unwrap_or_default());
    println!("{:?} {:?}", good.clone().ok(), bad.clone().ok());
    println!("{:?}", bad.clone().err());
    println!("{} {}", good.is_ok(), bad.is_err());
    println!("{:?}", bad.clone().or_else(|_| parse("7")));
    println!("{}", good.clone().map_or(0, |n| n + 1));
    println!("{:?}", good.as_ref().map(|n| *n));
    println!("{}", good.clone().expect("should parse"));
    println!("{:?}", good.iter().next());
    let results = vec![parse("1"), parse("a"), parse("3")];
    let oks: Vec<i32> = results.iter().filter_map(|r| r.clone().ok()).collect();
    println!("{:?}", oks);
    let errs: Vec<String> = results.into_iter().filter_map(Result::err).collect();
    println!("{:?}", errs);
    println!("{}", bad.is_err_and(|e| e.contains("4x")));
    let nested: Result<Option<i32>, String> = Ok(Some(3));
    println!("{:?}", nested.transpose());
}
