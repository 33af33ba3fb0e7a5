// not-rust
// The seed's H-06 Async effect and tokio_handler, as written (clauses `.await` the tokio
// shaped runtime's futures), run on the async runtime.
use std::time::Duration;
use tokio::task::JoinHandle;

effect Async {
    fn spawn<T: Send>(future: impl Future<Output = T> + Send) -> JoinHandle<T>;
    fn yield_now();
    fn sleep(duration: Duration);
}

handler tokio_handler for Async {
    spawn(future) resume => {
        let handle = tokio::spawn(future);
        resume(handle)
    }

    yield_now() resume => {
        tokio::task::yield_now().await;
        resume(())
    }

    sleep(duration) resume => {
        tokio::time::sleep(duration).await;
        resume(())
    }
}

fn main() {
    let r = handle {
        Async::sleep(Duration::from_millis(5));
        Async::yield_now();
        let h = Async::spawn(async { 40 + 2 });
        block_on(h).unwrap()
    } with tokio_handler;
    println!("{r}");
}
