mod outer {
    pub(crate) fn visible() -> &'static str {
        "crate-visible"
    }

    pub mod inner {
        pub fn call_up() -> String {
            format!("{} via super", super::visible())
        }

        pub mod deepest {
            pub fn root() -> String {
                format!("{} from deepest", super::super::visible())
            }

            pub fn absolute() -> i32 {
                crate::top_level() + 1
            }
        }
    }

    pub use self::inner::deepest::root as reexported;

    #[derive(Debug, Clone, Copy, PartialEq)]
    pub enum Mode {
        On,
        Off,
    }

    impl Mode {
        pub fn toggle(self) -> Mode {
            match self {
                Mode::On => Mode::Off,
                Mode::Off => Mode::On,
            }
        }
    }
}

fn top_level() -> i32 {
    41
}

use outer::inner::{self, deepest};
use outer::Mode;

fn main() {
    println!("{}", outer::visible());
    println!("{}", inner::call_up());
    println!("{}", deepest::root());
    println!("{}", deepest::absolute());
    println!("{}", outer::reexported());
    let m = Mode::On;
    println!("{:?} {:?}", m.toggle(), m.toggle().toggle());
}
