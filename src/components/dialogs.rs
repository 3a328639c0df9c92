//! Which of the editor's dialogs is open.

use leptos::prelude::*;

/// Which of the editor's dialogs is open, in context: the toolbar opens
/// them by setting a signal; no element is passed around.
#[derive(Clone, Copy)]
pub struct Dialogs {
    pub drafts: RwSignal<bool>,
}

impl Dialogs {
    pub fn provide() -> Dialogs {
        let d = Dialogs {
            drafts: RwSignal::new(false),
        };
        provide_context(d);
        d
    }

    pub fn get() -> Dialogs {
        expect_context::<Dialogs>()
    }
}
