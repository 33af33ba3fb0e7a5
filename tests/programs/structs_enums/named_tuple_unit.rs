struct User {
    active: bool,
    username: String,
    email: String,
    sign_in_count: u64,
}

struct Color(i32, i32, i32);
struct AlwaysEqual;

fn build_user(email: String, username: String) -> User {
    User { active: true, username, email, sign_in_count: 1 }
}

fn main() {
    let mut user1 = build_user(String::from("a@example.com"), String::from("someone"));
    user1.email = String::from("another@example.com");
    println!("{} {} {} {}", user1.active, user1.username, user1.email, user1.sign_in_count);
    let user2 = User { email: String::from("b@example.com"), ..user1 };
    println!("{} {}", user2.email, user2.username);
    let black = Color(0, 0, 0);
    let Color(r, g, b) = black;
    println!("{} {} {} {}", black.0, r, g, b);
    let _subject = AlwaysEqual;
    let mut c = Color(1, 2, 3);
    c.2 = 30;
    println!("{}", c.0 + c.1 + c.2);
    let nested = ((1, 2), (3, 4));
    println!("{}", (nested.1).0 + nested.0 .1);
}
