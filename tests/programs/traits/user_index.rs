// User `Index`/`IndexMut` impls: reads, assignment, compound assignment, fields of elements.
use std::ops::{Index, IndexMut};

#[derive(Debug, Clone, Default)]
struct Cell {
    n: i32,
}

struct Grid {
    w: usize,
    cells: Vec<Cell>,
}

impl Index<(usize, usize)> for Grid {
    type Output = Cell;
    fn index(&self, (r, c): (usize, usize)) -> &Cell {
        &self.cells[r * self.w + c]
    }
}

impl IndexMut<(usize, usize)> for Grid {
    fn index_mut(&mut self, (r, c): (usize, usize)) -> &mut Cell {
        &mut self.cells[r * self.w + c]
    }
}

struct Counts {
    v: Vec<u64>,
}

impl Index<usize> for Counts {
    type Output = u64;
    fn index(&self, i: usize) -> &u64 {
        &self.v[i % self.v.len()]
    }
}

impl IndexMut<usize> for Counts {
    fn index_mut(&mut self, i: usize) -> &mut u64 {
        let n = self.v.len();
        &mut self.v[i % n]
    }
}

fn main() {
    let mut g = Grid { w: 2, cells: vec![Cell::default(); 4] };
    g[(1, 0)].n += 5;
    g[(0, 1)] = Cell { n: 7 };
    println!("{:?} {:?} {}", g[(1, 0)], g[(0, 1)], g[(1, 1)].n);
    let mut c = Counts { v: vec![0; 3] };
    for i in 0..10 {
        c[i] += i as u64;
    }
    c[4] = 100;
    let first = c[0];
    println!("{} {} {} {:?}", first, c[1], c[5], c.v);
}
