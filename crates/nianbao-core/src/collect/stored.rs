//! A workspace unit as kept in the browser's database (IndexedDB): its id,
//! file name, the report as the app's JSON, when it was added and whether
//! its year was printed or confirmed — versioned, read strictly. Records
//! kept before the version existed read as version 1 with the year taken
//! as read.

use serde::{Deserialize, Serialize};

/// The record's version now.
pub const STORED_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StoredUnit {
    #[serde(default = "first")]
    pub v: u32,
    pub id: String,
    pub file: String,
    /// The report as the app's JSON.
    pub json: String,
    /// When it was added (ms since 1970): the list's order.
    pub added: f64,
    /// The file printed its year (or a person confirmed it).
    #[serde(default = "yes")]
    pub year_found: bool,
    /// The replies its package carried (`review::Reply`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<crate::review::Reply>,
}

fn first() -> u32 {
    1
}

fn yes() -> bool {
    true
}

impl StoredUnit {
    /// A record read back (its JSON text), or why not, in words.
    pub fn read(text: &str) -> Result<StoredUnit, String> {
        let u: StoredUnit = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if u.v > STORED_VERSION {
            return Err(format!(
                "由更新版本的本工具保存（记录版本 {}），请使用最新版本打开",
                u.v
            ));
        }
        Ok(u)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_round_trips_and_old_or_newer_ones_are_read_or_refused_in_words() {
        let u = StoredUnit {
            v: STORED_VERSION,
            id: "ab".into(),
            file: "a.json".into(),
            json: "{}".into(),
            added: 1.5,
            year_found: false,
            replies: Vec::new(),
        };
        assert_eq!(StoredUnit::read(&u.to_json()), Ok(u));
        let old = StoredUnit::read(r#"{"id":"x","file":"f","json":"{}","added":2}"#).unwrap();
        assert_eq!((old.v, old.year_found), (1, true));
        let newer = r#"{"v":2,"id":"x","file":"f","json":"{}","added":2}"#;
        assert!(StoredUnit::read(newer).unwrap_err().contains("更新版本"));
        assert!(
            StoredUnit::read(r#"{"id":"x","file":"f","json":"{}","added":2,"extra":1}"#).is_err()
        );
    }
}
