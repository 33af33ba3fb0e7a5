// std::net with a thread per connection (the Book's chapter 20 shape): a listener on an
// ephemeral port, clients that send lines and read the echoes, the server shutting each
// connection down when the client says "bye". Errors keep std's kinds and texts.
use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::str::FromStr;
use std::sync::mpsc;
use std::thread;

fn serve(listener: TcpListener, connections: usize, done: mpsc::Sender<usize>) {
    let mut handles = Vec::new();
    for stream in listener.incoming().take(connections) {
        let mut stream = stream.unwrap();
        handles.push(thread::spawn(move || {
            let reader = BufReader::new(stream.try_clone().unwrap());
            let mut lines = 0;
            for line in reader.lines() {
                let line = line.unwrap();
                if line == "bye" {
                    break;
                }
                lines += 1;
                writeln!(stream, "echo {}", line).unwrap();
            }
            stream.shutdown(Shutdown::Both).unwrap();
            lines
        }));
    }
    done.send(handles.into_iter().map(|h| h.join().unwrap()).sum()).unwrap();
}

fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let (done, server_lines) = mpsc::channel();
    let server = thread::spawn(move || serve(listener, 2, done));
    for client in 0..2 {
        let mut stream = TcpStream::connect(addr).unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        for i in 0..3 {
            stream.write_all(format!("client {} line {}\n", client, i).as_bytes()).unwrap();
            let mut reply = String::new();
            reader.read_line(&mut reply).unwrap();
            print!("{}", reply);
        }
        stream.write_all(b"bye\n").unwrap();
        let mut rest = Vec::new();
        let n = reader.read_to_end(&mut rest).unwrap();
        println!("client {} done, {} bytes after bye", client, n);
    }
    println!("server echoed {} lines", server_lines.recv().unwrap());
    server.join().unwrap();

    let e = TcpStream::connect(addr).unwrap_err();
    println!("{:?} {} {}", e.kind(), e.kind() == ErrorKind::ConnectionRefused, e);
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let e = TcpListener::bind(taken.local_addr().unwrap()).unwrap_err();
    println!("{:?} {}", e.kind(), e);
    let bad = std::net::SocketAddr::from_str("not an address");
    println!("{:?}", bad.is_err());
    let a = std::net::SocketAddr::from_str("[::1]:8080").unwrap();
    println!("{} {} {} {}", a, a.ip(), a.port(), a.is_ipv6());
}
