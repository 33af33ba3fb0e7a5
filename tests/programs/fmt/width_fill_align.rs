fn main() {
    println!("[{:5}]", 42);
    println!("[{:5}]", "ab");
    println!("[{:<5}]", 42);
    println!("[{:>5}]", "ab");
    println!("[{:^5}]", "ab");
    println!("[{:^6}]", "abc");
    println!("[{:*^9}]", "mid");
    println!("[{:-<8}]", 1);
    println!("[{:#>6}]", 'c');
    println!("[{:2}]", "toolong");
    let w = 7;
    println!("[{:w$}]", 1);
    println!("[{:>1$}]", "x", 4);
    println!("[{:>width$}]", "y", width = 3);
    println!("[{:.*}]", 2, 1.23456);
    println!("[{:>10.3}]", 3.14159);
    println!("[{:<10}|{:>10}]", "left", "right");
    println!("[{:5}]", true);
    println!("[{:>4}]", 'é');
    println!("[{:6}]", "héllo");
}
