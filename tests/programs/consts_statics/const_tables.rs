#[derive(Debug)]
struct Planet {
    name: &'static str,
    gravity: f64,
}

const PLANETS: [Planet; 3] = [
    Planet { name: "Mercury", gravity: 3.7 },
    Planet { name: "Earth", gravity: 9.81 },
    Planet { name: "Jupiter", gravity: 24.79 },
];

static UNITS: &[&str] = &["B", "KiB", "MiB", "GiB"];
const KIB: u64 = 1 << 10;

fn human(mut n: u64) -> String {
    let mut unit = 0;
    while n >= KIB && unit < UNITS.len() - 1 {
        n /= KIB;
        unit += 1;
    }
    format!("{n} {}", UNITS[unit])
}

fn main() {
    for p in PLANETS.iter() {
        println!("{:<8} {:>6.2} {:.1}", p.name, p.gravity, 70.0 * p.gravity / PLANETS[1].gravity);
    }
    for n in [512, 2048, 5 * 1024 * 1024, u64::MAX] {
        println!("{}", human(n));
    }
    println!("{:?}", PLANETS.iter().map(|p| p.name.len()).collect::<Vec<_>>());
}
