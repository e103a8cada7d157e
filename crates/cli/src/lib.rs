//! What `hoinghi` shares with the other hosts of the core (the Python package): the ordered parallel map the
//! CLI runs articles through, and the reading of an article row (`{"source", "text", "published"}`) with its
//! publish date. The command itself (flags, output formats) is the binary's (`main.rs`).

pub mod ordered;
pub mod row;
