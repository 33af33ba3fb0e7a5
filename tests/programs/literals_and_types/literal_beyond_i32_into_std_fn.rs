// Integer literals passed to std functions whose parameter types teras's inference may not
// know keep their value (rustc types them by the parameter: `f64::from_bits` takes a `u64`),
// and literals typed by their suffix, an annotation or an operand at every width's edges.
fn main() {
    println!("{}", f64::from_bits(4607182418800017408));
    println!("{}", f64::from_bits(9221120237041090560).is_nan());
    println!("{}", f32::from_bits(1065353216));
    println!("{:?}", std::time::Duration::from_nanos(5_000_000_000));
    let big: u64 = 18_446_744_073_709_551_615;
    let small: i8 = -128;
    let wide = 170_141_183_460_469_231_731_687_303_715_884_105_727i128;
    println!("{} {} {}", big, small, wide);
    println!("{} {}", u32::MAX - 4_294_967_295, i64::MIN + 9_223_372_036_854_775_807);
}
