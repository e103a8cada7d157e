//! The page's building blocks, one component a file.

mod officials_table;
mod paste_box;
mod site_header;
mod summary;

pub use officials_table::OfficialsTable;
pub use paste_box::PasteBox;
pub use site_header::SiteHeader;
pub use summary::Summary;
