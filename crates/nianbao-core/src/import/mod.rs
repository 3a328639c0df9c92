//! Bringing reports in: a file's bytes read strictly as text (`encoding`), a
//! JSON document or this app's HTML export read back (`import`, `from_html`),
//! and an export's visible tables checked against the data it carries
//! (`check`); what the import dialog says before anything changes
//! (`preview`). The JSON format itself, with its versions, is `json`.

mod check;
pub mod docx;
pub mod encoding;
mod file;
pub mod page;
pub mod pdf;
mod preview;
pub mod published;
mod radical;
mod radicals;

pub use check::{disagreements, recognised_disagreements, Disagreement};
pub use file::{read_file, read_pdf, too_large, FileRead, Recognition};
pub use preview::{preview, Preview};
pub use radical::unify_radicals;

use crate::json::{from_json, DecodeError};
use crate::render::DATA_ID;
use crate::report::Report;

/// Reads the report back from an HTML file this app exported: from its data
/// block — the `<script>` with `id="nianbao-report"` and type
/// `application/json`, attributes in any order or quoting — never from a copy
/// of it inside a comment.
pub fn from_html(text: &str) -> Result<Report, DecodeError> {
    let block = embedded_data(text).ok_or(DecodeError::NoEmbeddedData)?;
    from_json(block).map_err(|e| match e {
        DecodeError::NotJson { line, column } => DecodeError::EmbeddedNotJson { line, column },
        e => e,
    })
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Whether a lower-cased start tag has `name` = `value` (quoted or not).
fn has_attr(tag: &str, name: &str, value: &str) -> bool {
    let mut rest = tag;
    while let Some(at) = rest.find(name) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + name.len()..].trim_start();
        rest = &rest[at + name.len()..];
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let Some(v) = after.strip_prefix('=').map(str::trim_start) else {
            continue;
        };
        let found = match v.chars().next() {
            Some(q @ ('"' | '\'')) => v[1..].split(q).next().unwrap_or_default(),
            _ => v
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or_default(),
        };
        if found == value {
            return true;
        }
    }
    false
}

/// The text of the data block, skipping comments and other scripts.
pub(crate) fn embedded_data(html: &str) -> Option<&str> {
    // ASCII lower-casing keeps every byte offset.
    let lower = html.to_ascii_lowercase();
    let b = lower.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"<!--") {
            i = find(b, b"-->", i + 4)? + 3;
        } else if b[i..].starts_with(b"<script") {
            let end = find(b, b">", i)?;
            let body = end + 1;
            let close = find(b, b"</script", body)?;
            let tag = &lower[i..end];
            if has_attr(tag, "id", DATA_ID) && has_attr(tag, "type", "application/json") {
                return Some(&html[body..close]);
            }
            i = close + 8;
        } else {
            i += 1;
        }
    }
    None
}

/// Reads an exported JSON or HTML file, whichever it is.
pub fn import(text: &str) -> Result<Report, DecodeError> {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    let lower: String = head.chars().take(64).collect::<String>().to_lowercase();
    if lower.starts_with("<!doctype") || lower.starts_with("<html") || lower.starts_with('<') {
        from_html(text)
    } else {
        from_json(text)
    }
}
