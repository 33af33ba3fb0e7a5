#[derive(Debug)]
struct Player {
    hp: i32,
    pos: (i32, i32),
    inventory: Vec<&'static str>,
}

impl Player {
    fn hp_mut(&mut self) -> &mut i32 {
        &mut self.hp
    }
}

fn heal(hp: &mut i32, amount: i32) {
    *hp = (*hp + amount).min(100);
}

fn main() {
    let mut p = Player { hp: 50, pos: (0, 0), inventory: vec![] };
    heal(&mut p.hp, 30);
    heal(&mut p.hp, 30);
    *p.hp_mut() -= 5;
    let pos = &mut p.pos;
    pos.0 += 3;
    pos.1 -= 1;
    p.inventory.push("sword");
    let inv = &mut p.inventory;
    inv.push("shield");
    println!("{:?}", p);
    let Player { hp, inventory, .. } = &mut p;
    *hp = 1;
    inventory.clear();
    println!("{:?}", p);
}
