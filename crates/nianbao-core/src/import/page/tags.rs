//! The HTML elements the page reader treats alike.

/// Elements whose content is not text of the page.
pub(super) const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "iframe", "object", "svg", "math", "select",
    "title", "xmp", "noembed", "noframes", "textarea",
];

/// Elements that start a line of their own.
pub(super) const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "section",
    "article",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "hr",
    "dl",
    "dt",
    "dd",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "form",
    "figure",
    "figcaption",
    "address",
    "center",
    "fieldset",
    "legend",
    "caption",
    "details",
    "summary",
    "dir",
    "menu",
    "body",
];

/// What a head may hold; anything else starts the body.
pub(super) const HEAD_CONTENT: &[&str] = &[
    "meta", "link", "title", "style", "script", "base", "noscript", "template", "head",
];

/// Elements with no content and no end tag.
pub(super) const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Elements an open one of the same kind closes (`<p>…<p>`), besides a block.
pub(super) const SELF_CLOSING_SIBLINGS: &[&str] = &["p", "li", "dt", "dd"];
