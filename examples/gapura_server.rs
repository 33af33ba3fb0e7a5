// not-rust
// GAPURA, the seed's web application firewall (H-10), as a TERAS program: an async HTTP/1.1
// server on tokio-shaped TCP. Each connection is a task; the rules sit behind an
// Arc<RwLock> (each task takes a snapshot, so a reload never waits for slow clients); a request
// that matches a rule gets 403, the others are routed.
//
//   teras run examples/gapura_server.rs [ADDR] [MAX_REQUESTS]
//   curl -i http://127.0.0.1:8080/hello
//
// ADDR defaults to 127.0.0.1:8080; with MAX_REQUESTS the server stops after that many
// connections (the end-to-end test uses it), otherwise it serves forever.
use std::sync::{Arc, RwLock};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

#[derive(Clone)]
struct Rule {
    name: String,
    needle: String,
}

struct Request {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: String,
}

struct Response {
    status: u16,
    reason: &'static str,
    body: String,
}

fn load_rules() -> Vec<Rule> {
    let mut rules = Vec::new();
    for (name, needle) in [("path-traversal", "../"), ("xss", "<script"), ("sql-injection", "' or 1=1"), ("admin-probe", "/admin")] {
        rules.push(Rule { name: name.to_string(), needle: needle.to_string() });
    }
    rules
}

/// `%3C` -> `<`, `+` -> ` ` (enough for the rules to see through simple encoding).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = &s[i + 1..i + 3];
            match u8::from_str_radix(hex, 16) {
                Ok(b) => {
                    out.push(b);
                    i += 3;
                    continue;
                }
                Err(_) => {}
            }
        }
        out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).to_string()
}

/// The first rule the request breaks, if any.
fn inspect(req: &Request, rules: &[Rule]) -> Option<String> {
    let target = percent_decode(&req.path).to_lowercase();
    let body = req.body.to_lowercase();
    for rule in rules {
        if target.contains(&rule.needle) || body.contains(&rule.needle) {
            return Some(rule.name.clone());
        }
    }
    None
}

fn route(req: &Request) -> Response {
    let (path, query) = match req.path.split_once('?') {
        Some((p, q)) => (p, q),
        None => (req.path.as_str(), ""),
    };
    match (req.method.as_str(), path) {
        ("GET", "/") => Response { status: 200, reason: "OK", body: "Welcome to GAPURA (served by teras)\n".to_string() },
        ("GET", "/health") => Response { status: 200, reason: "OK", body: "{\"status\":\"ok\"}\n".to_string() },
        ("GET", "/hello") => {
            let name = query.strip_prefix("name=").map(percent_decode).unwrap_or("world".to_string());
            Response { status: 200, reason: "OK", body: format!("Hello, {}!\n", name) }
        }
        ("POST", "/echo") => Response { status: 200, reason: "OK", body: req.body.clone() },
        ("GET", _) | ("POST", _) => Response { status: 404, reason: "Not Found", body: format!("no route for {}\n", path) },
        _ => Response { status: 405, reason: "Method Not Allowed", body: format!("method {} not allowed\n", req.method) },
    }
}

/// Read one request: the request line, the headers up to the empty line, then
/// Content-Length bytes of body. `None` when the peer closed or sent garbage.
async fn read_request<R: AsyncBufReadExt + Unpin>(reader: &mut R) -> std::io::Result<Option<Request>> {
    let mut line = String::new();
    if reader.read_line(&mut line).await? == 0 {
        return Ok(None);
    }
    let parts: Vec<&str> = line.trim_end().split(' ').collect();
    if parts.len() != 3 || !parts[2].starts_with("HTTP/") {
        return Ok(None);
    }
    let mut req = Request { method: parts[0].to_string(), path: parts[1].to_string(), headers: Vec::new(), body: String::new() };
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).await? == 0 {
            break;
        }
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            req.headers.push((k.trim().to_lowercase(), v.trim().to_string()));
        }
    }
    let len = req.headers.iter().find(|(k, _)| k == "content-length").and_then(|(_, v)| v.parse::<usize>().ok()).unwrap_or(0);
    if len > 0 {
        let mut body = vec![0u8; len.min(1 << 20)];
        reader.read_exact(&mut body).await?;
        req.body = String::from_utf8_lossy(&body).to_string();
    }
    Ok(Some(req))
}

async fn handle(stream: tokio::net::TcpStream, rules: &[Rule]) -> std::io::Result<String> {
    let (read_half, mut write_half) = stream.into_split();
    let mut reader = BufReader::new(read_half);
    let Some(req) = read_request(&mut reader).await? else {
        return Ok("(no request)".to_string());
    };
    let resp = match inspect(&req, rules) {
        Some(rule) => Response { status: 403, reason: "Forbidden", body: format!("blocked by GAPURA: rule {}\n", rule) },
        None => route(&req),
    };
    let head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\nServer: gapura-teras\r\n\r\n",
        resp.status,
        resp.reason,
        resp.body.len()
    );
    write_half.write_all(head.as_bytes()).await?;
    write_half.write_all(resp.body.as_bytes()).await?;
    write_half.flush().await?;
    write_half.shutdown().await?;
    Ok(format!("{} {} -> {}", req.method, req.path, resp.status))
}

async fn gapura_server(addr: &str, max_requests: Option<usize>) -> std::io::Result<()> {
    let listener = TcpListener::bind(addr).await?;
    let rules = Arc::new(RwLock::new(load_rules()));
    eprintln!("GAPURA listening on http://{}", listener.local_addr()?);
    let mut handles = Vec::new();
    let mut accepted = 0;
    while max_requests.map_or(true, |m| accepted < m) {
        let (stream, peer) = listener.accept().await?;
        accepted += 1;
        let rules = rules.clone();
        handles.push(tokio::spawn(async move {
            let rules: Vec<Rule> = rules.read().unwrap().clone();
            match handle(stream, &rules).await {
                Ok(line) => eprintln!("{} {}", peer.ip(), line),
                Err(e) => eprintln!("{} error: {}", peer.ip(), e),
            }
        }));
    }
    for h in handles {
        let _ = h.await;
    }
    println!("GAPURA served {} connections", accepted);
    Ok(())
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let addr = args.get(1).cloned().unwrap_or("127.0.0.1:8080".to_string());
    let max = args.get(2).and_then(|s| s.parse::<usize>().ok());
    if let Err(e) = gapura_server(&addr, max).await {
        eprintln!("gapura: {}", e);
        std::process::exit(1);
    }
}
