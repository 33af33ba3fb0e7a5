//! The process's memory allocator: mimalloc, called the way the VM's allocations want it.
//!
//! The VM allocates and frees many small heap objects (every struct, enum payload, string and
//! frame), and glibc malloc/free took about a quarter of the instructions of allocation-heavy
//! programs, so `teras` links mimalloc. The `mimalloc` crate's `GlobalAlloc` always calls the
//! aligned entry points (`mi_malloc_aligned(size, align)`), whose fast path re-checks the
//! alignment and the free block's address on every call. Like std's `System` allocator, this
//! one calls the plain `mi_malloc` family when the alignment is one that mimalloc guarantees
//! anyway, and the aligned family otherwise.
//!
//! Also here: `keep_freed_pages`, the purge option `main` sets before anything else runs.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// The alignment every `mi_malloc` block of at least this size has: mimalloc's
/// `MI_MAX_ALIGN_SIZE` (`sizeof(max_align_t)`, 16 on the 64-bit targets teras builds for; its
/// size classes above one word are multiples of two words, so such blocks start 16-aligned).
/// A smaller block is aligned to its size class, a word multiple, so `align <= size` is also
/// required (the same rule as std's `System` allocator with its `MIN_ALIGN`).
const MI_MAX_ALIGN_SIZE: usize = 16;

extern "C" {
    // mimalloc's C API, in the static library the `mimalloc` crate links.
    fn mi_malloc(size: usize) -> *mut c_void;
    fn mi_zalloc(size: usize) -> *mut c_void;
    fn mi_realloc(p: *mut c_void, newsize: usize) -> *mut c_void;
    /// Set an option (mimalloc reads its `MIMALLOC_<NAME>` environment variables before `main`).
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    #[cfg(test)]
    fn mi_option_get(option: std::ffi::c_int) -> std::ffi::c_long;
}

/// The global allocator: plain mimalloc calls for the alignments it guarantees, the `mimalloc`
/// crate's aligned ones for the rest; every block is freed by `mi_free` whichever call made it.
pub struct Alloc;

/// `mi_malloc(size)` is aligned enough for `layout`.
#[inline]
fn plain(align: usize, size: usize) -> bool {
    align <= MI_MAX_ALIGN_SIZE && align <= size
}

// SAFETY: every method returns a block of at least the layout's size and alignment (plain
// mimalloc calls only when `plain` says the block is aligned enough, see `MI_MAX_ALIGN_SIZE`;
// the `mimalloc` crate's aligned calls otherwise) or null on failure, and `dealloc`/`realloc`
// accept any block either kind of call made, since mimalloc frees all of them with `mi_free`.
unsafe impl GlobalAlloc for Alloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if plain(layout.align(), layout.size()) {
            // SAFETY: `mi_malloc` takes any size; `plain` checked the alignment it gives.
            unsafe { mi_malloc(layout.size()).cast() }
        } else {
            // SAFETY: the caller's contract for `layout` is passed on unchanged.
            unsafe { mimalloc::MiMalloc.alloc(layout) }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if plain(layout.align(), layout.size()) {
            // SAFETY: as in `alloc`; `mi_zalloc` also zeroes the block.
            unsafe { mi_zalloc(layout.size()).cast() }
        } else {
            // SAFETY: the caller's contract for `layout` is passed on unchanged.
            unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from this allocator (caller's contract), so from mimalloc, and
        // the crate's `dealloc` is `mi_free`, which frees plain and aligned blocks alike.
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if plain(layout.align(), new_size) {
            // SAFETY: `ptr` is a live mimalloc block (caller's contract); `mi_realloc` keeps
            // the contents and returns a block aligned as `plain` checked, or null leaving
            // `ptr` valid, as `GlobalAlloc::realloc` requires.
            unsafe { mi_realloc(ptr.cast(), new_size).cast() }
        } else {
            // SAFETY: the caller's contract is passed on unchanged.
            unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) }
        }
    }
}

/// `mi_option_purge_delay` (its index in the `mi_option_e` enum of the mimalloc v3 header the
/// `mimalloc` crate builds). -1: freed pages stay committed. Async programs free on worker
/// threads what the spawning thread allocated (tasks, futures, closures); with purging,
/// mimalloc gave those pages back to the OS and the next allocations faulted them in again,
/// zeroed by the kernel: `tasks_spawn` (10^6 tasks) spent 0.6-1.2 s of system time, mostly
/// in `clear_page_erms`, and 0.1-0.3 s without purging (minor faults 3,163 -> 410);
/// binary_trees(14) 0.11 s -> 0.01 s.
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// Keep freed pages committed (see `MI_OPTION_PURGE_DELAY`), unless the user chose a purge
/// delay in the environment.
pub fn keep_freed_pages() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: `mi_option_set` only stores a value in mimalloc's option table (it
        // range-checks the index); `main` calls it before any other thread exists.
        unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `MI_OPTION_PURGE_DELAY` names mimalloc's purge delay (default 1000 ms in the v3 build)
    /// and `keep_freed_pages` turns purging off.
    #[test]
    fn mimalloc_purge_delay_option() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return;
        }
        // SAFETY: reads mimalloc's option table (index range-checked by mimalloc).
        let before = unsafe { mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert!(before == 1000 || before == -1, "option 15 is not the purge delay: {before}");
        keep_freed_pages();
        // SAFETY: as above.
        assert_eq!(unsafe { mi_option_get(MI_OPTION_PURGE_DELAY) }, -1);
    }

    /// Every size and alignment class gets a block aligned as asked, through both kinds of
    /// call, zeroed when asked, and keeps its contents across `realloc` from plain to aligned
    /// and back (the test binary uses this allocator as its global one too).
    #[test]
    fn blocks_are_aligned_and_keep_their_contents() {
        let a = Alloc;
        for align in [1usize, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1usize, 3, 8, 12, 16, 24, 40, 100, 1000, 70_000] {
                let Ok(layout) = Layout::from_size_align(size, align) else { continue };
                // SAFETY: `layout` has a non-zero size; each block is written within its
                // size and freed once with the layout it was last allocated with.
                unsafe {
                    let z = a.alloc_zeroed(layout);
                    assert!(!z.is_null() && (z as usize).is_multiple_of(align), "zeroed {size}/{align}");
                    assert!((0..size).all(|i| *z.add(i) == 0), "zeroed {size}/{align}");
                    a.dealloc(z, layout);
                    let mut p = a.alloc(layout);
                    assert!(!p.is_null() && (p as usize).is_multiple_of(align), "{size}/{align}");
                    for i in 0..size {
                        *p.add(i) = (i % 251) as u8;
                    }
                    for new_size in [size * 2 + 5, size.div_ceil(2)] {
                        let q = a.realloc(p, layout, new_size);
                        assert!(!q.is_null() && (q as usize).is_multiple_of(align), "realloc {size}->{new_size}/{align}");
                        let kept = size.min(new_size);
                        assert!((0..kept).all(|i| *q.add(i) == (i % 251) as u8), "realloc {size}->{new_size}/{align}");
                        let back = a.realloc(q, Layout::from_size_align_unchecked(new_size, align), size);
                        assert!(!back.is_null() && (back as usize).is_multiple_of(align));
                        assert!((0..kept).all(|i| *back.add(i) == (i % 251) as u8));
                        // Rewrite what a shrink lost, for the next round.
                        for i in kept..size {
                            *back.add(i) = (i % 251) as u8;
                        }
                        p = back;
                    }
                    a.dealloc(p, layout);
                }
            }
        }
    }
}
