enum Message {
    Quit,
    Move { x: i32, y: i32 },
    Write(String),
    ChangeColor(Color),
}

enum Color {
    Rgb(i32, i32, i32),
    Hsv(i32, i32, i32),
}

fn handle(msg: Message) {
    match msg {
        Message::Quit => println!("The Quit variant has no data to destructure."),
        Message::Move { x, y } => println!("Move in the x direction {x} and in the y direction {y}"),
        Message::Write(text) => println!("Text message: {text}"),
        Message::ChangeColor(Color::Rgb(r, g, b)) => {
            println!("Change color to red {r}, green {g}, and blue {b}")
        }
        Message::ChangeColor(Color::Hsv(h, s, v)) => {
            println!("Change color to hue {h}, saturation {s}, value {v}")
        }
    }
}

fn main() {
    handle(Message::Quit);
    handle(Message::Move { x: 3, y: -1 });
    handle(Message::Write(String::from("hi")));
    handle(Message::ChangeColor(Color::Rgb(0, 160, 255)));
    handle(Message::ChangeColor(Color::Hsv(1, 2, 3)));
    let opt = Some(Some(4));
    match opt {
        Some(Some(n)) if n > 3 => println!("big inner {n}"),
        Some(Some(n)) => println!("inner {n}"),
        Some(None) => println!("inner none"),
        None => println!("none"),
    }
    use Color::*;
    let c = Hsv(9, 8, 7);
    if let Hsv(h, ..) = c {
        println!("hue {h}");
    }
}
