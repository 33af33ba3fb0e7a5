// `SystemTime`: `elapsed()` and `duration_since` return a `Result`; `+`/`-` and
// `checked_add`/`checked_sub` with a `Duration`; comparisons. (Only facts that do not depend
// on the clock's reading are printed.)
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn main() {
    let t = SystemTime::now();
    let e = t.elapsed().unwrap();
    println!("elapsed under a minute: {}", e < Duration::from_secs(60));
    match t.elapsed() {
        Ok(d) => println!("ok, whole seconds: {}", d.as_secs() < 60),
        Err(_) => println!("the clock went back"),
    }
    let since = SystemTime::now().duration_since(UNIX_EPOCH).expect("after 1970");
    println!("after 2020: {}", since.as_secs() > 1_577_836_800);
    let later = t + Duration::from_secs(10);
    println!("{:?}", later.duration_since(t));
    println!("{}", t.duration_since(later).is_err());
    println!("{}", later > t && t < later && t == t);
    let earlier = later - Duration::from_millis(10_500);
    println!("{:?}", t.duration_since(earlier).unwrap());
    println!("{:?}", t.checked_add(Duration::from_secs(1)).map(|x| x.duration_since(t).unwrap()));
    println!("{:?}", UNIX_EPOCH.checked_sub(Duration::from_secs(1)).is_some());
    println!("{:?}", UNIX_EPOCH + Duration::from_secs(86_400) == UNIX_EPOCH + Duration::from_secs(86_400));
}
