#[derive(Debug)]
enum Cmd {
    Go(String),
    Say { text: String, loud: bool },
    Stop,
}

fn parse(line: &str) -> Cmd {
    let parts: Vec<&str> = line.split_whitespace().collect();
    match parts.as_slice() {
        ["go", dir] => Cmd::Go(dir.to_string()),
        ["say", "loud", rest @ ..] => Cmd::Say { text: rest.join(" "), loud: true },
        ["say", rest @ ..] => Cmd::Say { text: rest.join(" "), loud: false },
        _ => Cmd::Stop,
    }
}

fn main() {
    for line in ["go north", "say hello there", "say loud hi", "jump", ""] {
        let cmd = parse(line);
        let text = match &cmd {
            Cmd::Go(d) if d.as_str() == "north" => "heading north".to_string(),
            Cmd::Go(d) => format!("heading {d}"),
            Cmd::Say { text, loud: true } => text.to_uppercase(),
            Cmd::Say { text, .. } => text.clone(),
            Cmd::Stop => "stop".to_string(),
        };
        println!("{:?} => {}", cmd, text);
    }
    let name = String::from("bob");
    match name.as_str() {
        "alice" | "bob" => println!("known"),
        other => println!("unknown {other}"),
    }
    let a = 3;
    let b = String::from("x");
    match (&a, &b) {
        (3, s) if s == "x" => println!("three and x"),
        (n, s) => println!("{n} {s}"),
    }
    let pair = (Some(1), None::<i32>);
    match pair {
        (Some(x), None) | (None, Some(x)) => println!("exactly one: {x}"),
        (Some(x), Some(y)) => println!("both {x} {y}"),
        (None, None) => println!("neither"),
    }
}
