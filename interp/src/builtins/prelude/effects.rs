// The TERAS prelude: effect handlers. The parser turns `handle { body } with h` into
// a `match __eff_handle(h, || body) { .. }` over `__EffFlow`, a `handler h for E { ... }` into a function
// `h(op, args, resume)` (called with op "" it answers its effect's name), and each op of
// `effect E { ... }` into a function performing it (`__eff_perform`). The `__eff_*`
// intrinsics are natives (builtins/effect.rs, runtime/effect.rs).

/// What a `handle` came to: its value (the body's, or a clause's that did not resume), or
/// a `return r` / `x?` / `break` / `continue` of the body, which the `handle` applies in the
/// enclosing function.
pub enum __EffFlow<T, R, Q> {
    Value(T),
    Return(R),
    Try(Q),
    /// A `break`/`continue` leaving the body: (which one, the break's value).
    Jump((usize, Q)),
}

/// Run `body` in a child fiber under handler `h` (deep: every op the body performs, until it
/// ends, goes to `h`'s clauses). The handler loop runs as an inline child of this fiber, so
/// that a `return` of the body can unwind it (and a clause waiting in `resume`).
pub fn __eff_handle<H, F, R, X>(h: H, body: F) -> __EffFlow<R, X, X> {
    let link = __eff_link(h("", (), ()));
    let inner = link;
    __eff_spawn(&link, move || {
        __eff_enter(&inner);
        body()
    });
    let l2 = link;
    match __eff_drive(&link, move || __eff_run(&l2, &h)) {
        Ok(v) => __EffFlow::Value(v),
        Err((c, x)) => {
            if c == 0 {
                __EffFlow::Return(x)
            } else if c == 1 {
                __EffFlow::Try(x)
            } else {
                __EffFlow::Jump((c, x))
            }
        }
    }
}

/// Wait for the child's next op and run its clause; `resume(v)` continues the child and
/// handles its following ops the same way, so it returns what the rest of the computation
/// produced.
fn __eff_run<L, H, R>(link: &L, h: &H) -> R {
    match __eff_next(link) {
        Ok(v) => v,
        Err((op, args, seq)) => {
            let l = link;
            let r = h(&op, args, move |v| {
                __eff_resume(&l, seq, v);
                __eff_run(&l, h)
            });
            __eff_settle(link, seq);
            r
        }
    }
}
