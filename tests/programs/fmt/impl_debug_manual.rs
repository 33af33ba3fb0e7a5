use std::fmt;

struct Secret {
    user: String,
    password: String,
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "Secret {{ user: {:?}, password: \"***\" }}", self.user)
    }
}

#[derive(Debug)]
struct Holder {
    secret: Secret,
    count: usize,
}

fn main() {
    let s = Secret { user: "ana".to_string(), password: "hunter2".to_string() };
    println!("{:?}", s);
    let h = Holder { secret: s, count: 2 };
    println!("{:?}", h);
    println!("{}", h.secret.password.len());
}
