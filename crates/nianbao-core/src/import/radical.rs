//! Text from a PDF often carries CJK radicals where ideographs belong: a
//! font maps its glyph for 人 or 行 to the radical ⼈ (U+2F08) or ⾏ (U+2F8F),
//! which looks the same and reads as another character. Such text is read
//! with each radical as the ideograph Unicode says it stands for
//! (EquivalentUnifiedIdeograph, `radicals.rs`).

use std::borrow::Cow;

use super::radicals::RADICALS;

fn unified(c: char) -> Option<char> {
    if !('\u{2E80}'..='\u{2FDF}').contains(&c) {
        return None;
    }
    RADICALS
        .binary_search_by_key(&c, |p| p.0)
        .ok()
        .map(|i| RADICALS[i].1)
}

/// `text` with its radicals as ideographs, and how many there were.
pub fn unify_radicals(text: &str) -> (Cow<'_, str>, usize) {
    let count = text.chars().filter(|c| unified(*c).is_some()).count();
    if count == 0 {
        return (Cow::Borrowed(text), 0);
    }
    let out = text.chars().map(|c| unified(c).unwrap_or(c)).collect();
    (Cow::Owned(out), count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radicals_read_as_their_ideographs() {
        // As Chromium prints 人民 and 行政 with a common CJK font.
        let (t, n) = unify_radicals("某镇⼈⺠政府 ⾏政许可 ⼀、总体情况");
        assert_eq!(t, "某镇人民政府 行政许可 一、总体情况");
        assert_eq!(n, 4);
        assert!(matches!(unify_radicals("人民政府").0, Cow::Borrowed(_)));
        // Every entry is a radical, in order, standing for an ideograph.
        assert!(RADICALS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(RADICALS
            .iter()
            .all(|(r, i)| ('\u{2E80}'..='\u{2FDF}').contains(r)
                && !('\u{2E80}'..='\u{2FDF}').contains(i)));
    }
}
