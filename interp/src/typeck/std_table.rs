//! The std signature table (`std_sigs.rs`), parsed lazily one head at a time.
//!
//! Building the table once cost ~6% of a small program's startup (the whole text parsed on
//! the first typeck). Here the text is only split into its `impl ... { ... }` blocks (a byte
//! scan for braces outside `//` comments; signatures contain no braces) and each block's head
//! is read by parsing its header alone (`impl<T> Vec<T> {}`); a head's blocks are parsed
//! together the first time that head is looked up (`get`). The result is the same map the
//! eager parse built (the test `lazy_table_equals_the_eager_parse` compares every head).

use super::env::Sig;
use super::sigparse;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// Methods of one head by name.
pub type HeadSigs = FxHashMap<String, Vec<Sig>>;

/// The table: head name -> its blocks' text ranges and, once looked up, their signatures.
#[derive(Default)]
pub struct StdTable {
    src: String,
    heads: FxHashMap<String, Head>,
}

#[derive(Default)]
struct Head {
    /// Byte ranges of the head's blocks in `src`, in table order.
    blocks: Vec<(usize, usize)>,
    parsed: OnceLock<HeadSigs>,
}

impl std::fmt::Debug for StdTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "StdTable({} heads)", self.heads.len())
    }
}

impl StdTable {
    /// Split `src` into blocks and find each block's head. A block whose header does not
    /// parse is dropped (as the eager parse stopped at its first error; the test
    /// `table_parses_completely` keeps the table free of them).
    pub fn new(src: String) -> StdTable {
        let mut heads: FxHashMap<String, Head> = FxHashMap::default();
        for (lo, open, hi) in blocks(&src) {
            let Some(header) = src.get(lo..open) else { continue };
            let (parsed, err) = sigparse::parse_table(&format!("{header}{{}}"));
            if err.is_some() {
                continue;
            }
            if let Some(b) = parsed.into_iter().next() {
                heads.entry(b.head).or_default().blocks.push((lo, hi));
            }
        }
        StdTable { src, heads }
    }

    /// Is `head` in the table?
    pub fn contains_key(&self, head: &str) -> bool {
        self.heads.contains_key(head)
    }

    /// The methods of `head`, parsed on the first look-up.
    pub fn get(&self, head: &str) -> Option<&HeadSigs> {
        let h = self.heads.get(head)?;
        Some(h.parsed.get_or_init(|| {
            let mut out = HeadSigs::default();
            for &(lo, hi) in &h.blocks {
                let (parsed, _err) = sigparse::parse_table(self.src.get(lo..hi).unwrap_or_default());
                for b in parsed {
                    for (name, sig) in b.fns {
                        out.entry(name).or_default().push(sig);
                    }
                }
            }
            out
        }))
    }

    /// Every head (for tests).
    #[cfg(test)]
    pub fn heads(&self) -> impl Iterator<Item = &String> {
        self.heads.keys()
    }
}

/// The blocks of `src`: (start, offset of its `{`, end after its `}`). Text between blocks
/// is whitespace or comments; a block starts at the first byte after the previous one.
fn blocks(src: &str) -> Vec<(usize, usize, usize)> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let (mut i, mut start, mut open) = (0, 0, None);
    while let Some(&c) = b.get(i) {
        match c {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while b.get(i).is_some_and(|&c| c != b'\n') {
                    i += 1;
                }
                if open.is_none() {
                    start = i;
                }
                continue;
            }
            b'{' if open.is_none() => open = Some(i),
            b'}' => {
                if let Some(o) = open.take() {
                    out.push((start, o, i + 1));
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lazy_table_equals_the_eager_parse() {
        let src = super::super::std_sigs::table_source();
        let (blocks, err) = sigparse::parse_table(&src);
        assert_eq!(err, None);
        let mut eager: FxHashMap<String, HeadSigs> = FxHashMap::default();
        for b in blocks {
            let heads = eager.entry(b.head).or_default();
            for (name, sig) in b.fns {
                heads.entry(name).or_default().push(sig);
            }
        }
        let lazy = StdTable::new(src);
        assert_eq!(lazy.heads().count(), eager.len());
        for (head, sigs) in &eager {
            assert_eq!(lazy.get(head), Some(sigs), "{head}");
        }
        assert!(lazy.get("NoSuchHead").is_none() && !lazy.contains_key("NoSuchHead"));
    }

    #[test]
    fn blocks_skip_comments_with_braces() {
        let src = "// a { comment }\nimpl<T> Vec<T> { fn len(&self) -> usize; }\n// }\nimpl int { fn pow(self, u32) -> Self; }";
        let t = StdTable::new(src.to_string());
        assert_eq!(t.get("Vec").map(|m| m.contains_key("len")), Some(true));
        assert_eq!(t.get("int").map(|m| m.contains_key("pow")), Some(true));
    }
}
