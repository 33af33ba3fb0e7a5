#[derive(Debug)]
enum Message {
    Write(String),
    Quit,
}

fn main() {
    let msg = Message::Write(String::from("hello"));
    match msg {
        Message::Write(text) => println!("{text}"),
        Message::Quit => println!("quit"),
    }
    println!("{:?}", msg);
}
