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
    // Drawn behind the prerendered form, if there is one (shell::draw_in_steps).
    leptos::mount::mount_to_body(nianbao::App);
}
