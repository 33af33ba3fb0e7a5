// Benchmark 5: strings and a hash map. Build words from numbers (String pushes),
// make keys with format!, count them in a HashMap<String, usize>, concatenate a
// long text, and print an order-independent checksum (never the map order).

use std::collections::HashMap;

fn make_word(n: usize, syllables: &Vec<&str>) -> String {
    let mut word = String::new();
    let mut k = n + 1;
    while k > 0 {
        word.push_str(syllables[k % 8]);
        k = k / 8;
    }
    word
}

fn arg_or(default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    if args.len() > 1 {
        args[1].parse::<usize>().unwrap()
    } else {
        default
    }
}

fn main() {
    let n = arg_or(1_000_000);
    let syllables = vec!["ka", "lo", "mi", "nu", "pe", "ra", "si", "to"];

    let mut counts: HashMap<String, usize> = HashMap::new();
    for i in 0..n {
        let word = make_word((i * 7919) % 10007, &syllables);
        let key = format!("{}-{}", word, i % 7);
        let c = match counts.get(&key) {
            Some(c) => *c,
            None => 0,
        };
        counts.insert(key, c + 1);
    }

    let mut checksum: usize = 0;
    let mut most: usize = 0;
    for (key, count) in &counts {
        checksum = (checksum + key.len() * 31 * *count + *count) % 1_000_000_007;
        if *count > most {
            most = *count;
        }
    }

    let mut text = String::new();
    for i in 0..n / 10 {
        text.push_str(&make_word(i, &syllables));
        text.push(' ');
    }

    println!(
        "strings({}): distinct {} most {} checksum {} text {}",
        n,
        counts.len(),
        most,
        checksum,
        text.len()
    );
}
