fn parse_pair(s: &str) -> Option<(i32, i32)> {
    let Some((a, b)) = s.split_once(',') else {
        return None;
    };
    let Ok(a) = a.trim().parse::<i32>() else {
        println!("bad left: {a:?}");
        return None;
    };
    let Ok(b) = b.trim().parse::<i32>() else {
        return None;
    };
    Some((a, b))
}

enum Shape {
    Circle(f64),
    Square(f64),
}

fn main() {
    println!("{:?}", parse_pair("3, 4"));
    println!("{:?}", parse_pair("x,4"));
    println!("{:?}", parse_pair("nocomma"));
    let shapes = [Shape::Circle(1.0), Shape::Square(2.0)];
    for s in &shapes {
        let Shape::Circle(r) = s else {
            println!("not a circle");
            continue;
        };
        println!("circle radius {r}");
    }
}
