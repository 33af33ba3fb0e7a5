// `effect`, `handler` and `handle` are contextual keywords: as ordinary names they still work.
struct Handle {
    effect: i32,
}

fn handler(effect: i32) -> i32 {
    effect * 2
}

fn main() {
    let effect = 3;
    let handle = Handle { effect: handler(effect) };
    let with = handle.effect + 1;
    println!("{} {}", handle.effect, with);
    let handler = |x: i32| x + effect;
    println!("{}", handler(4));
}
