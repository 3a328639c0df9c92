//! A saved web page as text for the recognition of published reports (spec
//! §13): each table row one line with `|` between its cells, every other
//! block a line of its own. The page is tokenized by html5gum (WHATWG
//! tokenizing, entities, comments, raw text) and laid out with explicit
//! stacks, so a page nested ten thousand deep costs what a flat one of the
//! same size costs; budgets on elements and depth are checked as it goes.
//! Nothing in the page runs or loads: this is text processing, not a browser.
//!
//! What a reader of the page would not see is not read: scripts, styles,
//! templates, elements with `hidden`, or hidden by an inline style or by a
//! simple rule of the page's own `<style>` (`display:none`,
//! `visibility:hidden`, `font-size:0`, `opacity:0`). Such text is counted and
//! sampled, so the review can say it was there.
//!
//! A table inside a cell makes that cell a layout cell (portals wrap whole
//! articles in one): the row so far is one line, the cell's paragraphs and
//! tables follow as lines of their own.

use html5gum::{DefaultEmitter, Token, Tokenizer};

mod css;
mod layout;
mod tags;

use layout::Reader;

/// More elements than this, and a page is not a report page.
pub const MAX_ELEMENTS: usize = 400_000;
/// Deeper nesting than this (browsers stop nesting at 512), likewise.
pub const MAX_DEPTH: usize = 1_000;

/// A page read as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageText {
    /// The text: a line per block or table row.
    pub text: String,
    /// Pieces of text the page hides, not read.
    pub hidden: usize,
    /// The first few of them, shortened, to name in the review.
    pub hidden_samples: Vec<String>,
}

impl PageText {
    /// What the review says of hidden text, when there was any.
    pub fn hidden_note(&self) -> Option<String> {
        (self.hidden > 0).then(|| {
            let samples: Vec<String> = self
                .hidden_samples
                .iter()
                .map(|s| format!("“{s}”"))
                .collect();
            format!(
                "网页中有 {} 处设为不显示的文字（如 {}），浏览器中看不到，没有读取。如果表格中的数字与网页上看到的不同，请以看到的为准核对。",
                self.hidden,
                samples.join("、")
            )
        })
    }
}

/// Every table of a page: rows of cell texts.
pub type Tables = Vec<Vec<Vec<String>>>;

/// Why a page was not read.
fn too_many() -> String {
    format!(
        "网页的元素超过 {} 个，不像是年度报告的网页，没有读取。",
        crate::limits::grouped(MAX_ELEMENTS as i64)
    )
}

pub(super) fn too_deep() -> String {
    format!("网页的标签嵌套超过 {MAX_DEPTH} 层，不像是年度报告的网页（可能是特意构造的文件），没有读取。")
}

/// The attributes that decide whether an element is shown.
#[derive(Default)]
pub(crate) struct Attrs {
    pub hidden: bool,
    pub style: Option<String>,
    pub id: Option<String>,
    pub classes: Vec<String>,
}

fn attrs_of(tag: &html5gum::StartTag<()>) -> Attrs {
    let get = |k: &[u8]| {
        tag.attributes
            .get(k)
            .map(|v| String::from_utf8_lossy(&v.value).into_owned())
    };
    Attrs {
        hidden: tag.attributes.contains_key(b"hidden".as_slice()),
        style: get(b"style"),
        id: get(b"id"),
        classes: get(b"class")
            .map(|c| c.split_whitespace().map(str::to_owned).collect())
            .unwrap_or_default(),
    }
}

fn tokens(html: &str) -> impl Iterator<Item = Token> + '_ {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    Tokenizer::new_with_emitter(html, emitter).flatten()
}

/// The text of the page's `<style>` elements.
fn style_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_style = false;
    for t in tokens(html) {
        match t {
            Token::StartTag(s) => in_style = s.name.as_slice() == b"style",
            Token::EndTag(_) => in_style = false,
            Token::String(s) if in_style => out.push_str(&String::from_utf8_lossy(&s.value)),
            _ => {}
        }
    }
    out
}

/// The page's text (see the module note), or why it was not read.
pub fn page_text(html: &str) -> Result<PageText, String> {
    read(html).map(|(text, _)| text)
}

/// Every table of the page (or of a clipboard's HTML) as rows of cell texts,
/// what a browser shows of them, in the order the tables open.
pub fn page_tables(html: &str) -> Result<Tables, String> {
    read(html).map(|(_, tables)| tables)
}

fn read(html: &str) -> Result<(PageText, Tables), String> {
    let rules = css::HiddenRules::from_css(&style_text(html));
    let mut r = Reader::new(&rules);
    let mut elements = 0usize;
    for t in tokens(html) {
        match t {
            Token::StartTag(s) => {
                elements += 1;
                if elements > MAX_ELEMENTS {
                    return Err(too_many());
                }
                let name = String::from_utf8_lossy(&s.name).into_owned();
                // `<div/>` opens a div, as in a browser: the slash means
                // nothing on an element that is not void.
                r.start(&name, &attrs_of(&s))?;
            }
            Token::EndTag(e) => r.end(&String::from_utf8_lossy(&e.name)),
            Token::String(s) => r.text(&String::from_utf8_lossy(&s.value)),
            _ => {}
        }
    }
    Ok(r.finish())
}
