// Copy values are copied when read by value: mutating the copy never changes the original.
#[derive(Debug, Clone, Copy, PartialEq)]
struct P {
    x: i32,
    y: i32,
}

#[derive(Debug, Clone, Copy)]
struct Outer {
    inner: P,
    tag: char,
}

fn shift(mut p: P) -> P {
    p.x += 100;
    p
}

fn shift_arr(mut a: [i32; 3]) -> i32 {
    a[0] = 99;
    a.iter().sum()
}

fn main() {
    let v = vec![P { x: 1, y: 2 }, P { x: 3, y: 4 }];
    let mut first = v[0];
    first.x = 50;
    println!("{:?} {:?}", first, v[0]);

    let o = Outer { inner: P { x: 7, y: 8 }, tag: 'o' };
    let mut inner = o.inner;
    inner.y = -1;
    let mut o2 = o;
    o2.tag = 'z';
    o2.inner.x = 0;
    println!("{:?}\n{:?}\n{:?}", o, o2, inner);

    let p = P { x: 1, y: 1 };
    let q = shift(p);
    println!("{:?} {:?}", p, q);

    let arr = [1, 2, 3];
    println!("{} {:?}", shift_arr(arr), arr);
    let mut arr2 = arr;
    arr2[1] = 20;
    println!("{:?} {:?}", arr, arr2);

    let t = (1, P { x: 2, y: 3 });
    let mut t2 = t;
    t2.1.x = 30;
    println!("{:?} {:?}", t, t2);

    let grid = [[0u8; 2]; 2];
    let mut g2 = grid;
    g2[0][1] = 5;
    println!("{:?} {:?}", grid, g2);

    let mut ps = vec![p; 3];
    ps[1].y = 9;
    println!("{:?}", ps);

    for mut item in v.iter().copied() {
        item.x *= -1;
        print!("{} ", item.x);
    }
    println!("{:?}", v);
}
