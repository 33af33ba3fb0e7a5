// not-rust
// The seed's H-10 async snippets (MENARA, BENTENG, SANDI's HSM pool) with only the imports
// and the helper functions and types they call added; the snippets' own text is unchanged
// except BENTENG's return type (see `benteng_verify`).
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::sync::Mutex;
use tokio::spawn;

// ---- MENARA ----
#[derive(Debug, Clone)]
struct ThreatEvent {
    source: &'static str,
    score: u8,
}

#[derive(Debug, PartialEq, PartialOrd)]
enum Severity {
    Low,
    High,
}

struct MenaraConfig;

static LOG: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

async fn report(source: &'static str, tx: mpsc::Sender<ThreatEvent>, scores: &[u8]) {
    for &score in scores {
        tokio::time::sleep(Duration::from_millis(1)).await;
        tx.send(ThreatEvent { source, score }).await.unwrap();
    }
}

async fn network_monitor(tx: mpsc::Sender<ThreatEvent>) {
    report("network", tx, &[3, 9]).await
}

async fn app_monitor(tx: mpsc::Sender<ThreatEvent>) {
    report("app", tx, &[7]).await
}

async fn permission_monitor(tx: mpsc::Sender<ThreatEvent>) {
    report("permission", tx, &[1, 2, 8]).await
}

async fn assess_threat(event: &ThreatEvent) -> Severity {
    tokio::task::yield_now().await;
    if event.score >= 7 { Severity::High } else { Severity::Low }
}

async fn alert_user(event: &ThreatEvent) {
    LOG.lock().unwrap().push(format!("ALERT {} {}", event.source, event.score));
}

async fn log_threat(event: &ThreatEvent) {
    LOG.lock().unwrap().push(format!("log {} {}", event.source, event.score));
}

// Concurrent threat detection
async fn menara_monitor(config: MenaraConfig) -> ! {
    let (tx, rx) = mpsc::channel::<ThreatEvent>(1000);
    
    // Parallel monitors
    let monitors = vec![
        spawn(network_monitor(tx.clone())),
        spawn(app_monitor(tx.clone())),
        spawn(permission_monitor(tx.clone())),
    ];
    
    // Central threat processor
    while let Some(event) = rx.recv().await {
        let severity = assess_threat(&event).await;
        if severity >= Severity::High {
            alert_user(&event).await;
        }
        log_threat(&event).await;
    }
}

// ---- BENTENG ----
#[derive(Debug)]
struct VerifyRequest {
    selfie: Vec<u8>,
    document_photo: Vec<u8>,
    document: String,
    liveness_frames: Vec<u32>,
}

#[derive(Debug)]
struct VerifyResult {
    face_match: bool,
    document_valid: bool,
    is_live: bool,
}

async fn verify_face(selfie: &Vec<u8>, photo: &Vec<u8>) -> Result<bool, String> {
    tokio::time::sleep(Duration::from_millis(3)).await;
    Ok(selfie == photo)
}

async fn verify_document(document: &String) -> Result<bool, String> {
    tokio::time::sleep(Duration::from_millis(1)).await;
    Ok(document.starts_with("MY"))
}

async fn verify_liveness(frames: &Vec<u32>) -> Result<bool, String> {
    tokio::time::sleep(Duration::from_millis(2)).await;
    Ok(frames.windows(2).any(|w| w[0] != w[1]))
}

// Concurrent verification pipeline
// The seed writes `-> VerifyResult` here, but its body uses `?`: rustc rejects that (E0277,
// "the `?` operator can only be used in an async function that returns `Result` or
// `Option`"), and so does teras. The return type and the `Ok(..)` around the body are the
// only changes to the snippet.
async fn benteng_verify(request: VerifyRequest) -> Result<VerifyResult, String> {
    // Parallel verification steps
    let (face_result, doc_result, liveness_result) = tokio::join!(
        verify_face(&request.selfie, &request.document_photo),
        verify_document(&request.document),
        verify_liveness(&request.liveness_frames),
    );
    
    // Aggregate results
    Ok(VerifyResult {
        face_match: face_result?,
        document_valid: doc_result?,
        is_live: liveness_result?,
    })
}

// ---- SANDI ----
#[derive(Debug)]
struct Signature(String);

struct HsmConnection {
    id: usize,
    used: u32,
}

impl HsmConnection {
    async fn sign(&mut self, data: &[u8]) -> Signature {
        tokio::time::sleep(Duration::from_millis(1)).await;
        self.used += 1;
        let sum: u32 = data.iter().map(|&b| b as u32).sum();
        Signature(format!("hsm{}:{:x}", self.id, sum))
    }
}

// HSM connection pooling
struct HsmPool {
    connections: Vec<Mutex<HsmConnection>>,
    next: AtomicUsize,
}

impl HsmPool {
    async fn sign(&self, data: &[u8]) -> Signature {
        let idx = self.next.fetch_add(1, Ordering::Relaxed) % self.connections.len();
        let mut conn = self.connections[idx].lock().await;
        conn.sign(data).await
    }
}

#[tokio::main]
async fn main() {
    // menara_monitor never returns (`-> !`): run it for a while.
    let r = tokio::time::timeout(Duration::from_millis(200), menara_monitor(MenaraConfig)).await;
    let mut log = std::mem::take(&mut *LOG.lock().unwrap());
    log.sort();
    println!("menara stopped by the timeout: {}; {} entries", r.is_err(), log.len());
    for l in &log {
        println!("  {}", l);
    }

    let req = VerifyRequest {
        selfie: vec![1, 2, 3],
        document_photo: vec![1, 2, 3],
        document: "MY-123".to_string(),
        liveness_frames: vec![4, 4, 5],
    };
    println!("{:?}", benteng_verify(req).await);

    let pool = Arc::new(HsmPool {
        connections: (0..2).map(|id| Mutex::new(HsmConnection { id, used: 0 })).collect(),
        next: AtomicUsize::new(0),
    });
    let mut handles = Vec::new();
    for i in 0..5u8 {
        let pool = pool.clone();
        handles.push(spawn(async move { pool.sign(&[i, i + 1]).await }));
    }
    let mut sigs = Vec::new();
    for h in handles {
        // Which connection signed which request depends on the tasks' order: keep the sums.
        let sig = h.await.unwrap().0;
        sigs.push(sig.split(':').nth(1).unwrap_or("").to_string());
    }
    sigs.sort();
    println!("{:?}", sigs);
    for c in &pool.connections {
        let c = c.lock().await;
        println!("connection {} signed {} times", c.id, c.used);
    }
}
