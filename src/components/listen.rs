//! One listener for several events of an element. Each `on:` handler of a
//! view is code of its own in the bundle; an element that handles many
//! events of many kinds (a table, a text box) listens through one closure.

use leptos::html::Div;
use leptos::prelude::*;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::Event;

/// Calls `handler` for each of `events` on `node`'s element, from when it is
/// on the page until the component is gone. The handler may be called again
/// while it runs (a key that moves focus fires focus events): `Fn`, not
/// `FnMut`, so that is allowed.
pub fn listen_all<F: Fn(Event) + 'static>(
    node: NodeRef<Div>,
    events: &'static [&'static str],
    handler: F,
) {
    let mut handler = Some(handler);
    let kept = StoredValue::new_local(None::<Closure<dyn Fn(Event)>>);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let Some(h) = handler.take() else { return };
        let closure = Closure::<dyn Fn(Event)>::new(h);
        for name in events {
            let _ = el.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
        }
        kept.set_value(Some(closure));
    });
}
