use std::sync::atomic::{AtomicUsize, Ordering};

static NEXT_ID: AtomicUsize = AtomicUsize::new(1);

struct Ticket {
    id: usize,
}

impl Ticket {
    fn new() -> Ticket {
        Ticket { id: NEXT_ID.fetch_add(1, Ordering::SeqCst) }
    }
}

fn main() {
    let a = Ticket::new();
    let b = Ticket::new();
    let c = Ticket::new();
    println!("{} {} {}", a.id, b.id, c.id);
    println!("{}", NEXT_ID.load(Ordering::SeqCst));
}
