trait Draw {
    fn draw(&self) -> String;
    fn id(&self) -> u32 {
        0
    }
}

struct Button {
    label: String,
}

struct SelectBox {
    options: Vec<String>,
}

impl Draw for Button {
    fn draw(&self) -> String {
        format!("[{}]", self.label)
    }
    fn id(&self) -> u32 {
        7
    }
}

impl Draw for SelectBox {
    fn draw(&self) -> String {
        format!("<{}>", self.options.join("|"))
    }
}

struct Screen {
    components: Vec<Box<dyn Draw>>,
}

impl Screen {
    fn run(&self) {
        for c in self.components.iter() {
            println!("{} id={}", c.draw(), c.id());
        }
    }
}

fn total_len(items: &[Box<dyn Draw>]) -> usize {
    items.iter().map(|d| d.draw().len()).sum()
}

fn show(d: &dyn Draw) {
    println!("show {}", d.draw());
}

fn main() {
    let screen = Screen {
        components: vec![
            Box::new(SelectBox { options: vec!["Yes".to_string(), "No".to_string()] }),
            Box::new(Button { label: "OK".to_string() }),
        ],
    };
    screen.run();
    println!("{}", total_len(&screen.components));
    show(&Button { label: "x".to_string() });
    show(screen.components[0].as_ref());
}
