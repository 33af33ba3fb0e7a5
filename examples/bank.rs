// Enums, pattern matching, Result and the `?` operator.
#[derive(Debug, Clone, PartialEq)]
enum TxError {
    Insufficient { needed: u64, available: u64 },
    Frozen(String),
}

#[derive(Debug)]
struct Account {
    owner: String,
    balance: u64,
    frozen: bool,
}

impl Account {
    fn new(owner: &str, balance: u64) -> Self {
        Account { owner: owner.to_string(), balance, frozen: false }
    }

    fn withdraw(&mut self, amount: u64) -> Result<u64, TxError> {
        if self.frozen {
            return Err(TxError::Frozen(self.owner.clone()));
        }
        if amount > self.balance {
            return Err(TxError::Insufficient { needed: amount, available: self.balance });
        }
        self.balance -= amount;
        Ok(self.balance)
    }
}

fn pay_twice(acct: &mut Account, amount: u64) -> Result<u64, TxError> {
    acct.withdraw(amount)?;
    let left = acct.withdraw(amount)?;
    Ok(left)
}

fn main() {
    let mut a = Account::new("ana", 100);
    match pay_twice(&mut a, 30) {
        Ok(left) => println!("{} has {} left", a.owner, left),
        Err(e) => println!("error: {:?}", e),
    }
    match pay_twice(&mut a, 30) {
        Ok(left) => println!("{} has {} left", a.owner, left),
        Err(TxError::Insufficient { needed, available }) => {
            println!("needed {needed}, only {available} available")
        }
        Err(e) => println!("error: {e:?}"),
    }
    a.frozen = true;
    if let Err(e) = a.withdraw(1) {
        println!("{e:?}");
    }
    println!("{a:?}");
}
