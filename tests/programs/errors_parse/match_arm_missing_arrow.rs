fn main() {
    let n = 3;
    match n {
        1 "one",
        _ => "other",
    };
}
