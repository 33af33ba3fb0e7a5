fn main() {
    let list = vec![1, 2, 3];
    println!("Before defining closure: {:?}", list);
    let only_borrows = || println!("From closure: {:?}", list);
    println!("Before calling closure: {:?}", list);
    only_borrows();
    println!("After calling closure: {:?}", list);

    let mut list2 = vec![1, 2, 3];
    let mut borrows_mutably = || list2.push(7);
    borrows_mutably();
    borrows_mutably();
    println!("After calling closure: {:?}", list2);

    let list3 = vec![1, 2, 3];
    let owns = move || {
        let total: i32 = list3.iter().sum();
        total
    };
    println!("{}", owns());
    println!("{}", owns());

    let mut x = 10;
    {
        let mut add = |n: i32| x += n;
        add(5);
        add(1);
    }
    println!("{x}");
    let y = 3;
    let copy_in = move || y * 2;
    println!("{} {}", copy_in(), y);
}
