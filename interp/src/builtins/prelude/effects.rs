// The TERAS prelude: effect handlers. The parser turns `handle { body } with h` into
// `__eff_handle(h, || body)`, a `handler h for E { ... }` into a function
// `h(op, args, resume)` (called with op "" it answers its effect's name), and each op of
// `effect E { ... }` into a function performing it (`__eff_perform`). The `__eff_*`
// intrinsics are natives (builtins/effect.rs, runtime/effect.rs).

/// Run `body` in a child fiber under handler `h` (deep: every op the body performs, until it
/// ends, goes to `h`'s clauses). The value of the body, or of a clause that did not resume.
pub fn __eff_handle<H, F, R>(h: H, body: F) -> R {
    let link = __eff_link(h("", (), ()));
    let inner = link;
    __eff_spawn(&link, move || {
        __eff_enter(&inner);
        body()
    });
    __eff_run(&link, &h)
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
