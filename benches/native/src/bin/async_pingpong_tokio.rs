// The async channels benchmark: ping-pong between two tasks over two tokio
// mpsc channels of capacity 1, N round trips (10^6 by default; the first argument). Measures
// an await on an empty channel, the wake-up of the other task and its resumption. Native
// baseline for the TERAS version (benches/async_pingpong.rs); Go:
// async_pingpong.go (goroutines over unbuffered channels).
use tokio::sync::mpsc;

fn arg_or(default: u64) -> u64 {
    let args: Vec<String> = std::env::args().collect();
    if args.len() > 1 {
        args[1].parse::<u64>().unwrap()
    } else {
        default
    }
}

#[tokio::main]
async fn main() {
    let n = arg_or(1_000_000);
    let (ping_tx, mut ping_rx) = mpsc::channel::<u64>(1);
    let (pong_tx, mut pong_rx) = mpsc::channel::<u64>(1);
    let h = tokio::spawn(async move {
        for _ in 0..n {
            let v = ping_rx.recv().await.unwrap();
            pong_tx.send(v + 1).await.unwrap();
        }
    });
    let mut v = 0u64;
    for _ in 0..n {
        ping_tx.send(v).await.unwrap();
        v = pong_rx.recv().await.unwrap();
    }
    h.await.unwrap();
    println!("async_pingpong({}) = {}", n, v);
}
