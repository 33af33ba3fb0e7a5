//! End to end over real TCP: the `teras` binary runs the GAPURA server example
//! (`examples/gapura_server.rs`, async tasks on tokio-shaped TCP) and the threaded std::net
//! echo server below; a Rust client sends a bounded number of requests on localhost, checks
//! every response, and the server program stops by itself after that many connections.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// A port that was free a moment ago.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

/// Connect, retrying while the server starts (the interpreter compiles its prelude first).
fn connect(port: u16, child: &mut Child) -> TcpStream {
    let start = Instant::now();
    loop {
        match TcpStream::connect(("127.0.0.1", port)) {
            Ok(s) => {
                s.set_read_timeout(Some(Duration::from_secs(20))).expect("timeout");
                return s;
            }
            Err(e) => {
                if let Ok(Some(status)) = child.try_wait() {
                    panic!("the server exited early ({status}); last connect error: {e}");
                }
                assert!(start.elapsed() < Duration::from_secs(60), "server not listening after 60 s: {e}");
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }
}

/// Wait for the server to end by itself; its stdout and stderr.
fn finish(mut child: Child) -> (String, String) {
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                let mut out = String::new();
                let mut err = String::new();
                if let Some(mut o) = child.stdout.take() {
                    let _ = o.read_to_string(&mut out);
                }
                if let Some(mut e) = child.stderr.take() {
                    let _ = e.read_to_string(&mut err);
                }
                assert!(status.success(), "server failed ({status}):\n{out}\n{err}");
                return (out, err);
            }
            Ok(None) if start.elapsed() < Duration::from_secs(30) => std::thread::sleep(Duration::from_millis(50)),
            _ => {
                let _ = child.kill();
                panic!("the server did not stop after its last connection");
            }
        }
    }
}

/// The server process: killed if the test fails before it ended by itself.
struct Server(Option<Child>);

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut c) = self.0.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Server {
    fn child(&mut self) -> &mut Child {
        self.0.as_mut().expect("server running")
    }
    fn finish(mut self) -> (String, String) {
        finish(self.0.take().expect("server running"))
    }
    /// The client side failed: stop the server and fail with what it printed, so a crash of
    /// the server is told apart from a network problem.
    fn fail(mut self, what: &str, e: std::io::Error) -> ! {
        let mut err = String::new();
        if let Some(mut c) = self.0.take() {
            let _ = c.kill();
            let status = c.wait();
            if let Some(mut e) = c.stderr.take() {
                let _ = e.read_to_string(&mut err);
            }
            err = format!("server status {status:?}, stderr:\n{err}");
        }
        panic!("{what}: {e}\n{err}");
    }
}

/// The two tests' servers never run at the same time: `free_port` can hand both the same
/// port (it is free again once probed), and a client would then talk to the other test's server.
static ONE_SERVER_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn one_server_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    ONE_SERVER_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn spawn(program: &str, args: &[String]) -> Server {
    Server(Some(spawn_child(program, args)))
}

fn spawn_child(program: &str, args: &[String]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_teras"))
        .current_dir(repo_root())
        .arg("run")
        .arg(program)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("teras starts")
}

/// One HTTP/1.1 exchange: the status code and the body.
fn http(port: u16, child: &mut Child, request: &str) -> (u16, String) {
    let mut s = connect(port, child);
    s.write_all(request.as_bytes()).expect("request sent");
    let mut raw = String::new();
    s.read_to_string(&mut raw).expect("response read");
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or_else(|| panic!("no header end in {raw:?}"));
    let status: u16 = head.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or_else(|| panic!("bad status line in {raw:?}"));
    let len: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Length: "))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no Content-Length in {raw:?}"));
    assert_eq!(body.len(), len, "Content-Length matches the body");
    assert!(head.starts_with("HTTP/1.1 "), "{head}");
    (status, body.to_string())
}

#[test]
fn gapura_answers_http_requests_and_blocks_attacks() {
    let _serial = one_server_at_a_time();
    let port = free_port();
    let cases: Vec<(String, u16, &str)> = vec![
        ("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".into(), 200, "Welcome to GAPURA (served by teras)\n"),
        ("GET /hello?name=Rustacean HTTP/1.1\r\nHost: localhost\r\n\r\n".into(), 200, "Hello, Rustacean!\n"),
        ("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".into(), 200, "{\"status\":\"ok\"}\n"),
        ("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 11\r\n\r\nhello teras".into(), 200, "hello teras"),
        ("GET /files/..%2F..%2Fetc/passwd HTTP/1.1\r\nHost: localhost\r\n\r\n".into(), 403, "blocked by GAPURA: rule path-traversal\n"),
        ("GET /q?s=%3Cscript%3Ealert(1) HTTP/1.1\r\n\r\n".into(), 403, "blocked by GAPURA: rule xss\n"),
        ("GET /nowhere HTTP/1.1\r\n\r\n".into(), 404, "no route for /nowhere\n"),
        ("DELETE / HTTP/1.1\r\n\r\n".into(), 405, "method DELETE not allowed\n"),
    ];
    let mut child = spawn("examples/gapura_server.rs", &[format!("127.0.0.1:{port}"), cases.len().to_string()]);
    for (req, status, body) in &cases {
        let got = http(port, child.child(), req);
        assert_eq!(got, (*status, body.to_string()), "for request {req:?}");
    }
    let (out, err) = child.finish();
    assert_eq!(out, format!("GAPURA served {} connections\n", cases.len()));
    assert!(err.contains(&format!("GAPURA listening on http://127.0.0.1:{port}")), "{err}");
    assert!(err.contains("127.0.0.1 GET /health -> 200"), "{err}");
}

/// The Book's chapter 20 shape with std::net: a thread per connection, blocking I/O.
const THREADED: &str = r#"
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let listener = TcpListener::bind(args[1].as_str()).unwrap();
    let n: usize = args[2].parse().unwrap();
    let total = Arc::new(AtomicUsize::new(0));
    let mut handles = Vec::new();
    for stream in listener.incoming().take(n) {
        let mut stream = stream.unwrap();
        let total = Arc::clone(&total);
        handles.push(thread::spawn(move || {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            for line in reader.lines() {
                let line = line.unwrap();
                if line == "bye" {
                    break;
                }
                total.fetch_add(line.len(), Ordering::SeqCst);
                writeln!(stream, "{} bytes: {}", line.len(), line.to_uppercase()).unwrap();
            }
        }));
    }
    for h in handles {
        h.join().unwrap();
    }
    println!("{} connections, {} bytes", n, total.load(Ordering::SeqCst));
}
"#;

#[test]
fn threaded_std_net_echo_server() {
    let dir = std::env::temp_dir().join(format!("teras-tcp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let prog = dir.join("threaded_echo.rs");
    std::fs::write(&prog, THREADED).expect("program written");
    let _serial = one_server_at_a_time();
    let port = free_port();
    let n = 3;
    let mut child = spawn(prog.to_str().expect("utf-8 path"), &[format!("127.0.0.1:{port}"), n.to_string()]);
    let mut bytes = 0;
    for i in 0..n {
        let s = connect(port, child.child());
        let mut w = s.try_clone().expect("clone");
        let mut r = BufReader::new(s);
        for word in ["alpha", "beta"] {
            let msg = format!("{word}{i}");
            if let Err(e) = writeln!(w, "{msg}") {
                child.fail(&format!("sending {msg:?} on connection {i}"), e);
            }
            let mut line = String::new();
            if let Err(e) = r.read_line(&mut line) {
                child.fail(&format!("reading the reply to {msg:?} on connection {i}"), e);
            }
            assert_eq!(line, format!("{} bytes: {}\n", msg.len(), msg.to_uppercase()));
            bytes += msg.len();
        }
        if let Err(e) = writeln!(w, "bye") {
            child.fail(&format!("sending bye on connection {i}"), e);
        }
    }
    let (out, _) = child.finish();
    assert_eq!(out, format!("{n} connections, {bytes} bytes\n"));
    let _ = std::fs::remove_dir_all(&dir);
}
