use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq)]
enum State {
    Open,
    Frozen,
    Closed,
}

#[derive(Debug)]
enum Command {
    Deposit(u64),
    Withdraw(u64),
    Freeze,
    Thaw,
    Close,
}

#[derive(Debug)]
enum TxError {
    Insufficient { balance: u64, wanted: u64 },
    NotAllowed(State),
}

impl fmt::Display for TxError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            TxError::Insufficient { balance, wanted } => write!(f, "insufficient funds: {balance} < {wanted}"),
            TxError::NotAllowed(s) => write!(f, "not allowed while {:?}", s),
        }
    }
}

struct Account {
    balance: u64,
    state: State,
    history: Vec<String>,
}

impl Account {
    fn apply(&mut self, cmd: &Command) -> Result<(), TxError> {
        use Command::*;
        match (self.state, cmd) {
            (State::Closed, _) => return Err(TxError::NotAllowed(self.state)),
            (State::Frozen, Deposit(_) | Withdraw(_)) => return Err(TxError::NotAllowed(self.state)),
            (_, Deposit(n)) => self.balance += n,
            (_, Withdraw(n)) if *n > self.balance => {
                return Err(TxError::Insufficient { balance: self.balance, wanted: *n })
            }
            (_, Withdraw(n)) => self.balance -= n,
            (_, Freeze) => self.state = State::Frozen,
            (_, Thaw) => self.state = State::Open,
            (_, Close) => self.state = State::Closed,
        }
        self.history.push(format!("{:?}", cmd));
        Ok(())
    }
}

fn main() {
    let mut acct = Account { balance: 0, state: State::Open, history: Vec::new() };
    let cmds = [
        Command::Deposit(100),
        Command::Withdraw(30),
        Command::Withdraw(500),
        Command::Freeze,
        Command::Deposit(5),
        Command::Thaw,
        Command::Deposit(5),
        Command::Close,
        Command::Withdraw(1),
    ];
    for c in &cmds {
        match acct.apply(c) {
            Ok(()) => println!("ok   {:<14} balance={:>4} state={:?}", format!("{:?}", c), acct.balance, acct.state),
            Err(e) => println!("fail {:<14} {}", format!("{:?}", c), e),
        }
    }
    println!("{}", acct.history.join(", "));
}
