// A future that is never polled still owns what its `async move` block or `async fn`
// arguments captured: dropping the future drops them.
struct G(&'static str);

impl Drop for G {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

async fn show(g: G) {
    println!("never {}", g.0);
}

fn main() {
    let g = G("captured by a block");
    let fut = async move {
        let inner = g;
        println!("never {}", inner.0);
    };
    println!("future made");
    drop(fut);
    println!("future dropped");
    {
        let _f = show(G("argument, scope end"));
        println!("in scope");
    }
    let later = show(G("argument, end of main"));
    let _ = &later;
    let v = vec![async { G("never built") }];
    println!("vector of {} futures", v.len());
    drop(v);
    println!("end of main");
}
