fn first_word(s: &str) -> &str {
    let bytes = s.as_bytes();
    for (i, &item) in bytes.iter().enumerate() {
        if item == b' ' {
            return &s[0..i];
        }
    }
    &s[..]
}

fn longest<'a>(x: &'a str, y: &'a str) -> &'a str {
    if x.len() > y.len() {
        x
    } else {
        y
    }
}

fn shout(s: &mut String) {
    s.make_ascii_uppercase();
    s.push('!');
}

fn count_vowels(s: &str) -> usize {
    s.chars().filter(|c| "aeiouAEIOU".contains(*c)).count()
}

fn main() {
    let my_string = String::from("hello world");
    println!("{}", first_word(&my_string[0..6]));
    println!("{}", first_word(&my_string));
    println!("{}", first_word("lit"));
    println!("{}", longest("long string is long", "xyz"));
    let mut s = String::from("hey");
    shout(&mut s);
    println!("{s}");
    println!("{}", count_vowels("The quick brown fox"));
    let palindrome = |w: &str| w.chars().eq(w.chars().rev());
    println!("{} {}", palindrome("racecar"), palindrome("rust"));
    let reversed_words: Vec<String> = "one two three".split(' ').map(|w| w.chars().rev().collect()).collect();
    println!("{:?}", reversed_words);
}
