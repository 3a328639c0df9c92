//! Whether an element is hidden: the `hidden` attribute, an inline style, or
//! a rule of the page's own `<style>` whose selector is one compound
//! selector (`span`, `.x`, `#y`, `td.x.y`). Rules inside at-rules (`@media
//! print` …) are not applied: what shows on screen is what counts. A
//! selector with combinators is not applied either — when in doubt, the text
//! is read, and a hidden piece the review names is only ever a piece that
//! was certainly hidden.

use std::collections::HashMap;

use super::Attrs;

/// Whether declarations (`a: b; c: d`) hide what they apply to.
pub(crate) fn declarations_hide(decls: &str) -> bool {
    decls.split(';').any(|d| {
        let Some((prop, value)) = d.split_once(':') else {
            return false;
        };
        let prop = prop.trim().to_ascii_lowercase();
        let value = value
            .trim()
            .trim_end_matches("!important")
            .trim()
            .to_ascii_lowercase();
        match prop.as_str() {
            "display" => value == "none",
            "visibility" => value == "hidden" || value == "collapse",
            "font-size" | "opacity" => {
                let number = value.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '%');
                !number.is_empty() && number.parse::<f64>().is_ok_and(|n| n == 0.0)
            }
            _ => false,
        }
    })
}

/// One compound selector: a tag, classes, an id (each optional).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Compound {
    tag: Option<String>,
    classes: Vec<String>,
    id: Option<String>,
}

fn ident(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

impl Compound {
    fn parse(selector: &str) -> Option<Compound> {
        let s = selector.trim();
        if s.is_empty() {
            return None;
        }
        let mut out = Compound::default();
        let mut rest = s;
        let tag_len = rest.find(|c: char| !ident(c)).unwrap_or(rest.len());
        if tag_len > 0 {
            out.tag = Some(rest[..tag_len].to_ascii_lowercase());
            rest = &rest[tag_len..];
        }
        while let Some(c) = rest.chars().next() {
            let body = &rest[1..];
            let len = body.find(|c: char| !ident(c)).unwrap_or(body.len());
            if len == 0 {
                return None;
            }
            match c {
                '.' => out.classes.push(body[..len].to_owned()),
                '#' => out.id = Some(body[..len].to_owned()),
                // Anything else (a space, >, :, [) is more than one compound.
                _ => return None,
            }
            rest = &body[len..];
        }
        Some(out)
    }

    fn matches(&self, tag: &str, attrs: &Attrs) -> bool {
        self.tag.as_deref().is_none_or(|t| t == tag)
            && self
                .id
                .as_deref()
                .is_none_or(|i| attrs.id.as_deref() == Some(i))
            && self.classes.iter().all(|c| attrs.classes.contains(c))
    }

    /// What an element must have for this selector to apply: its id, else
    /// its first class, else its tag (how rules are looked up).
    fn key(&self) -> String {
        match (&self.id, self.classes.first(), &self.tag) {
            (Some(id), _, _) => format!("#{id}"),
            (None, Some(c), _) => format!(".{c}"),
            (None, None, Some(t)) => t.clone(),
            (None, None, None) => String::new(),
        }
    }
}

/// The hiding rules of a page's style sheets, looked up by id, class or tag.
#[derive(Debug, Default)]
pub struct HiddenRules {
    by_key: HashMap<String, Vec<Compound>>,
}

/// Rules read from one page at most (a style sheet longer than this is not a
/// report page's; the rest are not applied).
const MAX_RULES: usize = 10_000;

impl HiddenRules {
    /// The rules of `css` whose declarations hide.
    pub fn from_css(css: &str) -> HiddenRules {
        let mut rules = HiddenRules::default();
        let mut count = 0;
        let css = strip_comments(css);
        let mut rest = css.as_str();
        while let Some(open) = rest.find('{') {
            let prelude = rest[..open].trim();
            let body = &rest[open + 1..];
            if prelude.starts_with('@') {
                // Skip the whole block, nested braces and all.
                rest = skip_block(body);
                continue;
            }
            let close = body.find('}').unwrap_or(body.len());
            let decls = &body[..close];
            rest = body.get(close + 1..).unwrap_or("");
            if !declarations_hide(decls) {
                continue;
            }
            for selector in prelude.split(',') {
                if let Some(c) = Compound::parse(selector) {
                    count += 1;
                    if count > MAX_RULES {
                        return rules;
                    }
                    rules.by_key.entry(c.key()).or_default().push(c);
                }
            }
        }
        rules
    }

    /// Whether an element `tag` with `attrs` is hidden.
    pub(crate) fn hides(&self, tag: &str, attrs: &Attrs) -> bool {
        if attrs.hidden || attrs.style.as_deref().is_some_and(declarations_hide) {
            return true;
        }
        if self.by_key.is_empty() {
            return false;
        }
        let lookup = |k: String| {
            self.by_key
                .get(&k)
                .is_some_and(|list| list.iter().any(|c| c.matches(tag, attrs)))
        };
        attrs.id.as_ref().is_some_and(|id| lookup(format!("#{id}")))
            || attrs.classes.iter().any(|c| lookup(format!(".{c}")))
            || lookup(tag.to_owned())
    }
}

fn strip_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        rest = rest[i + 2..]
            .find("*/")
            .map_or("", |j| &rest[i + 2 + j + 2..]);
    }
    out.push_str(rest);
    out
}

/// What follows a block whose opening brace was just read.
fn skip_block(body: &str) -> &str {
    let mut depth = 1usize;
    for (i, c) in body.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return &body[i + 1..];
                }
            }
            _ => {}
        }
    }
    ""
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(id: Option<&str>, classes: &[&str]) -> Attrs {
        Attrs {
            id: id.map(str::to_owned),
            classes: classes.iter().map(|c| (*c).to_owned()).collect(),
            ..Attrs::default()
        }
    }

    #[test]
    fn inline_styles_that_hide() {
        for s in [
            "display:none",
            "DISPLAY : NONE !important",
            "color:red; visibility: hidden",
            "font-size:0",
            "font-size: 0px",
            "opacity:0",
        ] {
            assert!(declarations_hide(s), "{s}");
        }
        for s in [
            "display:block",
            "font-size:10px",
            "opacity:0.5",
            "font-size:",
            "content:'display:none'x",
        ] {
            assert!(!declarations_hide(s), "{s}");
        }
    }

    #[test]
    fn simple_rules_apply_and_media_and_combinators_do_not() {
        let rules = HiddenRules::from_css(
            "/* .c{display:block} */ .h, td.x.y {display:none} #z{visibility:hidden}\
             @media print { .p { display:none } } div .d { display:none } .shown{color:red}",
        );
        assert!(rules.hides("span", &attrs(None, &["h"])));
        assert!(rules.hides("td", &attrs(None, &["y", "x"])));
        assert!(!rules.hides("td", &attrs(None, &["x"])));
        assert!(!rules.hides("p", &attrs(None, &["x", "y"])));
        assert!(rules.hides("p", &attrs(Some("z"), &[])));
        assert!(!rules.hides("p", &attrs(None, &["p"])), "print only");
        assert!(!rules.hides("p", &attrs(None, &["d"])), "combinator");
        assert!(!rules.hides("p", &attrs(None, &["shown"])));
        let hidden = Attrs {
            hidden: true,
            ..Attrs::default()
        };
        assert!(HiddenRules::default().hides("div", &hidden));
    }
}
