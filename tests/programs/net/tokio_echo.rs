// not-rust
// A server task and a client task on 127.0.0.1:0 (an ephemeral port): the client sends three
// lines, the server answers each through a BufReader over its half of the socket; both sides
// print in a fixed order (the client prints the replies; the server's count comes back through
// a channel).
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use std::sync::mpsc;

#[tokio::main]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    println!("bound to loopback: {}, port chosen: {}", addr.ip().is_loopback(), addr.port() != 0);
    let (done, server_result) = mpsc::channel();
    let server = tokio::spawn(async move {
        let (stream, peer) = listener.accept().await.unwrap();
        let (read_half, mut write_half) = stream.into_split();
        let mut reader = BufReader::new(read_half);
        let mut n = 0;
        let mut line = String::new();
        while reader.read_line(&mut line).await.unwrap() > 0 {
            n += 1;
            let reply = format!("{}: {}", n, line.trim_end().to_uppercase());
            write_half.write_all(format!("{}\n", reply).as_bytes()).await.unwrap();
            line.clear();
        }
        done.send((n, peer.ip().is_loopback())).unwrap();
    });
    let stream = TcpStream::connect(addr).await.unwrap();
    println!("connected to {}", if stream.peer_addr().unwrap() == addr { "the listener" } else { "someone else" });
    let (read_half, mut write_half) = stream.into_split();
    let mut lines = BufReader::new(read_half).lines();
    for word in ["alpha", "beta", "gamma"] {
        write_half.write_all(format!("{}\n", word).as_bytes()).await.unwrap();
        let reply = lines.next_line().await.unwrap();
        println!("client got {:?}", reply);
    }
    write_half.shutdown().await.unwrap();
    println!("after shutdown: {:?}", lines.next_line().await.unwrap());
    let (count, loopback) = server_result.recv().unwrap();
    server.await.unwrap();
    println!("server answered {} lines from a loopback peer: {}", count, loopback);

    // Errors are io::Errors with std's kinds and texts.
    let e = TcpStream::connect(addr).await.unwrap_err();
    println!("{:?}: {}", e.kind(), e);
    let taken = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let e = TcpListener::bind(taken.local_addr().unwrap()).await.unwrap_err();
    println!("{:?}: {}", e.kind(), e);
}
