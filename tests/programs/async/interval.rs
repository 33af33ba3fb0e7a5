// not-rust
// tokio::time::interval / interval_at: the first tick at once (or at `start`), then one every
// period; tick returns the scheduled instant, so consecutive ticks are exactly a period apart
// under the default MissedTickBehavior::Burst however late they come; Skip keeps to the
// schedule, Delay restarts it after a late tick; sleep_until; a zero period panics.
use std::time::Duration;
use tokio::time::{interval, interval_at, sleep, sleep_until, Instant, MissedTickBehavior};

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let mut every = interval(Duration::from_millis(10));
    let first = every.tick().await;
    let mut gaps = Vec::new();
    let mut last = first;
    for _ in 0..3 {
        let t = every.tick().await;
        gaps.push((t - last).as_millis());
        last = t;
    }
    println!("gaps {:?}, waited at least 30ms: {}", gaps, start.elapsed() >= Duration::from_millis(30));
    println!("period {:?}, {:?}", every.period(), every.missed_tick_behavior());

    let later = Instant::now() + Duration::from_millis(20);
    let mut delayed = interval_at(later, Duration::from_millis(5));
    let t = delayed.tick().await;
    println!("first tick at start: {}, not before it: {}", t == later, Instant::now() >= later);

    let mut skip = interval(Duration::from_millis(10));
    skip.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let t0 = skip.tick().await;
    sleep(Duration::from_millis(35)).await;
    let late = skip.tick().await;
    let next = skip.tick().await;
    let on_schedule = (next - t0).as_millis() % 10 == 0;
    println!("late tick {}ms, skip keeps the schedule: {}, missed ones skipped: {}", (late - t0).as_millis(), on_schedule, next - t0 >= Duration::from_millis(40));

    let mut delay = interval(Duration::from_millis(10));
    delay.set_missed_tick_behavior(MissedTickBehavior::Delay);
    delay.tick().await;
    sleep(Duration::from_millis(25)).await;
    let a = delay.tick().await;
    let b = delay.tick().await;
    println!("delay: a full period after the late tick: {}", b - a >= Duration::from_millis(10));

    let deadline = Instant::now() + Duration::from_millis(15);
    sleep_until(deadline).await;
    println!("slept until the deadline: {}", Instant::now() >= deadline);
    sleep_until(Instant::now() - Duration::from_millis(1)).await;
    println!("a past deadline is at once");

    let r = tokio::spawn(async { interval(Duration::ZERO) }).await;
    println!("zero period: {}", r.unwrap_err().is_panic());
}
