//! One debounce for the app: something run a moment after the last call,
//! each call putting it off again (the checks after typing pauses, the
//! autosave, the findings' announcement, the portal's `changed`).

use std::time::Duration;

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Debounce {
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    after: Duration,
}

impl Debounce {
    pub fn new(after_ms: u64) -> Debounce {
        Debounce {
            timer: StoredValue::new_local(None),
            after: Duration::from_millis(after_ms),
        }
    }

    /// Runs `f` after the pause, unless called again (or cancelled) first.
    pub fn call(self, f: impl FnOnce() + 'static) {
        self.cancel();
        self.timer
            .set_value(set_timeout_with_handle(f, self.after).ok());
    }

    /// Drops what waits (it is being done now, or not at all).
    pub fn cancel(self) {
        if let Some(t) = self.timer.try_update_value(Option::take).flatten() {
            t.clear();
        }
    }
}
