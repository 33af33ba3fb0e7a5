struct Row {
    name: &'static str,
    score: f64,
    passed: bool,
}

fn main() {
    let rows = [
        Row { name: "Alice", score: 93.456, passed: true },
        Row { name: "Bob", score: 67.0, passed: true },
        Row { name: "Christopher", score: 42.125, passed: false },
        Row { name: "Dee", score: 100.0, passed: true },
    ];
    let width = rows.iter().map(|r| r.name.len()).max().unwrap_or(4).max(4);
    println!("+-{}-+--------+------+", "-".repeat(width));
    println!("| {:<width$} | {:>6} | {:^4} |", "Name", "Score", "Ok");
    println!("+-{}-+--------+------+", "-".repeat(width));
    for r in &rows {
        println!("| {:<width$} | {:>6.2} | {:^4} |", r.name, r.score, if r.passed { "yes" } else { "no" });
    }
    println!("+-{}-+--------+------+", "-".repeat(width));
    let mean = rows.iter().map(|r| r.score).sum::<f64>() / rows.len() as f64;
    let var = rows.iter().map(|r| (r.score - mean).powi(2)).sum::<f64>() / rows.len() as f64;
    println!("mean {:.3} stddev {:.3}", mean, var.sqrt());
    println!("{:e}", mean);
    println!("{:08.2} {:+.1} {:>+9.3}", mean, -mean, var);
}
