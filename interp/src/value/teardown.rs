//! Tearing down structures without recursion: a linked list of a million nodes must not
//! recurse a million Rust frames when its head is dropped, and a tree must not pay a frame per
//! node. A dying container gives up the handles of its aggregate parts; a part whose last
//! handle that was (`Heap::into_sole`) is emptied of its own aggregate parts, which go to a
//! work list, before its shell (and its other fields: strings, scalars, natives) is freed.
//! Every object is visited once, by one loop; no depth is counted and no thread-local is
//! touched. Parts are dropped in order, each one completely before the next (as Rust's
//! recursive drop glue does), except that a shell is freed before the parts taken out of it,
//! and that an object's objects go before its vectors, tuples and cells. (Only the Rust-level
//! drops of natives, a channel end, a file, could tell; user `Drop` impls run in the VM's
//! order, `vm/drop.rs`, before any of this.)

use super::*;

#[inline(always)]
fn is_aggregate(v: &Value) -> bool {
    matches!(v, Value::Adt(_) | Value::SomeObj(_) | Value::Vec(_) | Value::Tuple(_) | Value::Cell(_))
}

/// Owns nothing: forgetting it leaks nothing (no drop glue runs for it anyway). Also the
/// test by which `vm::call`'s `put` skips dropping the value it overwrites.
#[inline(always)]
pub(crate) fn is_plain(v: &Value) -> bool {
    matches!(v, Value::Unit | Value::Bool(_) | Value::Int(..) | Value::Float(..) | Value::Char(_) | Value::Tag(..) | Value::Moved)
}

/// How many objects a teardown keeps in its frame before it spills to a `Vec`.
const WORK_INLINE: usize = 32;

/// The work list of a teardown. Objects whose last handle it gave up, still to be emptied
/// (8 bytes each, no tag to dispatch on: a tree's depth, a node's children; it rarely
/// spills), and the other aggregates taken out of dying containers (vectors, tuples, cells),
/// still to be released. Objects go first.
struct Work {
    /// `objs[..len]` are objects; the other slots hold `None`. Never dropped as an array:
    /// when a teardown ends every slot is `None` again (no drop-glue loop per teardown; a
    /// slot left behind by an unwinding panic would only leak).
    objs: std::mem::ManuallyDrop<[Option<Sole<AdtObj>>; WORK_INLINE]>,
    len: usize,
    /// Objects pushed while `objs` was full (popped first).
    more: Vec<Sole<AdtObj>>,
    /// Vectors, tuples and cells, last first.
    others: Vec<Value>,
}

impl Work {
    fn new() -> Work {
        Work { objs: std::mem::ManuallyDrop::new(std::array::from_fn(|_| None)), len: 0, more: Vec::new(), others: Vec::new() }
    }

    #[inline(always)]
    fn push_obj(&mut self, o: Sole<AdtObj>) {
        match self.objs.get_mut(self.len) {
            Some(slot) => {
                *slot = Some(o);
                self.len += 1;
            }
            None => self.more.push(o),
        }
    }

    #[inline(always)]
    fn pop_obj(&mut self) -> Option<Sole<AdtObj>> {
        if !self.more.is_empty() {
            return self.more.pop();
        }
        let i = self.len.checked_sub(1)?;
        self.len = i;
        self.objs.get_mut(i).and_then(Option::take)
    }

    /// Gives up `v`, an aggregate taken out of a dying container: when that was its last
    /// handle, it is emptied into the work list before it is freed.
    #[inline(always)]
    fn release(&mut self, v: Value) {
        match v {
            Value::Adt(h) | Value::SomeObj(h) => {
                if let Some(o) = h.into_sole() {
                    self.push_obj(o);
                }
            }
            Value::Vec(h) => {
                if let Some(mut o) = h.into_sole() {
                    self.take_parts(&mut o.get_mut().items);
                }
            }
            Value::Tuple(h) => {
                if let Some(mut o) = h.into_sole() {
                    self.take_parts(o.get_mut());
                }
            }
            Value::Cell(h) => {
                if let Some(mut o) = h.into_sole() {
                    if let CellObj::Rc { value, .. } | CellObj::Cell(value) | CellObj::RefCell { value, .. } = o.get_mut() {
                        self.take_parts(std::slice::from_mut(value));
                    }
                }
            }
            other => drop(other),
        }
    }

    /// Moves the aggregates among `items` (of a vector, a tuple, a cell) to `others`, last
    /// first, so that they are released in order.
    fn take_parts(&mut self, items: &mut [Value]) {
        for v in items.iter_mut().rev() {
            if is_aggregate(v) {
                self.others.push(std::mem::take(v));
            }
        }
    }

    /// Empties and frees everything on the work list.
    #[inline(always)]
    fn run(&mut self) {
        loop {
            if let Some(mut o) = self.pop_obj() {
                let fields = &mut o.get_mut().fields;
                // Objects among the fields are released last first, so that they pop (and
                // are emptied) in order; the fields' other containers wait in `others`.
                let mut plain = true;
                for f in fields.iter_mut().rev() {
                    match f {
                        Value::Adt(h) | Value::SomeObj(h) => {
                            // The handle moves out, `Unit` takes its place (one test of the
                            // tag instead of a `take` and a second match).
                            // SAFETY: `h` is read out of `f` and `f` is overwritten at once
                            // without being dropped, so the handle is owned exactly once.
                            let h = unsafe { std::ptr::read(h) };
                            // SAFETY: `f` is a valid place; its old value moved out above.
                            unsafe { std::ptr::write(f, Value::Unit) };
                            if let Some(c) = h.into_sole() {
                                self.push_obj(c);
                            }
                        }
                        Value::Vec(_) | Value::Tuple(_) | Value::Cell(_) => self.others.push(std::mem::take(f)),
                        other => plain &= is_plain(other),
                    }
                }
                if plain && !fields.spilled() {
                    // Every field is plain now (aggregates were moved out, leaving `Unit`)
                    // and held inline: the shell owns nothing, and is freed without its
                    // drop glue (which would only look at the fields).
                    // SAFETY: dropping the `AdtObj` would do nothing: its definition is a
                    // plain pointer, its fields are plain values in the inline buffer.
                    unsafe { o.free_forgetting() };
                    continue;
                }
                if plain {
                    // SAFETY: shortening is always sound (the elements past the new length
                    // are forgotten, never read again), and they are plain: nothing leaks.
                    // The object's own drop then has no field to look at.
                    unsafe { fields.set_len(0) };
                }
                // `o` is freed here: its fields hold no aggregate any more.
            } else if let Some(v) = self.others.pop() {
                self.release(v);
            } else {
                return;
            }
        }
    }
}

/// Drops the aggregates among `items`, in order, and everything only they hold, iteratively
/// (the caller's own drop glue drops the rest).
#[inline(never)]
fn teardown(items: &mut [Value]) {
    let mut work = Work::new();
    for v in items.iter_mut() {
        if is_aggregate(v) {
            work.release(std::mem::take(v));
            work.run();
        }
    }
}

impl Drop for AdtObj {
    // The common case (no aggregate field: `None`, `Some(5)`, a struct of scalars and
    // strings, a shell that a teardown emptied) needs no stack frame of its own: the work
    // list is out of line, in `teardown`.
    #[inline]
    fn drop(&mut self) {
        if self.fields.iter().any(is_aggregate) {
            teardown(&mut self.fields);
        }
    }
}

impl Drop for VecObj {
    fn drop(&mut self) {
        if self.items.iter().any(is_aggregate) {
            teardown(&mut self.items);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A list `Cons(i, Box<List>)` 1,000,000 deep drops without overflowing the stack.
    #[test]
    fn deep_list_drops_iteratively() {
        let def = Arc::new(AdtDef { name: "L".into(), is_enum: false, variants: Vec::new(), is_copy: false, derives: Vec::new(), type_id: 0 });
        let def = DefRef::leak(def);
        let mut l = Value::Unit;
        // Under Miri (scripts/miri.sh), smaller: it interprets every instruction.
        let n = if cfg!(miri) { 1_000 } else { 1_000_000 };
        for i in 0..n {
            l = Value::Adt(Heap::new(AdtObj { def, variant: 0, fields: smallvec::smallvec![Value::Int(i, IntTy::I64), l] }));
        }
        let v = Value::Vec(Heap::new(VecObj { items: vec![l], is_array: false }));
        drop(v);
    }

    /// A native that logs its drop.
    struct Logged(u32, Arc<std::sync::Mutex<Vec<u32>>>);
    impl Drop for Logged {
        fn drop(&mut self) {
            if let Ok(mut l) = self.1.lock() {
                l.push(self.0);
            }
        }
    }

    fn native(n: u32, log: &Arc<std::sync::Mutex<Vec<u32>>>) -> Value {
        Value::Native(Arc::new(Box::new(Logged(n, log.clone()))))
    }

    fn obj(fields: Vec<Value>) -> Value {
        let def = DefRef::leak(Arc::new(AdtDef { name: "T".into(), is_enum: false, variants: Vec::new(), is_copy: false, derives: Vec::new(), type_id: 0 }));
        Value::Adt(Heap::new(AdtObj::new(def, 0, fields)))
    }

    /// Parts die in order, each completely before the next, through objects, vectors, tuples
    /// and cells; a part another handle still holds survives its container.
    #[test]
    fn teardown_drops_parts_in_order_and_spares_shared_ones() {
        let log = Arc::new(std::sync::Mutex::new(Vec::new()));
        let shared = obj(vec![native(9, &log)]);
        let tuple = Value::Tuple(Heap::new(vec![native(4, &log), obj(vec![native(5, &log)])]));
        let cell = Value::Cell(Heap::new(CellObj::RefCell { value: obj(vec![native(6, &log)]), borrow: 0 }));
        let vec = Value::Vec(Heap::new(VecObj { items: vec![obj(vec![native(2, &log)]), obj(vec![native(3, &log)])], is_array: false }));
        let root = obj(vec![obj(vec![native(1, &log), vec]), tuple, cell, shared.clone()]);
        drop(root);
        assert_eq!(*log.lock().unwrap(), [1, 2, 3, 4, 5, 6]);
        drop(shared);
        assert_eq!(*log.lock().unwrap(), [1, 2, 3, 4, 5, 6, 9]);
    }

    /// A complete binary tree of `Some(node)` objects (the shape of binary_trees) is freed
    /// node by node, every object exactly once.
    #[test]
    fn balanced_tree_frees_every_node_once() {
        let log = Arc::new(std::sync::Mutex::new(Vec::new()));
        fn build(d: u32, log: &Arc<std::sync::Mutex<Vec<u32>>>) -> Value {
            if d == 0 {
                return obj(vec![native(1, log), Value::Unit]);
            }
            obj(vec![obj(vec![build(d - 1, log)]), obj(vec![build(d - 1, log)])])
        }
        let depth = if cfg!(miri) { 4 } else { 12 };
        drop(build(depth, &log));
        assert_eq!(log.lock().unwrap().len(), 1 << depth);
    }

    /// Deep chains through vectors and cells (`struct T { kids: Vec<T> }`,
    /// `Rc<RefCell<Node>>`) drop without recursing either.
    #[test]
    fn deep_chains_through_vectors_and_cells_drop_iteratively() {
        let n = if cfg!(miri) { 200 } else { 300_000 };
        let mut v = obj(vec![Value::Unit]);
        for i in 0..n {
            let kids = Value::Vec(Heap::new(VecObj { items: vec![v], is_array: false }));
            v = if i % 2 == 0 { obj(vec![kids]) } else { Value::Cell(Heap::new(CellObj::Rc { value: obj(vec![kids]), strong: 1, weak: 0, atomic: false })) };
        }
        drop(v);
    }
}
