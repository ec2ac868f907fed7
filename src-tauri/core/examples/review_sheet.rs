//! Writes the review sheet a clinician signs: `./dev.sh review-sheet` runs this.
//! Usage: review_sheet <content folder> <source text> <output html>

use std::path::Path;

use alk_core::content::{review_sheet, Content};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, content, source, out] = args.as_slice() else {
        eprintln!("usage: review_sheet <content folder> <source text> <output html>");
        std::process::exit(2);
    };
    let content = Content::load(Path::new(content)).expect("the content loads");
    let source = std::fs::read_to_string(source).expect("the source text is readable");
    let out = Path::new(out);
    std::fs::create_dir_all(out.parent().unwrap_or(Path::new("."))).expect("the folder can be made");
    std::fs::write(out, review_sheet(&content, &source)).expect("the sheet is written");
    println!("{}", out.display());
}
