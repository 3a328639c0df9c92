//! The page drawn in parts. With the prerendered form on the page, the app
//! draws its own behind it, one part a task (main.css hides what follows
//! `#shell`), so no task keeps a key typed into the shell waiting long — the
//! whole page in one task blocked for ≈ 440 ms of Lighthouse's simulated
//! 4× CPU — and then takes the shell's place with what was typed meanwhile.

use leptos::prelude::*;

use crate::session::Session;
use crate::shell;
use crate::state::Editor;

/// Whether each of `parts` is drawn: all at once without a shell, one a
/// task behind it.
pub fn draw_in_steps(editor: Editor, session: Session, parts: usize) -> Vec<RwSignal<bool>> {
    let behind = shell::present();
    let drawn: Vec<_> = (0..parts).map(|_| RwSignal::new(!behind)).collect();
    fn step(drawn: Vec<RwSignal<bool>>, next: usize, editor: Editor) {
        // Taking the shell's field away would cut what an input method is
        // composing there: past the last part, wait until it commits.
        let last = next >= drawn.len();
        if last && !shell::composing() {
            return hand_over(editor);
        }
        if let Some(part) = drawn.get(next) {
            part.set(true);
        }
        let next = next + usize::from(!last);
        let wait = std::time::Duration::from_millis(if last { 50 } else { 0 });
        set_timeout(move || step(drawn, next, editor), wait);
    }
    if behind {
        // The app's draft is open: typing into the shell is journalled there.
        shell::journal_under(&session.id.get_untracked());
        let steps = drawn.clone();
        set_timeout(move || step(steps, 0, editor), std::time::Duration::ZERO);
    }
    drawn
}

/// Puts the drawn form in the shell's place, with what was typed there
/// meanwhile and the focus where it was.
fn hand_over(editor: Editor) {
    let focus = shell::take_over();
    shell::apply_later(editor);
    crate::components::text::fit_all();
    if let Some(focus) = focus {
        shell::restore(focus);
    }
}
