//! Tests of `LiveList`: pruning bounds; every interleaving (at operation granularity) of two
//! threads' pushes, finishes and snapshots; and a bounded stress test of concurrent pushes,
//! finishes, prunes and snapshots on real threads checking that a snapshot never misses a
//! live entry pushed before it started. (A loom model is not feasible here: the queue's own
//! atomics are crossbeam's, not instrumented; this module's synchronization is the `sweep`
//! lock and a relaxed hint, which the interleaving test covers at operation granularity.)

use super::*;
use std::sync::atomic::AtomicBool;

struct Item {
    id: usize,
    done: AtomicBool,
}

fn item(id: usize) -> Arc<Item> {
    Arc::new(Item { id, done: AtomicBool::new(false) })
}

fn live(i: &Item) -> bool {
    // Acquire: pairs with the Release store that finishes an item.
    !i.done.load(Ordering::Acquire)
}

#[test]
fn a_snapshot_has_the_live_entries_in_push_order() {
    let l = LiveList::new();
    let items: Vec<_> = (0..10).map(item).collect();
    for x in &items {
        l.push(x, live);
    }
    items[3].done.store(true, Ordering::Release);
    let ids: Vec<usize> = l.snapshot(live).iter().map(|x| x.id).collect();
    assert_eq!(ids, [0, 1, 2, 4, 5, 6, 7, 8, 9]);
    // The snapshot put the live ones back: a second one sees them again.
    assert_eq!(l.snapshot(live).len(), 9);
    assert_eq!(l.len(), 9);
}

#[test]
fn finished_and_dropped_entries_are_pruned_as_the_list_grows() {
    let l = LiveList::new();
    let keep: Vec<_> = (0..5).map(item).collect();
    for x in &keep {
        l.push(x, live);
    }
    for i in 0..10_000 {
        // Each one dies at once (only the weak reference remains) or finishes.
        let x = item(100 + i);
        l.push(&x, live);
        x.done.store(i % 2 == 0, Ordering::Release);
    }
    // Pruned as it grows: never more than `GROWTH` times the live entries, or the minimum.
    assert!(l.len() <= GROWTH * (MIN_PRUNE + 5), "{}", l.len());
    let ids: Vec<usize> = l.snapshot(live).iter().map(|x| x.id).collect();
    assert_eq!(ids, [0, 1, 2, 3, 4]);
}

#[test]
fn a_list_of_live_entries_still_grows_without_pruning_each_push() {
    let l = LiveList::new();
    let items: Vec<_> = (0..1000).map(item).collect();
    for x in &items {
        l.push(x, live);
    }
    assert_eq!(l.len(), 1000);
    // After a prune leaving n entries, the next one comes at GROWTH * n.
    assert!(l.prune_at.load(Ordering::Relaxed) >= 1000);
    assert_eq!(l.snapshot(live).len(), 1000);
}

/// Four threads push (each item is finished at once, or kept alive until the end, or
/// dropped), their pushes prune the list concurrently; a fifth thread takes snapshots. Each
/// snapshot must contain every kept-alive item whose push was published before it began.
#[test]
fn concurrent_pushes_prunes_and_snapshots_never_lose_a_live_entry() {
    const THREADS: usize = 4;
    const PER: usize = 20_000;
    let l = Arc::new(LiveList::new());
    // Published push counts, one per pusher (Release after the push, Acquire by the checker).
    let pushed: Arc<Vec<AtomicUsize>> = Arc::new((0..THREADS).map(|_| AtomicUsize::new(0)).collect());
    let stop = Arc::new(AtomicBool::new(false));
    let checker = {
        let (l, pushed, stop) = (l.clone(), pushed.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut rounds = 0;
            // Relaxed: a stop flag; the final check after the joins does not depend on it.
            while !stop.load(Ordering::Relaxed) || rounds < 3 {
                // Acquire: pairs with the pushers' Release stores of their counts.
                let before: Vec<usize> = pushed.iter().map(|c| c.load(Ordering::Acquire)).collect();
                let snap = l.snapshot(live);
                let seen: std::collections::HashSet<usize> = snap.iter().map(|x| x.id).collect();
                for (t, &n) in before.iter().enumerate() {
                    for k in (0..n).filter(|k| k % 3 == 0) {
                        let id = t * PER + k;
                        assert!(seen.contains(&id), "snapshot {rounds} lost live item {id}");
                    }
                }
                rounds += 1;
            }
            rounds
        })
    };
    let pushers: Vec<_> = (0..THREADS)
        .map(|t| {
            let (l, pushed) = (l.clone(), pushed.clone());
            std::thread::spawn(move || {
                let mut kept = Vec::new();
                for k in 0..PER {
                    let x = item(t * PER + k);
                    l.push(&x, live);
                    pushed[t].store(k + 1, Ordering::Release);
                    match k % 3 {
                        0 => kept.push(x),
                        1 => x.done.store(true, Ordering::Release),
                        _ => drop(x),
                    }
                }
                kept
            })
        })
        .collect();
    let kept: Vec<Arc<Item>> = pushers.into_iter().flat_map(|h| h.join().unwrap()).collect();
    stop.store(true, Ordering::Relaxed);
    let rounds = checker.join().unwrap();
    assert!(rounds >= 3);
    let mut ids: Vec<usize> = l.snapshot(live).iter().map(|x| x.id).collect();
    ids.sort_unstable();
    let mut want: Vec<usize> = kept.iter().map(|x| x.id).collect();
    want.sort_unstable();
    assert_eq!(ids, want);
    // Bounded: what is left is about the live entries, not everything pushed.
    assert!(l.len() <= GROWTH * want.len() + MIN_PRUNE, "{} entries for {} live", l.len(), want.len());
}

/// One step of a thread in the interleaving test.
#[derive(Clone, Copy, Debug)]
enum Op {
    /// Push a new item that stays alive (kept by the test).
    Keep,
    /// Push a new item, then drop it at once.
    Dropped,
    /// Push a new item, then mark it finished.
    Finished,
    /// Take a snapshot and check it.
    Snapshot,
}

/// Every interleaving of two threads' operation sequences (at operation granularity), run
/// in that order: after each step, a snapshot holds exactly the kept items pushed so far,
/// and the list never holds more than `GROWTH` times what is alive plus the minimum. With
/// `MIN_PRUNE` lowered by pushing past it first, prunes happen inside the interleavings.
#[test]
fn every_interleaving_of_two_threads_keeps_exactly_the_live_entries() {
    let a = [Op::Keep, Op::Dropped, Op::Snapshot, Op::Finished, Op::Keep, Op::Snapshot];
    let b = [Op::Dropped, Op::Keep, Op::Finished, Op::Snapshot, Op::Dropped, Op::Keep];
    let (na, nb) = (a.len(), b.len());
    let mut schedules = 0;
    // Each schedule is a choice of which `na` of the `na + nb` steps belong to thread a.
    for mask in 0u32..(1 << (na + nb)) {
        if mask.count_ones() as usize != na {
            continue;
        }
        schedules += 1;
        let l = LiveList::new();
        // Start near the pruning threshold so that pushes inside the schedule prune.
        let mut kept: Vec<Arc<Item>> = Vec::new();
        let mut next_id = 0;
        for _ in 0..MIN_PRUNE - 3 {
            let x = item(next_id);
            next_id += 1;
            l.push(&x, live);
        }
        let (mut ia, mut ib) = (0, 0);
        for step in 0..na + nb {
            let op = if mask & (1 << step) != 0 {
                ia += 1;
                a[ia - 1]
            } else {
                ib += 1;
                b[ib - 1]
            };
            match op {
                Op::Keep | Op::Dropped | Op::Finished => {
                    let x = item(next_id);
                    next_id += 1;
                    l.push(&x, live);
                    match op {
                        Op::Keep => kept.push(x),
                        Op::Finished => x.done.store(true, Ordering::Release),
                        _ => drop(x),
                    }
                }
                Op::Snapshot => {
                    let ids: Vec<usize> = l.snapshot(live).iter().map(|x| x.id).collect();
                    let want: Vec<usize> = kept.iter().map(|x| x.id).collect();
                    assert_eq!(ids, want, "schedule {mask:#b}, step {step}");
                }
            }
            assert!(l.len() <= GROWTH * kept.len() + MIN_PRUNE + 1, "schedule {mask:#b}: {} entries", l.len());
        }
    }
    assert_eq!(schedules, 924, "C(12, 6) schedules");
}
