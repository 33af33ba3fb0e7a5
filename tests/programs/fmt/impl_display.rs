use std::fmt;

struct Point {
    x: i32,
    y: i32,
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "({}, {})", self.x, self.y)
    }
}

struct Matrix {
    rows: Vec<Vec<i32>>,
}

impl fmt::Display for Matrix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, row) in self.rows.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            f.write_str("|")?;
            for v in row {
                write!(f, "{:3}", v)?;
            }
            f.write_str(" |")?;
        }
        Ok(())
    }
}

enum Color {
    Red,
    Custom(u8, u8, u8),
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Color::Red => write!(f, "red"),
            Color::Custom(r, g, b) => write!(f, "#{:02x}{:02x}{:02x}", r, g, b),
        }
    }
}

fn main() {
    let p = Point { x: 3, y: -4 };
    println!("{}", p);
    println!("p = {p}");
    let s = p.to_string();
    println!("{} {}", s, s.len());
    let m = Matrix { rows: vec![vec![1, 2, 3], vec![40, 50, 60]] };
    println!("{m}");
    println!("{} {}", Color::Red, Color::Custom(255, 128, 0));
    let items = vec![Point { x: 1, y: 1 }, Point { x: 2, y: 2 }];
    let text: Vec<String> = items.iter().map(|p| p.to_string()).collect();
    println!("{}", text.join(" -> "));
    println!("{}", format!("[{}]", p));
}
