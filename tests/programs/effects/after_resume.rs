// not-rust
// Deep handlers: `resume(v)` returns what the rest of the handled computation produced, and
// the clause may run code after it (here: it adds its own value on the way out).

effect Emit {
    fn emit(x: i32);
}

handler sum_after for Emit {
    emit(x) resume => {
        println!("before {x}");
        let rest: i32 = resume(());
        println!("after {x}, rest = {rest}");
        rest + x
    }
}

fn main() {
    let total = handle {
        emit(1);
        emit(2);
        emit(3);
        100
    } with sum_after;
    println!("total {total}");
}
