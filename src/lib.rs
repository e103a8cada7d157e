//! Hội Nghị's page: a Leptos client-side app over `hoinghi_core`, mounted by `main.rs`.

pub mod app;
mod components;

pub use app::App;
