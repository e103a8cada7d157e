//! Hội Nghị's page: a Leptos client-side app over `hoinghi_core`, mounted by `main.rs`.

pub mod app;
mod browser;
pub mod chart;
mod components;
mod correcting;
pub mod duplicates;
pub mod export;
pub mod filtering;
pub mod fixed;
pub mod gold;
mod merge_worker;
pub mod merging;
pub mod model;
mod pdf;
pub mod protocol;
pub mod storage;
pub mod zip;

pub use app::App;
