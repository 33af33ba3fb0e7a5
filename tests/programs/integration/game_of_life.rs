#[derive(Clone, PartialEq)]
struct Board {
    w: usize,
    h: usize,
    cells: Vec<bool>,
}

impl Board {
    fn parse(rows: &[&str]) -> Board {
        let h = rows.len();
        let w = rows[0].len();
        let cells = rows.iter().flat_map(|r| r.chars().map(|c| c == '#')).collect();
        Board { w, h, cells }
    }

    fn alive(&self, x: i64, y: i64) -> bool {
        let (w, h) = (self.w as i64, self.h as i64);
        let xx = x.rem_euclid(w) as usize;
        let yy = y.rem_euclid(h) as usize;
        self.cells[yy * self.w + xx]
    }

    fn step(&self) -> Board {
        let mut next = self.clone();
        for y in 0..self.h {
            for x in 0..self.w {
                let mut n = 0;
                for dy in -1i64..=1 {
                    for dx in -1i64..=1 {
                        if (dx, dy) != (0, 0) && self.alive(x as i64 + dx, y as i64 + dy) {
                            n += 1;
                        }
                    }
                }
                let me = self.cells[y * self.w + x];
                next.cells[y * self.w + x] = matches!((me, n), (true, 2) | (_, 3));
            }
        }
        next
    }

    fn render(&self) -> String {
        self.cells
            .chunks(self.w)
            .map(|row| row.iter().map(|&c| if c { '#' } else { '.' }).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

fn main() {
    let mut b = Board::parse(&[".#....", "..#...", "###...", "......", "......", "......"]);
    for gen in 0..4 {
        println!("gen {gen}:\n{}", b.render());
        b = b.step();
    }
    let alive = b.cells.iter().filter(|&&c| c).count();
    println!("alive after 4: {alive}");
}
