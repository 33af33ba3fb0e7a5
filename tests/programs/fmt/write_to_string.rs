use std::fmt::Write;

fn main() {
    let mut s = String::new();
    write!(s, "{}-{}", 1, 2).unwrap();
    writeln!(s, " done").unwrap();
    writeln!(&mut s, "{:>5}", "r").unwrap();
    for i in 0..3 {
        write!(s, "{i},").unwrap();
    }
    s.write_str("!").unwrap();
    s.write_char('?').unwrap();
    print!("{}", s);
    println!();
    println!("{}", s.lines().count());
    let joined = format!("{}{}", format!("[{}]", 1), format!("<{:?}>", "q"));
    println!("{joined}");
}
