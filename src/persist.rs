//! The one place that touches localStorage. Drafts are stored as the core's
//! `Draft` JSON under `{namespace}:draft:{id}`; the last opened id under
//! `{namespace}:last`. Entries that cannot be read are never written over.
//! Typing is journalled at once under `{namespace}:journal:{id}:{field}`
//! (`{base revision}\n{raw text}`), so a browser that dies before the next
//! save loses nothing.

use leptos::wasm_bindgen::JsValue;
use nianbao_core::json::{DecodeError, Draft, MAX_BYTES};

/// Why a write did not stick.
#[derive(Clone, Debug, PartialEq)]
pub enum WriteError {
    /// The browser's storage quota is used up.
    Quota,
    /// Reading back gave something else than was written.
    Mismatch,
    /// Larger than any reader accepts: not written, so never unreadable.
    TooLarge(usize),
    /// Storage went away or refused for another reason.
    Other(String),
}

/// What a stored entry turned out to be.
#[derive(Clone, Debug)]
pub enum Entry {
    Ok(Box<Draft>),
    /// Written by a newer version of the app: left alone.
    Newer {
        raw: String,
    },
    /// Unreadable: kept as it is, offered as a download.
    Corrupt {
        raw: String,
        error: String,
    },
}

/// What storage holds for a draft, read from its head alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoredHead {
    Missing,
    Revision(u64),
    Newer,
    Corrupt,
}

/// A draft slot in storage.
#[derive(Clone, Debug)]
pub struct Stored {
    pub id: String,
    pub entry: Entry,
    /// Bytes it takes in storage.
    pub bytes: usize,
}

/// localStorage under one namespace, or nothing when the browser refuses it.
#[derive(Clone, Debug)]
pub struct Store {
    storage: Option<web_sys::Storage>,
    namespace: String,
    /// The probe write at start found the quota used up: reading works.
    full: bool,
}

/// One journalled edit: the revision it was typed over, the field, the text.
pub struct JournalEntry {
    pub base: u64,
    pub key: String,
    pub raw: String,
}

fn describe(e: &JsValue) -> String {
    js_sys::Error::from(e.clone()).name().into()
}

fn is_quota(e: &JsValue) -> bool {
    let err = js_sys::Error::from(e.clone());
    let name: String = err.name().into();
    name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED"
}

impl Store {
    /// Opens storage and proves it works with a probe write; `None` inside
    /// means the app must work in memory (private mode, a blocking iframe).
    /// A full quota is not "no storage": what is stored can still be read.
    pub fn open(namespace: &str) -> Store {
        let mut full = false;
        let storage = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .filter(|s| {
                let probe = format!("{namespace}:probe");
                let ok = match s.set_item(&probe, "1") {
                    Ok(()) => s.get_item(&probe).ok().flatten().as_deref() == Some("1"),
                    Err(e) if is_quota(&e) => {
                        full = true;
                        true
                    }
                    Err(_) => false,
                };
                let _ = s.remove_item(&probe);
                ok
            });
        Store {
            storage,
            namespace: namespace.to_owned(),
            full,
        }
    }

    pub fn full(&self) -> bool {
        self.full
    }

    pub fn available(&self) -> bool {
        self.storage.is_some()
    }

    fn draft_key(&self, id: &str) -> String {
        format!("{}:draft:{id}", self.namespace)
    }

    /// The id a storage key names, if it is one of our drafts.
    pub fn id_of_key(&self, key: &str) -> Option<String> {
        key.strip_prefix(&format!("{}:draft:", self.namespace))
            .map(str::to_owned)
    }

    pub fn read_raw(&self, id: &str) -> Option<String> {
        self.storage
            .as_ref()?
            .get_item(&self.draft_key(id))
            .ok()
            .flatten()
    }

    /// Reads one draft slot.
    pub fn read(&self, id: &str) -> Option<Entry> {
        self.read_raw(id).map(decode)
    }

    /// One draft slot with its size, read once.
    pub fn read_stored(&self, id: &str) -> Option<Stored> {
        let raw = self.read_raw(id)?;
        Some(Stored {
            id: id.to_owned(),
            bytes: raw.len(),
            entry: decode(raw),
        })
    }

    /// What a slot holds, as far as saving over it cares: its head only.
    pub fn read_head(&self, id: &str) -> StoredHead {
        let Some(raw) = self.read_raw(id) else {
            return StoredHead::Missing;
        };
        match Draft::peek_revision(&raw) {
            Ok(revision) => StoredHead::Revision(revision),
            Err(DecodeError::NewerVersion { .. }) => StoredHead::Newer,
            Err(_) => StoredHead::Corrupt,
        }
    }

    /// Every draft slot, most recently saved first (unreadable ones last).
    pub fn list(&self) -> Vec<Stored> {
        let Some(s) = &self.storage else {
            return Vec::new();
        };
        let len = s.length().unwrap_or(0);
        let ids: Vec<String> = (0..len)
            .filter_map(|i| s.key(i).ok().flatten())
            .filter_map(|k| self.id_of_key(&k))
            .collect();
        let mut out: Vec<Stored> = ids
            .into_iter()
            .filter_map(|id| self.read_stored(&id))
            .collect();
        // Newest first; unreadable ones last.
        nianbao_core::order::sort_by_key(&mut out, |s| match &s.entry {
            Entry::Ok(d) => !nianbao_core::order::f64_key(d.saved_at_ms),
            _ => u64::MAX,
        });
        out
    }

    /// Writes a draft and reads it back.
    pub fn write(&self, id: &str, draft: &Draft) -> Result<(), WriteError> {
        let s = self
            .storage
            .as_ref()
            .ok_or_else(|| WriteError::Other("unavailable".into()))?;
        let key = self.draft_key(id);
        let text = draft.to_json();
        if text.len() > MAX_BYTES {
            return Err(WriteError::TooLarge(text.len()));
        }
        s.set_item(&key, &text).map_err(|e| {
            if is_quota(&e) {
                WriteError::Quota
            } else {
                WriteError::Other(describe(&e))
            }
        })?;
        match s.get_item(&key) {
            Ok(Some(back)) if back == text => Ok(()),
            _ => Err(WriteError::Mismatch),
        }
    }

    pub fn remove(&self, id: &str) {
        if let Some(s) = &self.storage {
            let _ = s.remove_item(&self.draft_key(id));
        }
    }

    /// Puts raw text back (undoing a delete).
    pub fn restore_raw(&self, id: &str, raw: &str) -> Result<(), WriteError> {
        let s = self
            .storage
            .as_ref()
            .ok_or_else(|| WriteError::Other("unavailable".into()))?;
        s.set_item(&self.draft_key(id), raw).map_err(|e| {
            if is_quota(&e) {
                WriteError::Quota
            } else {
                WriteError::Other(describe(&e))
            }
        })
    }

    pub fn last(&self) -> Option<String> {
        self.storage
            .as_ref()?
            .get_item(&format!("{}:last", self.namespace))
            .ok()
            .flatten()
    }

    pub fn set_last(&self, id: &str) {
        if let Some(s) = &self.storage {
            let _ = s.set_item(&format!("{}:last", self.namespace), id);
        }
    }
}

impl Store {
    fn journal_prefix(&self, id: &str) -> String {
        format!("{}:journal:{id}:", self.namespace)
    }

    /// Every key of this store that starts with `prefix`.
    fn keys_with(&self, prefix: &str) -> Vec<String> {
        let Some(s) = &self.storage else {
            return Vec::new();
        };
        (0..s.length().unwrap_or(0))
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| k.starts_with(prefix))
            .collect()
    }

    /// Journals one typed field at once (best effort: a full storage is
    /// already said by the save status).
    pub fn journal(&self, id: &str, base: u64, key: &str, raw: &str) {
        if let Some(s) = &self.storage {
            let _ = s.set_item(
                &format!("{}{key}", self.journal_prefix(id)),
                &format!("{base}\n{raw}"),
            );
        }
    }

    /// The journalled edits of a draft.
    pub fn journal_entries(&self, id: &str) -> Vec<JournalEntry> {
        let prefix = self.journal_prefix(id);
        let Some(s) = &self.storage else {
            return Vec::new();
        };
        self.keys_with(&prefix)
            .into_iter()
            .filter_map(|k| {
                let v = s.get_item(&k).ok().flatten()?;
                let (base, raw) = v.split_once('\n')?;
                Some(JournalEntry {
                    base: base.parse().ok()?,
                    key: k[prefix.len()..].to_owned(),
                    raw: raw.to_owned(),
                })
            })
            .collect()
    }

    /// Forgets a draft's journal (its edits are in the stored draft now).
    pub fn clear_journal(&self, id: &str) {
        if let Some(s) = &self.storage {
            for k in self.keys_with(&self.journal_prefix(id)) {
                let _ = s.remove_item(&k);
            }
        }
    }

    /// Characters the whole origin's storage holds (every key and value,
    /// this app's and any other page's of the same site).
    pub fn used_by_all(&self) -> usize {
        let Some(s) = &self.storage else {
            return 0;
        };
        (0..s.length().unwrap_or(0))
            .filter_map(|i| s.key(i).ok().flatten())
            .map(|k| k.len() + s.get_item(&k).ok().flatten().map_or(0, |v| v.len()))
            .sum()
    }
}

impl Store {
    /// A small per-browser setting (e.g. the 适老化 mode).
    /// The namespace this store keeps drafts under.
    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    pub fn setting(&self, name: &str) -> Option<String> {
        self.storage
            .as_ref()?
            .get_item(&format!("{}:setting:{name}", self.namespace))
            .ok()
            .flatten()
    }

    pub fn set_setting(&self, name: &str, value: &str) {
        if let Some(s) = &self.storage {
            let _ = s.set_item(&format!("{}:setting:{name}", self.namespace), value);
        }
    }
}

/// What a stored text turns out to be.
fn decode(raw: String) -> Entry {
    match Draft::from_json(&raw) {
        Ok(d) => Entry::Ok(Box::new(d)),
        Err(DecodeError::NewerVersion { .. }) => Entry::Newer { raw },
        Err(e) => Entry::Corrupt {
            raw,
            error: e.to_string(),
        },
    }
}

/// A fresh draft id: time and chance, unique enough for one browser.
pub fn new_id() -> String {
    let t = js_sys::Date::now() as u64;
    let r = (js_sys::Math::random() * 1e9) as u64;
    format!("{t:x}{r:x}")
}
