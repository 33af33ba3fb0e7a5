// not-rust
// CancellationToken: cancelling a parent cancels every descendant; cancelling a child leaves
// its parent and siblings alone; `cancelled().await` wakes a waiting task.
use std::time::Duration;
use tokio_util::sync::CancellationToken;

#[tokio::main]
async fn main() {
    let root = CancellationToken::new();
    let child = root.child_token();
    let grandchild = child.child_token();
    let sibling = root.child_token();

    child.cancel();
    println!("after child.cancel: root {} child {} grandchild {} sibling {}",
        root.is_cancelled(), child.is_cancelled(), grandchild.is_cancelled(), sibling.is_cancelled());

    let waiter_token = sibling.clone();
    let waiter = tokio::spawn(async move {
        waiter_token.cancelled().await;
        "the waiter saw the cancellation"
    });
    tokio::time::sleep(Duration::from_millis(10)).await;
    root.cancel();
    println!("{}", waiter.await.unwrap());
    println!("after root.cancel: root {} sibling {}", root.is_cancelled(), sibling.is_cancelled());

    let late = root.child_token();
    println!("a child of a cancelled token starts cancelled: {}", late.is_cancelled());
    late.cancelled().await;
    println!("{:?}", late);
}
