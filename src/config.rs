//! Configuration from the page address, for portals that embed the app:
//! `?agency=…&type=…&region=…&year=…&ns=…&readonly=1&origins=https://a,https://b`
//! (the same keys after `#` override the query).

use nianbao_core::json::YEARS;
use nianbao_core::AgencyKind;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    pub agency: Option<String>,
    pub kind: Option<AgencyKind>,
    pub region: Option<String>,
    pub year: Option<i32>,
    /// Storage namespace: two portals on one origin keep their drafts apart.
    pub namespace: Option<String>,
    pub read_only: bool,
    /// Origins allowed to talk to the app with postMessage; none means no messaging.
    pub origins: Vec<String>,
}

fn valid_namespace(ns: &str) -> bool {
    !ns.is_empty()
        && ns.len() <= 32
        && ns
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// `scheme://host[:port]` only, as `MessageEvent.origin` reports it.
fn valid_origin(o: &str) -> bool {
    let Some((scheme, rest)) = o.split_once("://") else {
        return false;
    };
    matches!(scheme, "http" | "https")
        && !rest.is_empty()
        && !rest.contains(['/', '?', '#', '@', ' '])
}

impl Config {
    /// Reads the settings from `key=value` pairs, later ones winning.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Config {
        let mut c = Config::default();
        for (k, v) in pairs {
            let v = v.trim().to_owned();
            match k.as_str() {
                "agency" if !v.is_empty() => c.agency = Some(v.chars().take(200).collect()),
                "type" => c.kind = AgencyKind::from_key(&v),
                "region" if !v.is_empty() => c.region = Some(v.chars().take(200).collect()),
                "year" => c.year = v.parse().ok().filter(|y| YEARS.contains(y)),
                "ns" if valid_namespace(&v) => c.namespace = Some(v),
                "readonly" => c.read_only = matches!(v.as_str(), "1" | "true" | "yes"),
                "origins" => {
                    c.origins = v
                        .split(',')
                        .map(|o| o.trim().trim_end_matches('/').to_owned())
                        .filter(|o| valid_origin(o))
                        .collect()
                }
                _ => {}
            }
        }
        c
    }

    /// The settings of this page's address.
    pub fn from_location() -> Config {
        let Some(loc) = web_sys::window().map(|w| w.location()) else {
            return Config::default();
        };
        let mut pairs = Vec::new();
        for part in [
            loc.search().unwrap_or_default(),
            loc.hash().unwrap_or_default(),
        ] {
            let part = part.trim_start_matches(['?', '#']);
            if let Ok(params) = web_sys::UrlSearchParams::new_with_str(part) {
                let entries = js_sys::try_iter(&params.entries()).ok().flatten();
                for entry in entries.into_iter().flatten().flatten() {
                    let pair = js_sys::Array::from(&entry);
                    if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                        pairs.push((k, v));
                    }
                }
            }
        }
        Config::from_pairs(pairs)
    }
}
