// not-rust
// async fn, async blocks (move and borrowing), await chains, return and ? inside async
// bodies, typed awaits, a method that is async.
async fn add(a: u64, b: u64) -> u64 {
    a + b
}

async fn twice(x: u64) -> u64 {
    let y = add(x, x).await;
    y * 2
}

async fn parse(s: &str) -> Result<i32, std::num::ParseIntError> {
    let n: i32 = s.parse()?;
    if n < 0 {
        return Ok(0);
    }
    Ok(n + 1)
}

async fn chain(s: &str) -> Result<i32, std::num::ParseIntError> {
    let a = parse(s).await?;
    let b = parse("10").await?;
    Ok(a * b)
}

struct Counter {
    n: u32,
}

impl Counter {
    async fn bump(&mut self, by: u32) -> u32 {
        self.n += by;
        self.n
    }
}

fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let x: u64 = twice(5).await;
        println!("twice: {x}");
        let big: u64 = add(u64::MAX - 1, 1).await;
        println!("big: {big}");
        let b = async { 40 + 2 };
        println!("block: {}", b.await);
        println!("{:?} {:?} {}", parse("41").await, parse("-3").await, parse("x").await.is_err());
        println!("chain: {:?} {}", chain("4").await, chain("no").await.is_err());
        let v = vec![1, 2, 3];
        let s = async move { v.iter().sum::<i32>() }.await;
        println!("sum: {s}");
        let mut total = 0;
        async {
            total += 5;
        }
        .await;
        println!("total: {total}");
        let early = async {
            if total > 1 {
                return "early";
            }
            "late"
        };
        println!("{}", early.await);
        let mut c = Counter { n: 1 };
        c.bump(2).await;
        println!("counter: {}", c.bump(3).await);
        let lazy = async {
            println!("lazy body runs when awaited");
            7
        };
        println!("before await");
        println!("{}", lazy.await);
    });
}
