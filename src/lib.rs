//! Hội Nghị's page: a Leptos client-side app over `hoinghi_core`, mounted by `main.rs`.

pub mod app;
mod browser;
mod components;
pub mod duplicates;
pub mod export;
mod merge_worker;
pub mod merging;
pub mod model;
pub mod protocol;

pub use app::App;
