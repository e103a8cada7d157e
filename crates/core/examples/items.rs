//! Prints the items `positions` sees in a sentence: `cargo run -p hoinghi-core --example items -- "TEXT"`.
fn main() {
    let text = hoinghi_core::normalise::normalise(&std::env::args().nth(1).unwrap_or_default());
    for s in hoinghi_core::tokens::sentences(&text, 0..text.len()) {
        let tokens = hoinghi_core::tokens::tokenize(&text, s.clone());
        for item in hoinghi_core::items::items(&tokens, &text) {
            match item {
                hoinghi_core::items::Item::Title(t) => {
                    println!(
                        "TITLE [{}] body=[{}]",
                        &text[tokens[t.tokens.start].range().start..tokens[t.tokens.end - 1].range().end],
                        if t.body.is_empty() {
                            ""
                        } else {
                            &text[tokens[t.body.start].range().start..tokens[t.body.end - 1].range().end]
                        }
                    )
                }
                other => println!("{other:?}"),
            }
        }
    }
}
