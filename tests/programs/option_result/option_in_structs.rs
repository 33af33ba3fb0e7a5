#[derive(Debug, Clone)]
struct Node {
    val: i32,
    next: Option<Box<Node>>,
}

fn build(vals: &[i32]) -> Option<Box<Node>> {
    let mut head: Option<Box<Node>> = None;
    for &v in vals.iter().rev() {
        head = Some(Box::new(Node { val: v, next: head }));
    }
    head
}

fn sum(mut cur: &Option<Box<Node>>) -> i32 {
    let mut total = 0;
    while let Some(node) = cur {
        total += node.val;
        cur = &node.next;
    }
    total
}

fn reverse(mut head: Option<Box<Node>>) -> Option<Box<Node>> {
    let mut prev = None;
    while let Some(mut node) = head {
        head = node.next.take();
        node.next = prev;
        prev = Some(node);
    }
    prev
}

fn to_vec(mut cur: &Option<Box<Node>>) -> Vec<i32> {
    let mut out = vec![];
    while let Some(n) = cur {
        out.push(n.val);
        cur = &n.next;
    }
    out
}

fn main() {
    let list = build(&[1, 2, 3, 4]);
    println!("{}", sum(&list));
    let r = reverse(list);
    println!("{:?}", to_vec(&r));
    println!("{:?}", build(&[7]));
    println!("{:?}", r.as_ref().map(|n| n.val));
}
