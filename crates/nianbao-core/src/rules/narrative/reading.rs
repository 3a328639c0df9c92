//! Reading the figures a text quotes (spec §8.7): sentences, clauses, the
//! phrases of the families declared in `template::phrases`, and the count
//! after each. Whatever scopes a clause differently is left alone.

use super::numerals::figure_at;
use crate::template::keys as key;
use crate::template::phrases::{
    Family, Quantity, FAMILIES, LITIGATION_WORDS, OWN, REVIEW_WORDS, SCOPED, SUB_UNITS,
};

/// One figure (or statement) a text gives, and where.
#[derive(Clone, Debug)]
pub struct Reading {
    pub family: &'static Family,
    /// The count (money: 1/10,000 元); `None` for a statement (N14, N15).
    pub figure: Option<i64>,
    /// The 表四 groups a statement is about (`review`, `litDirect`, …).
    pub groups: Vec<&'static str>,
    /// The sentence as written.
    pub sentence: String,
    /// The figure within the sentence, in chars.
    pub figure_at: Option<(usize, usize)>,
    /// The sentence within the text, in UTF-16 units.
    pub at: (u32, u32),
}

/// A line break before a heading (（二）…, 2. …): a heading has no 。 of its own.
const BREAK: char = '\u{1}';

/// Whether a line starts with a heading's numbering: 一、 （一） (一) 1. 1、
fn heading_follows(rest: &[char]) -> bool {
    let line: Vec<char> = rest
        .iter()
        .copied()
        .skip_while(|c| *c == ' ' || *c == '\u{3000}')
        .take(6)
        .collect();
    let numeral = |c: &char| super::numerals::is_chinese_numeral(*c) || c.is_ascii_digit();
    let n = line.iter().take_while(|c| numeral(c)).count();
    match line.first() {
        Some('（' | '(') => {
            let m = line[1..].iter().take_while(|c| numeral(c)).count();
            m > 0 && matches!(line.get(1 + m), Some('）' | ')'))
        }
        Some(_) if n > 0 => matches!(line.get(n), Some('、' | '.' | '．')),
        _ => false,
    }
}

/// Ends a sentence; ends a clause.
const SENTENCE_END: &[char] = &['。', '！', '？', '!', '?', '；', ';', BREAK];
const CLAUSE_END: &[char] = &['，', ',', '：', ':'];

/// A char of the text with whitespace dropped (a PDF's line breaks inside a
/// figure join again) and full-width digits made ASCII.
fn normal(text: &str) -> (Vec<char>, Vec<usize>) {
    let mut chars = Vec::new();
    let mut at = Vec::new();
    let all: Vec<char> = text.chars().collect();
    let mut line_start = 0;
    for (i, &c) in all.iter().enumerate() {
        if c == '\n' {
            let line = &all[line_start..i];
            line_start = i + 1;
            let heading_line = heading_follows(line) && !line.contains(&'。');
            if heading_line || heading_follows(&all[i + 1..]) {
                chars.push(BREAK);
                at.push(i);
                continue;
            }
        }
        if c.is_whitespace() {
            continue;
        }
        let c = match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '％' => '%',
            '．' => '.',
            _ => c,
        };
        chars.push(c);
        at.push(i);
    }
    (chars, at)
}

fn find_all(hay: &[char], needle: &str) -> Vec<usize> {
    let n: Vec<char> = needle.chars().collect();
    if n.is_empty() || hay.len() < n.len() {
        return Vec::new();
    }
    (0..=hay.len() - n.len())
        .filter(|&i| hay[i..i + n.len()] == n[..])
        .collect()
}

fn holds(hay: &[char], needle: &str) -> bool {
    !find_all(hay, needle).is_empty()
}

/// A year other than `year` named in a clause (2022年).
fn other_year(clause: &[char], year: i32) -> bool {
    clause.windows(5).any(|w| {
        w[4] == '年'
            && w[..4].iter().all(char::is_ascii_digit)
            && w[..4].iter().collect::<String>().parse::<i32>().ok() != Some(year)
    })
}

/// The 表四 groups a stretch of text names.
fn groups_in(text: &[char]) -> Vec<&'static str> {
    let mut out = Vec::new();
    if REVIEW_WORDS.iter().any(|w| holds(text, w)) {
        out.push(key::REVIEW);
    }
    if LITIGATION_WORDS.iter().any(|w| holds(text, w)) {
        out.extend([key::LIT_DIRECT, key::LIT_AFTER_REVIEW]);
    }
    out
}

struct Occurrence {
    family: &'static Family,
    start: usize,
    end: usize,
}

/// The phrases of every family in a clause: a phrase inside a longer one
/// (予以公开 in 予以公开及部分公开) is the longer one's.
fn occurrences(clause: &[char]) -> Vec<Occurrence> {
    let mut all = Vec::new();
    for family in FAMILIES {
        for phrase in family.phrases {
            let len = phrase.chars().count();
            for start in find_all(clause, phrase) {
                let before: String = clause[start.saturating_sub(3)..start].iter().collect();
                if family.not_after.iter().any(|w| before.ends_with(w)) {
                    continue;
                }
                all.push(Occurrence {
                    family,
                    start,
                    end: start + len,
                });
            }
        }
    }
    let mut kept: Vec<Occurrence> = Vec::new();
    for o in &all {
        let len = |x: &Occurrence| x.end - x.start;
        // Beaten by an overlapping phrase that is longer, or as long and earlier.
        let beaten = all.iter().any(|p| {
            p.start < o.end
                && o.start < p.end
                && (len(p) > len(o) || (len(p) == len(o) && p.start < o.start))
        });
        let twice = kept
            .iter()
            .any(|k| k.start == o.start && k.end == o.end && k.family.rule == o.family.rule);
        if !beaten && !twice {
            kept.push(Occurrence { ..*o });
        }
    }
    crate::order::sort_by_key(&mut kept, |o| o.start as u64);
    kept
}

/// Every figure `text` quotes, for a report of `year`.
pub fn read(text: &str, year: i32) -> Vec<Reading> {
    let (chars, at) = normal(text);
    let original: Vec<char> = text.chars().collect();
    let utf16: Vec<u32> = std::iter::once(0)
        .chain(original.iter().scan(0u32, |n, c| {
            *n += c.len_utf16() as u32;
            Some(*n)
        }))
        .collect();
    let mut out = Vec::new();
    let mut s0 = 0;
    while s0 < chars.len() {
        let s1 = chars[s0..]
            .iter()
            .position(|c| SENTENCE_END.contains(c))
            .map_or(chars.len(), |p| s0 + p + 1);
        // The break before a heading is no part of the sentence.
        let end = if chars[s1 - 1] == BREAK { s1 - 1 } else { s1 };
        if end == s0 {
            s0 = s1;
            continue;
        }
        let sentence = &chars[s0..end];
        let (first, last) = (at[s0], at[end - 1] + 1);
        let quoted: String = original[first..last].iter().collect();
        let mut c0 = 0;
        while c0 < sentence.len() {
            let c1 = sentence[c0..]
                .iter()
                .position(|c| CLAUSE_END.contains(c) || SENTENCE_END.contains(c))
                .map_or(sentence.len(), |p| c0 + p + 1);
            let clause = &sentence[c0..c1];
            for r in read_clause(clause, sentence, year) {
                let figure_at =
                    r.1.map(|(a, b)| (at[s0 + c0 + a] - first, at[s0 + c0 + b - 1] + 1 - first));
                out.push(Reading {
                    family: r.0,
                    figure: r.2,
                    groups: r.3,
                    sentence: quoted.clone(),
                    figure_at,
                    at: (utf16[first], utf16[last]),
                });
            }
            c0 = c1;
        }
        s0 = s1;
    }
    out
}

type ClauseReading = (
    &'static Family,
    Option<(usize, usize)>,
    Option<i64>,
    Vec<&'static str>,
);

fn read_clause(clause: &[char], sentence: &[char], year: i32) -> Vec<ClauseReading> {
    let occ = occurrences(clause);
    if occ.is_empty() {
        return Vec::new();
    }
    // The clause without its phrases: 上年结转 is a phrase, 上年 alone scopes.
    let mut masked = clause.to_vec();
    for o in &occ {
        for c in &mut masked[o.start..o.end] {
            *c = '\u{0}';
        }
    }
    if SCOPED.iter().any(|w| holds(&masked, w)) || other_year(clause, year) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (k, o) in occ.iter().enumerate() {
        let f = o.family;
        if !f.with.is_empty() && !f.with.iter().any(|w| holds(clause, w)) {
            continue;
        }
        // A word that is the phrase itself (复议 in 行政复议) does not count;
        // one that reaches beyond it (复议后起诉) does.
        let inside = |at: usize, w: &str| o.start <= at && at + w.chars().count() <= o.end;
        if f.unless
            .iter()
            .any(|w| find_all(clause, w).into_iter().any(|at| !inside(at, w)))
        {
            continue;
        }
        let before = &clause[..o.start];
        if SUB_UNITS.iter().any(|w| holds(before, w)) && !OWN.iter().any(|w| holds(before, w)) {
            continue;
        }
        match f.quantity {
            Quantity::AllUpheld => {
                let groups = groups_in(sentence);
                if !groups.is_empty() {
                    out.push((f, None, None, groups));
                }
            }
            Quantity::NoCases => {
                let groups = groups_in(&clause[o.end..]);
                if !groups.is_empty() {
                    out.push((f, None, None, groups));
                }
            }
            _ => {
                let stop = occ.get(k + 1).map_or(clause.len(), |n| n.start);
                if let Some(fig) = (o.end..stop).find_map(|j| figure_at(clause, j, f.units)) {
                    out.push((f, Some((fig.start, fig.end)), Some(fig.value), Vec::new()));
                }
            }
        }
    }
    out
}
