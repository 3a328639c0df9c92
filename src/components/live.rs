//! The page's one live region: everything a screen reader should hear
//! without moving focus (a notice, a field's error, saving trouble, the
//! checks' counts, progress) is said here, politely, one message at a time.
//! Visible messages stay where they belong and are not live themselves, so
//! nothing is read twice and nothing talks over something else.

use std::cell::Cell;

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Live {
    text: RwSignal<String>,
}

thread_local! {
    // The page has one region; timers and event handlers (no reactive
    // owner, so no context) say things too.
    static REGION: Cell<Option<Live>> = const { Cell::new(None) };
}

impl Live {
    pub fn provide() {
        REGION.set(Some(Live {
            text: RwSignal::new(String::new()),
        }));
    }

    fn get() -> Option<Live> {
        REGION.get()
    }

    /// Says `words` (again, if it is what was said last: a screen reader
    /// reads a region when its text changes).
    pub fn say(words: &str) {
        let Some(live) = Self::get() else { return };
        let words = words.trim().to_owned();
        if words.is_empty() {
            return;
        }
        if live.text.with_untracked(|t| *t == words) {
            live.text.set(String::new());
            request_animation_frame(move || live.text.set(words));
        } else {
            live.text.set(words);
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

/// The region itself, once in the page.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let live = Live::get().expect("Live::provide before LiveRegion");
    view! { <div class="sr-only" aria-live="polite" role="status" id="live">{move || live.text.get()}</div> }
}
