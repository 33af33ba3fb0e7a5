// `thread::scope`: scoped threads borrow locals; all are joined before the scope returns.
use std::thread;

fn main() {
    let mut a = vec![1, 2, 3];
    let mut x = 0;

    let seen = thread::scope(|s| {
        let first = s.spawn(|| {
            // We can borrow `a` here.
            format!("the first scoped thread sees {a:?}")
        });
        s.spawn(|| {
            // We can even mutably borrow `x` here,
            // because no other threads are using it.
            x += a[0] + a[2];
        });
        first.join().unwrap()
    });
    println!("{seen}");

    // After the scope, we can modify and access our variables again:
    a.push(4);
    assert_eq!(x, a.len());
    println!("{a:?} {x}");

    // Scoped threads returning values through their handles.
    let data = vec![3, 1, 4, 1, 5, 9, 2, 6];
    let (left, right) = data.split_at(data.len() / 2);
    let total = thread::scope(|s| {
        let l = s.spawn(|| left.iter().sum::<i32>());
        let r = s.spawn(|| right.iter().sum::<i32>());
        l.join().unwrap() + r.join().unwrap()
    });
    println!("total {total}");

    // Each thread owns a chunk of a mutable slice.
    let mut nums = vec![1u64; 12];
    thread::scope(|s| {
        for (i, chunk) in nums.chunks_mut(4).enumerate() {
            s.spawn(move || {
                for v in chunk.iter_mut() {
                    *v *= (i as u64) + 2;
                }
            });
        }
    });
    println!("{:?}", nums);
}
