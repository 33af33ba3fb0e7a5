trait Summary {
    fn summarize_author(&self) -> String;

    fn summarize(&self) -> String {
        format!("(Read more from {}...)", self.summarize_author())
    }
}

struct Tweet {
    username: String,
    content: String,
}

impl Summary for Tweet {
    fn summarize_author(&self) -> String {
        format!("@{}", self.username)
    }
}

struct Article {
    title: String,
}

impl Summary for Article {
    fn summarize_author(&self) -> String {
        "staff".to_string()
    }
    fn summarize(&self) -> String {
        format!("{} by {}", self.title, self.summarize_author())
    }
}

fn main() {
    let t = Tweet { username: "horse_ebooks".to_string(), content: "of course".to_string() };
    println!("1 new tweet: {}", t.summarize());
    println!("{}", t.content);
    let a = Article { title: "Penguins win".to_string() };
    println!("{}", a.summarize());
}
