//! Configuration from the page address, for portals that embed the app:
//! `?agency=…&type=…&region=…&year=…&ns=…&readonly=1&origins=https://a,https://b`
//! (the same keys after `#` override the query).
//!
//! Who may talk to the app is not the address's to say — whoever frames the
//! page writes the address. The deployment says it, in `index.html`:
//! `<meta name="nianbao-embed-origins" content="https://portal.example.gov.cn">`;
//! `origins=` in the address can only narrow that list.

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
    /// Origins the address asks to talk to (`None`: it does not ask).
    pub origins: Option<Vec<String>>,
}

/// The meta element where a deployment lists the origins that may embed
/// the app and talk to it.
pub const EMBED_META: &str = "nianbao-embed-origins";

/// Origins from a list separated by commas or spaces; invalid ones dropped.
pub fn origin_list(text: &str) -> Vec<String> {
    text.split([',', ' ', '\n', '\t'])
        .map(|o| o.trim().trim_end_matches('/').to_owned())
        .filter(|o| valid_origin(o))
        .collect()
}

/// The origins the app talks to: the deployment's, narrowed by the address.
pub fn allowed_origins(deployed: &[String], asked: Option<&[String]>) -> Vec<String> {
    match asked {
        None => deployed.to_vec(),
        Some(asked) => deployed
            .iter()
            .filter(|o| asked.contains(o))
            .cloned()
            .collect(),
    }
}

/// Drafts made inside a frame live apart, bound to the embedding origin: a
/// portal never sees drafts made elsewhere (directly, or under another portal).
pub fn frame_namespace(namespace: &str, embedder: &str) -> String {
    let tag: String = embedder
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{namespace}@{tag}")
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
                "origins" => c.origins = Some(origin_list(&v)),
                _ => {}
            }
        }
        c
    }

    /// The origins this deployment lets embed and talk to the app (its
    /// `index.html` meta), narrowed by the address.
    pub fn message_origins(&self) -> Vec<String> {
        let deployed = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| {
                d.query_selector(&format!("meta[name=\"{EMBED_META}\"]"))
                    .ok()
                    .flatten()
            })
            .and_then(|m| m.get_attribute("content"))
            .map(|c| origin_list(&c))
            .unwrap_or_default();
        allowed_origins(&deployed, self.origins.as_deref())
    }

    /// The origin of the page that frames this one, if framed ("" when the
    /// browser does not say).
    pub fn embedder() -> Option<String> {
        let window = web_sys::window()?;
        let top = window.top().ok().flatten()?;
        if top == window {
            return None;
        }
        let location = window.location();
        let from_ancestors = js_sys::Reflect::get(&location, &"ancestorOrigins".into())
            .ok()
            .filter(|l| !l.is_undefined())
            .and_then(|l| js_sys::Reflect::get(&l, &0.into()).ok())
            .and_then(|o| o.as_string());
        let from_referrer = || {
            let r = window.document()?.referrer();
            web_sys::Url::new(&r).ok().map(|u| u.origin())
        };
        Some(from_ancestors.or_else(from_referrer).unwrap_or_default())
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
