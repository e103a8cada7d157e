//! The page's building blocks, one component a file.

mod article_list;
mod card_back;
mod corrected_mark;
mod correction_card;
mod document_card;
mod documents_table;
mod evidence;
mod export_bar;
mod filter_bar;
mod graph_view;
mod input_panel;
mod map_view;
mod meeting_card;
mod officials_table;
mod person_card;
mod picture;
mod site_header;
mod timeline;
mod timeline_chart;
mod views;
mod virtual_list;

pub use article_list::ArticleList;
pub use corrected_mark::corrected_mark;
pub use evidence::EvidencePanel;
pub use export_bar::ExportBar;
pub use filter_bar::FilterBar;
pub use input_panel::InputPanel;
pub use site_header::SiteHeader;
pub use views::Views;
