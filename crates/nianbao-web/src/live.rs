//! The page's one live region: everything a screen reader should hear
//! without moving focus (a notice, a field's error, saving trouble, the
//! checks' counts, progress) is said here, politely, one message at a time.
//! Visible messages stay where they belong and are not live themselves, so
//! nothing is read twice and nothing talks over something else.

use leptos::prelude::*;

/// The region's element id.
const ID: &str = "live";

/// The page's live region. It is found by its id, so every part of the page
/// says things in the same place — the editor, the 汇总 module loaded on
/// first use (a wasm module of its own), timers and event handlers.
pub struct Live;

impl Live {
    /// Says `words` (again, if it is what was said last: a screen reader
    /// reads a region when its text changes).
    pub fn say(words: &str) {
        let words = words.trim().to_owned();
        if words.is_empty() {
            return;
        }
        let Some(region) = document().get_element_by_id(ID) else {
            return;
        };
        if region.text_content().as_deref() == Some(words.as_str()) {
            region.set_text_content(Some(""));
            request_animation_frame(move || region.set_text_content(Some(&words)));
        } else {
            region.set_text_content(Some(&words));
        }
    }
}

/// Says each new message `message` gives (`None` or empty says nothing).
pub fn announce(message: impl Fn() -> Option<String> + 'static) {
    Effect::new(move |last: Option<Option<String>>| {
        let now = message().filter(|m| !m.trim().is_empty());
        if let Some(m) = now.as_deref() {
            if last.flatten().as_deref() != Some(m) {
                Live::say(m);
            }
        }
        now
    });
}

/// The region itself, once in the page. Its text is written by `Live::say`
/// only, never by a view.
#[component]
pub fn LiveRegion() -> impl IntoView {
    view! { <div class="sr-only" aria-live="polite" role="status" id=ID></div> }
}
