#[derive(Debug)]
enum AppError {
    BadInput(String),
}

fn check(n: i32) -> Result<i32, AppError> {
    if n < 0 {
        Err(AppError::BadInput(format!("{n} is negative")))
    } else {
        Ok(n)
    }
}

fn main() -> Result<(), AppError> {
    println!("{}", check(5)?);
    println!("{}", check(-1)?);
    println!("unreachable");
    Ok(())
}
