use std::ops::Mul;

#[derive(Debug, Clone, PartialEq)]
struct Matrix {
    n: usize,
    data: Vec<i64>,
}

impl Matrix {
    fn identity(n: usize) -> Matrix {
        let mut data = vec![0; n * n];
        for i in 0..n {
            data[i * n + i] = 1;
        }
        Matrix { n, data }
    }

    fn get(&self, r: usize, c: usize) -> i64 {
        self.data[r * self.n + c]
    }

    fn pow(&self, mut e: u32) -> Matrix {
        let mut base = self.clone();
        let mut acc = Matrix::identity(self.n);
        while e > 0 {
            if e & 1 == 1 {
                acc = &acc * &base;
            }
            e >>= 1;
            if e > 0 {
                base = &base * &base;
            }
        }
        acc
    }
}

impl<'a> Mul<&'a Matrix> for &'a Matrix {
    type Output = Matrix;
    fn mul(self, o: &Matrix) -> Matrix {
        let n = self.n;
        let mut data = vec![0; n * n];
        for i in 0..n {
            for j in 0..n {
                data[i * n + j] = (0..n).map(|k| self.get(i, k) * o.get(k, j)).sum();
            }
        }
        Matrix { n, data }
    }
}

fn main() {
    let fib = Matrix { n: 2, data: vec![1, 1, 1, 0] };
    for e in [1, 2, 10, 50, 90] {
        println!("fib({e}) = {}", fib.pow(e).get(0, 1));
    }
    let m = Matrix { n: 3, data: (1..=9).collect() };
    let sq = &m * &m;
    for row in sq.data.chunks(3) {
        println!("{}", row.iter().map(|v| format!("{v:>4}")).collect::<String>());
    }
    println!("{}", &m * &Matrix::identity(3) == m);
}
