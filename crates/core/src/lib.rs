//! Hội Nghị's extraction core (work in progress: the pipeline lands stage by stage).

pub mod calendar;
pub mod record;

pub use calendar::Date;
pub use record::{Document, Meeting, Official, Precision, PublishedFrom, Record, Span};

/// Extracts one article's record. `published` is used when the text carries no date line.
pub fn extract(text: &str, published: Option<Date>) -> Record {
    let _ = published;
    Record { text: text.to_string(), ..Record::default() }
}
