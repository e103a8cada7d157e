//! The page: a paste box on top, what the core found in the article below.

use hoinghi_core::Record;
use leptos::prelude::*;

use crate::components::{OfficialsTable, PasteBox, SiteHeader, Summary};

/// The whole page. Extraction runs here, in the browser, on the pasted text.
#[component]
pub fn App() -> impl IntoView {
    console_error_panic_hook::set_once();
    let text = RwSignal::new(String::new());
    let record = RwSignal::new(None::<Record>);
    let extract = Callback::new(move |()| {
        let article = text.get_untracked();
        let found = (!article.trim().is_empty()).then(|| hoinghi_core::extract(&article, None));
        record.set(found);
    });
    let officials =
        Signal::derive(move || record.with(|r| r.as_ref().map(|r| r.officials.clone())));

    view! {
        <SiteHeader/>
        <main class="page">
            <PasteBox text=text on_extract=extract/>
            <Summary record=record.into()/>
            <OfficialsTable officials=officials/>
        </main>
    }
}
