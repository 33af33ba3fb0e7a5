// `x.try_into()` on integers, with the target type from an annotation: `Ok` when the value
// fits, `Err(TryFromIntError(()))` when it does not.
use std::convert::TryInto;

fn to_u8(x: i32) -> Result<u8, std::num::TryFromIntError> {
    x.try_into()
}

fn main() {
    let x: i32 = 300;
    let y: Result<u8, _> = x.try_into();
    println!("{:?}", y);
    let z: u8 = 7i32.try_into().unwrap();
    println!("{z}");
    let w: u8 = x.try_into().unwrap_or(0);
    println!("{w}");
    let v: i64 = -5;
    let u: Result<usize, _> = v.try_into();
    println!("{:?} {}", u, u.is_err());
    let big: u64 = u64::MAX;
    let c: Result<i64, _> = big.try_into();
    println!("{:?}", c.map_err(|e| e.to_string()));
    println!("{:?} {:?}", to_u8(255), to_u8(256).is_err());
    let n: i128 = 1 << 70;
    let m: Result<u64, _> = n.try_into();
    println!("{}", m.is_err());
}
