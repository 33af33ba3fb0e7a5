// `#[derive(Default)]` on generic structs: each field of a type parameter gets that
// parameter's default, the type argument coming from a turbofish, an annotation or a
// generic caller.
#[derive(Debug, Default, Clone, PartialEq)]
struct Pair<A, B> { a: A, b: B, n: u32 }
#[derive(Debug, Default)]
struct Wrap<T>(T, Vec<T>);
#[derive(Debug, Default)]
struct Stack<T> { items: Vec<T>, top: Option<T> }
fn make<T: Default>() -> Stack<T> { Stack::default() }
fn main() {
    let p: Pair<String, f32> = Pair::default();
    println!("{:?}", p);
    println!("{:?}", Pair::<bool, char>::default());
    println!("{:?}", Wrap::<i64>::default());
    let s: Stack<u8> = make();
    println!("{:?}", s);
    let mut st = Stack::<String>::default();
    st.items.push("x".into());
    println!("{:?} {}", st, p == Pair::default());
}
