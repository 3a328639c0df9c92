//! Saving a file to the user's computer with the browser's own download.

use leptos::wasm_bindgen::JsCast;

/// Offers `text` as a file named `filename`. Returns false if the browser refused.
pub fn download(filename: &str, mime: &str, text: &str) -> bool {
    download_part(filename, mime, &text.into())
}

/// Offers bytes (a Word file) as a file named `filename`.
pub fn download_bytes(filename: &str, mime: &str, bytes: &js_sys::Uint8Array) -> bool {
    download_part(filename, mime, bytes)
}

/// One blob part (a string or bytes) as a download.
fn download_part(filename: &str, mime: &str, part: &leptos::wasm_bindgen::JsValue) -> bool {
    let run = || -> Option<()> {
        let parts = js_sys::Array::of1(part);
        let bag = web_sys::BlobPropertyBag::new();
        bag.set_type(mime);
        let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &bag).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let document = web_sys::window()?.document()?;
        let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(filename);
        document.body()?.append_child(&a).ok()?;
        a.click();
        a.remove();
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    };
    run().is_some()
}

/// Characters of a file name before its extension: Windows and most
/// browsers refuse longer names, and then download nothing at all.
pub const MAX_NAME_CHARS: usize = 80;

/// A file name from a title, without characters Windows forbids, shortened.
pub fn file_name(title: &str, ext: &str) -> String {
    let long = title.trim().chars().count() > MAX_NAME_CHARS;
    // A long title keeps its start (the agency) and its end (the year and kind).
    let title: String = if long {
        let chars: Vec<char> = title.trim().chars().collect();
        let head: String = chars[..MAX_NAME_CHARS - 21].iter().collect();
        let tail: String = chars[chars.len() - 20..].iter().collect();
        format!("{head}…{tail}")
    } else {
        title.to_owned()
    };
    let clean: String = title
        .chars()
        .map(|c| {
            if r#"\/:*?"<>|"#.contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    format!("{}.{ext}", clean.trim())
}
