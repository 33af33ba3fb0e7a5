// not-rust
// JoinError::into_panic keeps the payload's type as std's thread join does: a literal panic
// message downcasts to &str, a formatted one to String (tokio passes the Box<dyn Any> through).

#[tokio::main]
async fn main() {
    let literal = tokio::spawn(async {
        panic!("a literal message");
    });
    let n = 7;
    let formatted = tokio::spawn(async move {
        panic!("formatted: {}", n);
    });
    for (name, h) in [("literal", literal), ("formatted", formatted)] {
        let e = h.await.unwrap_err();
        println!("{name}: is_panic {}", e.is_panic());
        let p = e.into_panic();
        if let Some(s) = p.downcast_ref::<&str>() {
            println!("{name}: &str payload {s:?}");
        } else if let Some(s) = p.downcast_ref::<String>() {
            println!("{name}: String payload {s:?}");
        } else {
            println!("{name}: other payload");
        }
    }
}
