use std::fmt;

#[derive(Debug, PartialEq)]
enum BankError {
    InsufficientFunds { needed: u64, available: u64 },
    AccountNotFound(String),
    Frozen,
}

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            BankError::InsufficientFunds { needed, available } => {
                write!(f, "need {needed} but only {available} available")
            }
            BankError::AccountNotFound(name) => write!(f, "no account named {name}"),
            BankError::Frozen => write!(f, "account frozen"),
        }
    }
}

impl std::error::Error for BankError {}

struct Bank {
    accounts: Vec<(String, u64, bool)>,
}

impl Bank {
    fn find(&mut self, name: &str) -> Result<&mut (String, u64, bool), BankError> {
        self.accounts
            .iter_mut()
            .find(|a| a.0 == name)
            .ok_or_else(|| BankError::AccountNotFound(name.to_string()))
    }

    fn withdraw(&mut self, name: &str, amount: u64) -> Result<u64, BankError> {
        let acct = self.find(name)?;
        if acct.2 {
            return Err(BankError::Frozen);
        }
        if acct.1 < amount {
            return Err(BankError::InsufficientFunds { needed: amount, available: acct.1 });
        }
        acct.1 -= amount;
        Ok(acct.1)
    }
}

fn main() {
    let mut bank = Bank { accounts: vec![("ann".into(), 100, false), ("ice".into(), 50, true)] };
    for (name, amt) in [("ann", 30), ("ann", 100), ("bob", 1), ("ice", 5)] {
        match bank.withdraw(name, amt) {
            Ok(left) => println!("{name}: withdrew {amt}, {left} left"),
            Err(e) => println!("{name}: error: {e} ({:?})", e),
        }
    }
    println!("{}", bank.withdraw("ice", 1) == Err(BankError::Frozen));
}
