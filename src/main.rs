fn main() {
    // Release builds stop at a panic without a message (panic=immediate-abort,
    // scripts/env.sh); development builds say where in the console.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(nianbao::App);
}
