fn lookup(id: u32) -> Option<&'static str> {
    if id == 1 {
        Some("one")
    } else {
        None
    }
}

fn main() {
    println!("{}", lookup(1).expect("id 1 exists"));
    let id = 7;
    let name = lookup(id).unwrap_or_else(|| panic!("no entry for id {id}"));
    println!("{name}");
}
