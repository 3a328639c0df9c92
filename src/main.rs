fn main() {
    // Release builds stop at a panic without a message (panic=immediate-abort,
    // scripts/env.sh); development builds say where in the console.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // The loading message goes before the form is drawn, not after it: the
    // form then appears where it stays (no layout shift).
    if let Some(message) = leptos::prelude::document().get_element_by_id("boot-message") {
        message.remove();
    }
    // The prerendered form gives way to the app's in the same task.
    let focus = nianbao::shell::take_over();
    leptos::mount::mount_to_body(nianbao::App);
    if let Some(focus) = focus {
        nianbao::shell::restore(focus);
    }
}
