//! Reading documents this app wrote itself — a stored draft, a report handed
//! between the app and its file module — straight into their types.
//!
//! The file reader (`from_json`) goes through a JSON tree: it migrates old
//! versions and names the exact place of any fault in a file a person chose.
//! That tree, the migrations and the paths are a third of the JSON code; the
//! app needs none of it before the form is usable, so it reads its own
//! documents here and leaves `from_json` to the file module.
//! Both readers refuse the same things (tests/readers.rs): duplicate keys,
//! unknown fields, newer versions, values that do not fit.

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::marker::PhantomData;

use super::strict::{plain, DUPLICATE};
use super::{from_envelope, DecodeError, Envelope, CURRENT_VERSION, MAX_BYTES, SCHEMA_ID};
use crate::report::Report;

/// The oldest document version that reads as the current one without a
/// migration step (v1 → v2 only added an optional field). A version before it
/// would need the file reader; narrow this when a step starts changing things.
pub const TYPED_SINCE: u32 = 1;

/// A JSON object's entries in file order, a key given twice refused.
pub(crate) struct Unique<V>(pub Vec<(String, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Unique<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Entries<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Entries<V> {
            type Value = Unique<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Unique<V>, A::Error> {
                let mut out: Vec<(String, V)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    if out.iter().any(|(k, _)| *k == key) {
                        return Err(de::Error::custom(format!("{DUPLICATE}{key}")));
                    }
                    out.push((key, map.next_value()?));
                }
                Ok(Unique(out))
            }
        }
        d.deserialize_map(Entries(PhantomData))
    }
}

/// A serde error of a typed read, in the reader's words.
pub(super) fn typed_error(e: &serde_json::Error) -> DecodeError {
    let msg = e.to_string();
    if msg.contains("recursion limit") {
        return DecodeError::TooDeep;
    }
    if e.is_data() {
        let inner = msg.split(" at line ").next().unwrap_or_default();
        DecodeError::Structure(plain("", inner))
    } else {
        DecodeError::NotJson {
            line: e.line(),
            column: e.column(),
        }
    }
}

/// Size, byte-order mark and emptiness, as the file reader checks them.
pub(super) fn text_of(text: &str) -> Result<&str, DecodeError> {
    if text.len() > MAX_BYTES {
        return Err(DecodeError::TooLarge { bytes: text.len() });
    }
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(text)
}

/// The head of a report document: what decides whether to read on.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub(super) struct DocHead {
    #[serde(default)]
    schema: Option<String>,
    #[serde(default)]
    schema_version: Option<u64>,
}

impl DocHead {
    /// Refuses what is not a report document of a version read here.
    pub(super) fn check(&self) -> Result<(), DecodeError> {
        if self.schema.as_deref() != Some(SCHEMA_ID) {
            return Err(DecodeError::NotOurs);
        }
        match self.schema_version {
            None | Some(0) => Err(DecodeError::BadVersion),
            Some(v) if v > u64::from(CURRENT_VERSION) => {
                Err(DecodeError::NewerVersion { found: v })
            }
            Some(v) if v < u64::from(TYPED_SINCE) => Err(DecodeError::Migration(format!(
                "第 {v} 版的数据请用“导入”读取。"
            ))),
            Some(_) => Ok(()),
        }
    }
}

/// Reads the head of `text`: syntax errors as such, any other mismatch as
/// "not ours".
pub(super) fn head<'a, H: Deserialize<'a> + Default>(text: &'a str) -> Result<H, DecodeError> {
    serde_json::from_str::<H>(text).map_err(|e| match typed_error(&e) {
        DecodeError::Structure(_) => DecodeError::NotOurs,
        other => other,
    })
}

/// A report envelope whose head was checked, as a report.
pub(super) fn envelope_report(env: Envelope) -> Result<Report, DecodeError> {
    DocHead {
        schema: Some(env.schema.clone()),
        schema_version: Some(env.schema_version.into()),
    }
    .check()?;
    from_envelope(env)
}

/// Reads a report document this app wrote (the current version, or one that
/// reads as it). Anything else — an older version, a hand-edited file — is
/// for `from_json`, which names the place of every fault.
pub fn read_current(text: &str) -> Result<Report, DecodeError> {
    let text = text_of(text)?;
    head::<DocHead>(text)?.check()?;
    let env: Envelope = serde_json::from_str(text).map_err(|e| typed_error(&e))?;
    envelope_report(env)
}
