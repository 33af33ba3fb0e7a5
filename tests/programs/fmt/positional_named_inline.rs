fn main() {
    let name = "Ferris";
    let age = 7;
    println!("{} is {} years old", name, age);
    println!("{0} {1} {0}", "a", "b");
    println!("{name} is {age}");
    println!("{n} and {m}", n = 1, m = 2);
    println!("{1} {} {0} {}", "x", "y");
    println!("{greeting}, {name}!", greeting = "Hello");
    println!("{{literal braces}} {}", 5);
    print!("no newline ");
    print!("{}\n", "then newline");
    println!();
    println!("{:?} {:?}", name, age);
    let s = format!("{name}-{age}");
    println!("{s} {}", s.len());
}
