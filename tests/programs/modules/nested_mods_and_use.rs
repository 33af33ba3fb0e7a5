mod front_of_house {
    pub mod hosting {
        pub fn add_to_waitlist() -> &'static str {
            "added"
        }

        pub fn seat_at_table() -> String {
            format!("seated after {}", add_to_waitlist())
        }
    }

    pub mod serving {
        pub fn serve() -> String {
            format!("served ({})", super::hosting::seat_at_table())
        }
    }
}

mod back_of_house {
    #[derive(Debug)]
    pub struct Breakfast {
        pub toast: String,
        seasonal_fruit: String,
    }

    impl Breakfast {
        pub fn summer(toast: &str) -> Breakfast {
            Breakfast { toast: String::from(toast), seasonal_fruit: String::from("peaches") }
        }

        pub fn fruit(&self) -> &str {
            &self.seasonal_fruit
        }
    }

    #[derive(Debug)]
    pub enum Appetizer {
        Soup,
        Salad,
    }

    pub const CHEF: &str = "remy";
}

use crate::front_of_house::hosting;
use back_of_house::Appetizer::{self, *};
use front_of_house::serving::serve as do_serve;

fn main() {
    println!("{}", hosting::add_to_waitlist());
    println!("{}", do_serve());
    let mut meal = back_of_house::Breakfast::summer("Rye");
    meal.toast = String::from("Wheat");
    println!("I'd like {} toast please, with {}", meal.toast, meal.fruit());
    println!("{:?} {:?} {:?}", Soup, Salad, Appetizer::Soup);
    println!("{}", back_of_house::CHEF);
}
