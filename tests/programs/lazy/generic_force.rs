// LazyCell / LazyLock values passed to generic functions over `T: Deref<Target = ..>` are
// forced where the generic code auto-derefs them (method calls, indexing, `*`).
use std::cell::LazyCell;
use std::sync::LazyLock;
use std::ops::Deref;

static TABLE: LazyLock<Vec<i32>> = LazyLock::new(|| { println!("init table"); vec![1, 2, 3] });

fn total<T: Deref<Target = Vec<i32>>>(v: &T) -> i32 { v.iter().sum() }
fn len_of<T: Deref<Target = Vec<i32>>>(v: T) -> usize { v.len() }
fn gen_len<T: Deref<Target = Vec<i32>>>(v: &T) -> usize { v.len() + v.deref().len() }
fn show<T: std::fmt::Debug>(v: &T) { println!("{:?}", v); }
fn first<T: Deref<Target = Vec<i32>>>(v: &T) -> i32 { v[0] }
fn deref_it<T: Deref<Target = Vec<i32>>>(v: &T) -> Vec<i32> { (**v).clone() }

fn main() {
    let lc = LazyCell::new(|| { println!("init cell"); vec![10, 20] });
    println!("{}", total(&lc));
    println!("{}", len_of(&*lc));
    println!("{}", first(&lc));
    println!("{:?}", deref_it(&lc));
        println!("{}", total(&TABLE));
    show(&*lc);
    println!("{}", gen_len(&TABLE));
    let ll = LazyLock::new(|| 5u32);
    fn twice<T: Deref<Target = u32>>(x: T) -> u32 { *x * 2 }
    fn twice_ref<T: Deref<Target = u32>>(x: &T) -> u32 { **x * 2 }
    println!("{}", twice(&*ll));
    println!("{}", twice_ref(&ll));
}
