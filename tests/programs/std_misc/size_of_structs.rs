// `size_of` of the program's structs: fields reordered by alignment (no padding between
// them), the end rounded up to the largest alignment; nested structs, tuple and unit structs,
// a `Box` back-pointer, `size_of_val`, a tuple holding a struct.
use std::mem::{size_of, size_of_val};

struct Header { tag: u8, len: u32, flag: u8 }
struct Pair(u64, u8);
struct Marker;
struct Record { head: Header, ok: bool, name: String }
#[allow(dead_code)]
struct Node { next: Option<Box<Node>>, value: i16 }
struct P { x: f32, y: f32 }

fn main() {
    println!("{} {} {} {}", size_of::<Header>(), size_of::<Pair>(), size_of::<Marker>(), size_of::<Record>());
    println!("{} {} {}", size_of::<Node>(), size_of::<P>(), size_of::<(Header, u16)>());
    let h = Header { tag: 1, len: 2, flag: 3 };
    let p = P { x: 0.5, y: 1.5 };
    println!("{} {} {}", size_of_val(&h), size_of_val(&p), h.tag as u32 + h.len + h.flag as u32);
    println!("{} {}", size_of::<[Header; 3]>(), Pair(7, 1).0 + Pair(0, 2).1 as u64 + (p.x + p.y) as u64);
}
