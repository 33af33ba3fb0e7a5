fn main() {
    printn!("typo");
}
