//! A published report's text as tokens: labels, values, blank cells and row
//! breaks, whatever shape its tables came in (spec §13: `|` one row or one
//! cell per line, PDF text with a row's numbers on one line, one cell per
//! line without separators).

/// A cell's text that is a number as reports print them: digits (any width)
/// with separators, a sign or a unit, or a mark for 0 (`/`, `—`, `-`, `无`).
pub fn is_value(text: &str) -> bool {
    let t = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}');
    if ["—", "——", "-", "--", "/", "／", "无", "－", "─"].contains(&t) {
        return true;
    }
    // `1.` is a label's numbering cut off by a wrapped line, not a value.
    if t.ends_with(['.', '．']) {
        return false;
    }
    t.chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        && t.chars().all(|c| {
            c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || ",，.．+-－%".contains(c)
                || "元万件个项次".contains(c)
        })
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tok {
    /// Words: a row or column label, a heading, a sentence.
    Label(String),
    /// A cell's text that reads as a value (digits, a zero mark).
    Value(String),
    /// An empty cell whose place the source kept (`| |`).
    Blank,
    /// The end of a table row, where the source shows one.
    Break,
    /// A line that may be a row of this many cells or a page's number
    /// (`— 3 —`): nothing read from it; in a table as wide, no row counted
    /// across it.
    Unsure(usize),
    /// Numbers the source marked unreadable (`12（？）`, a PDF's figures whose
    /// row is unclear): a row, part of one or rows — nothing read from them,
    /// no row counted across them, and the label on their line is theirs.
    Unread,
}

/// The mark the PDF reader puts after numbers it could not place.
pub const UNREAD: &str = "（？）";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub tok: Tok,
    /// 0-based line in the source.
    pub line: usize,
}

/// A page footer of a PDF (`- 3 -`, `第 3 页`, `3/12`) inside a table.
pub fn is_footer(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if is_dash_number(line) {
        return true;
    }
    if let Some(inner) = t.strip_prefix('第').and_then(|r| r.strip_suffix('页')) {
        return digits(inner) || inner.contains("页共") || inner.split('页').all(digits);
    }
    // `3/12`, written tight: `7 / 8` is a row of two figures and a zero mark.
    !line.trim().contains(char::is_whitespace)
        && matches!(t.split_once('/'), Some((a, b)) if digits(a) && digits(b))
}

/// `— 3 —`, `- 3 -`: a page's number as official documents print it.
fn is_dash_number(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let dash = ['-', '—', '–', '－'];
    t.strip_prefix(dash)
        .and_then(|r| r.strip_suffix(dash))
        .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
}

fn field(text: &str, out: &mut Vec<Token>, line: usize) {
    let t = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}');
    if t.contains(UNREAD) {
        return marked(t, out, line);
    }
    let tok = if t.is_empty() {
        Tok::Blank
    } else if is_value(t) {
        Tok::Value(t.to_owned())
    } else {
        Tok::Label(t.to_owned())
    };
    out.push(Token { tok, line });
}

/// Text holding numbers marked unreadable (`3.其他 1（？） 0（？）`): its words
/// as a label and one `Unread` per stretch of marked numbers.
fn marked(text: &str, out: &mut Vec<Token>, line: usize) {
    let mut label = String::new();
    for part in text.split_whitespace() {
        // A number on a line of marked numbers is not read either.
        if !(is_value(part) || part.strip_suffix(UNREAD).is_some_and(is_value)) {
            label.push_str(part);
            continue;
        }
        if !label.is_empty() {
            out.push(Token {
                tok: Tok::Label(std::mem::take(&mut label)),
                line,
            });
        }
        if out
            .last()
            .is_none_or(|t| t.line != line || t.tok != Tok::Unread)
        {
            out.push(Token {
                tok: Tok::Unread,
                line,
            });
        }
    }
    if !label.is_empty() {
        out.push(Token {
            tok: Tok::Label(label),
            line,
        });
    }
}

/// How the lines separate cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// `|` inside the lines: a row per line, or a cell per line ending `|`.
    Pipes,
    /// A cell per line and a line of only `|` between cells: the pipes are
    /// separators, and two with nothing between them an empty cell.
    LonePipes,
    /// No pipes: PDF text, or a cell per line.
    Plain,
}

fn is_lone_pipe(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| c == '|' || c.is_whitespace())
}

/// The mode of `lines`: pipes when a third or more of the lines carry one;
/// lone pipes when most of those are pipes alone and the lines with text
/// carry none.
fn mode(lines: &[&str]) -> Mode {
    let filled: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    let lone = filled.iter().filter(|l| is_lone_pipe(l)).count();
    let text: Vec<&&str> = filled.iter().filter(|l| !is_lone_pipe(l)).collect();
    let text_piped = text.iter().filter(|l| l.contains('|')).count();
    if (lone + text_piped) * 3 < filled.len().max(1) {
        Mode::Plain
    } else if lone * 3 >= filled.len() && text_piped * 10 <= text.len() {
        Mode::LonePipes
    } else {
        Mode::Pipes
    }
}

/// The tokens of `lines` (the source's lines, `first` the number of the first).
pub fn tokenize(lines: &[&str], first: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let mode = mode(lines);
    let pipes = mode == Mode::Pipes;
    // Lone pipes: whether a separator came since the last cell.
    let mut separated = false;
    for (i, raw) in lines.iter().enumerate() {
        let line = first + i;
        let trimmed = raw.trim();
        if mode == Mode::LonePipes && is_lone_pipe(trimmed) {
            if separated {
                // Nothing between two separators: an empty cell (at a row's
                // ends, the runs drop it).
                out.push(Token {
                    tok: Tok::Blank,
                    line,
                });
            }
            separated = true;
            continue;
        }
        if trimmed.is_empty() {
            continue;
        }
        if is_footer(trimmed) {
            // `— 3 —` may be a page's number or a row of a zero, 3 and a
            // zero: no values taken, and no row counted across it.
            if is_dash_number(trimmed) {
                out.push(Token {
                    tok: Tok::Unsure(trimmed.split_whitespace().count()),
                    line,
                });
            }
            continue;
        }
        separated = false;
        if pipes {
            // A lone `|` is an empty cell — or, right before a row's label,
            // the end of the row before; a line of pipes ends a row.
            if trimmed == "|" {
                let next = lines[i + 1..]
                    .iter()
                    .map(|l| l.trim())
                    .find(|l| !l.is_empty());
                let label_next = next.is_some_and(|l| {
                    let first = l.split('|').next().unwrap_or("").trim();
                    !first.is_empty() && !is_value(first)
                });
                let tok = if label_next { Tok::Break } else { Tok::Blank };
                out.push(Token { tok, line });
                continue;
            }
            // Pipes run together (`|||`) are a flattened separator; pipes
            // with space between (`|  |  |`, as a Word or web table row of
            // empty cells is written) are a row of blank cells.
            if trimmed.chars().all(|c| c == '|' || c.is_whitespace()) {
                if trimmed.contains(char::is_whitespace) {
                    for _ in 1..trimmed.matches('|').count() {
                        out.push(Token {
                            tok: Tok::Blank,
                            line,
                        });
                    }
                }
                out.push(Token {
                    tok: Tok::Break,
                    line,
                });
                continue;
            }
            let mut parts: Vec<&str> = trimmed.split('|').collect();
            if trimmed.ends_with('|') {
                parts.pop();
            }
            if trimmed.starts_with('|') {
                parts.remove(0);
            }
            if parts.len() == 1 {
                // One cell per line: the row goes on over the next lines.
                field(parts[0], &mut out, line);
            } else {
                for p in parts {
                    field(p, &mut out, line);
                }
                out.push(Token {
                    tok: Tok::Break,
                    line,
                });
            }
            continue;
        }
        // A table row among plain text (`| label | 3 |  | 0 |`, as a PDF's
        // table is rebuilt by position): its cells as written.
        if is_pipe_row(trimmed) {
            let inner = &trimmed[1..trimmed.len() - 1];
            for p in inner.split('|') {
                field(p, &mut out, line);
            }
            out.push(Token {
                tok: Tok::Break,
                line,
            });
            continue;
        }
        if trimmed.contains(UNREAD) {
            marked(trimmed, &mut out, line);
            continue;
        }
        // Plain text: values are the parts that read as values, the rest
        // (joined) is a label; a line with two or more values is a row.
        let mut label = String::new();
        let mut values = 0;
        for part in trimmed.split_whitespace().flat_map(split_trailing_digits) {
            if is_value(part) {
                if !label.is_empty() {
                    out.push(Token {
                        tok: Tok::Label(std::mem::take(&mut label)),
                        line,
                    });
                }
                out.push(Token {
                    tok: Tok::Value(part.to_owned()),
                    line,
                });
                values += 1;
            } else {
                label.push_str(part);
            }
        }
        if !label.is_empty() {
            out.push(Token {
                tok: Tok::Label(label),
                line,
            });
        }
        if values >= 2 {
            out.push(Token {
                tok: Tok::Break,
                line,
            });
        }
    }
    out
}

/// `| a | b |`: a row of cells between pipes, two or more of them values.
fn is_pipe_row(t: &str) -> bool {
    t.len() > 2
        && t.starts_with('|')
        && t.ends_with('|')
        && t[1..t.len() - 1]
            .split('|')
            .filter(|p| is_value(p.trim()))
            .count()
            >= 2
}

/// A label with digits run onto its end (`规章003`, a PDF's text with
/// nothing between its cells) as the label and the digits; anything else as
/// it is. Numbering (`1.属于…`) and dates (`2024年`) are not at the end.
fn split_trailing_digits(part: &str) -> Vec<&str> {
    let digits = part.len() - part.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits == part.len() {
        return vec![part];
    }
    let (label, number) = part.split_at(part.len() - digits);
    // After words or a closing quote or bracket (危及“三安全一稳定”3): not
    // after a sign or a separator.
    let before = label.chars().next_back().unwrap_or(' ');
    if (before.is_alphanumeric() && !before.is_ascii()) || "”」）)》】".contains(before) {
        vec![label, number]
    } else {
        vec![part]
    }
}

/// The numbers of a run, as `width` cells: split where the source ran
/// digits together (`003` → 0 0 3) — a run where some digits cannot be one
/// number (a leading zero) — and only where exactly one split of all its
/// groups of digits gives `width` canonical numbers (no leading zeros but 0
/// itself) for which `holds` is true (the row's own sums); `None` otherwise.
pub fn split_run(run: &Run, width: usize, holds: &dyn Fn(&[i64]) -> bool) -> Option<Run> {
    let n = run.cells.len();
    if n >= width || run.cells.iter().any(Option::is_none) {
        return None;
    }
    // A label ending in a digit may hold the row's first number.
    if run
        .lead
        .as_deref()
        .is_some_and(|l| l.ends_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    // Digits only, and short enough to split into few numbers.
    let texts: Vec<&str> = run
        .cells
        .iter()
        .map(|c| c.as_deref().unwrap_or(""))
        .collect();
    if texts
        .iter()
        .any(|t| !t.bytes().all(|b| b.is_ascii_digit()) || t.len() > 24)
    {
        return None;
    }
    // Digits ran together only where some cannot be one number (`003`, a
    // leading zero): otherwise `11` may as well be eleven beside a blank the
    // source lost. Then every group of digits may be several numbers.
    if !texts.iter().any(|t| t.len() > 1 && t.starts_with('0')) {
        return None;
    }
    // Every reading: each group of digits as one or more numbers, and — as
    // copied text loses empty cells — blanks anywhere, between groups or
    // inside one (`00002` `` `2`); the row's sums hold in each (a blank
    // counting 0). One reading alone is taken.
    type Cells = Vec<Option<String>>;
    struct Search<'a> {
        texts: &'a [&'a str],
        width: usize,
        found: Vec<Cells>,
        budget: usize,
        holds: &'a dyn Fn(&[i64]) -> bool,
    }
    impl Search<'_> {
        /// From digit `pos` of group `group` on, with `acc` read so far.
        fn go(&mut self, group: usize, pos: usize, acc: &mut Cells) {
            if self.budget == 0 || self.found.len() > 1 || acc.len() > self.width {
                return;
            }
            self.budget -= 1;
            if acc.len() < self.width {
                // A blank the source lost, here.
                acc.push(None);
                self.go(group, pos, acc);
                acc.pop();
            }
            let Some(text) = self.texts.get(group) else {
                if acc.len() == self.width {
                    let nums: Option<Vec<i64>> = acc
                        .iter()
                        .map(|t| t.as_deref().map_or(Some(0), |t| t.parse().ok()))
                        .collect();
                    if nums.is_some_and(|n| (self.holds)(&n)) && !self.found.contains(acc) {
                        self.found.push(acc.clone());
                    }
                }
                return;
            };
            // The next number: digits from `pos`, no leading zero but 0.
            let rest = &text[pos..];
            for end in 1..=rest.len() {
                let piece = &rest[..end];
                if piece.len() > 1 && piece.starts_with('0') {
                    break;
                }
                acc.push(Some(piece.to_owned()));
                if end == rest.len() {
                    self.go(group + 1, 0, acc);
                } else {
                    self.go(group, pos + end, acc);
                }
                acc.pop();
            }
        }
    }
    let mut search = Search {
        texts: &texts,
        width,
        found: Vec::new(),
        budget: 200_000,
        holds,
    };
    search.go(0, 0, &mut Vec::new());
    let (mut found, budget) = (search.found, search.budget);
    match (found.len(), budget) {
        (1, b) if b > 0 => Some(Run {
            cells: found.remove(0),
            ..run.clone()
        }),
        _ => None,
    }
}

/// A run of cells: values and kept blanks with no label or break between.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// `None` for a blank cell.
    pub cells: Vec<Option<String>>,
    /// Token range of the run.
    pub start: usize,
    pub end: usize,
    pub line: usize,
    /// The label right before it (no row break between): its row's label
    /// when the source prints labels first.
    pub lead: Option<String>,
}

/// The runs of `tokens`, in order.
pub fn runs(tokens: &[Token]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut current: Option<Run> = None;
    for (i, t) in tokens.iter().enumerate() {
        let cell = match &t.tok {
            Tok::Value(v) => Some(Some(v.clone())),
            Tok::Blank => Some(None),
            _ => None,
        };
        match cell {
            Some(c) => {
                let lead = match i.checked_sub(1).map(|p| &tokens[p].tok) {
                    Some(Tok::Label(l)) => Some(l.clone()),
                    _ => None,
                };
                let run = current.get_or_insert(Run {
                    cells: Vec::new(),
                    start: i,
                    end: i,
                    line: t.line,
                    lead,
                });
                run.cells.push(c);
                run.end = i + 1;
            }
            None => {
                out.extend(current.take());
                if matches!(t.tok, Tok::Unsure(_) | Tok::Unread) {
                    // A run of no cells: it fits no row, and holds its place.
                    out.push(Run {
                        cells: Vec::new(),
                        start: i,
                        end: i + 1,
                        line: t.line,
                        lead: None,
                    });
                }
            }
        }
    }
    out.extend(current);
    out
}

impl Run {
    /// The run with blank cells at its ends dropped until it has exactly `n`
    /// cells, or `None`.
    pub fn exactly(&self, n: usize) -> Option<Run> {
        let mut cells = self.cells.as_slice();
        while cells.len() > n {
            match cells {
                [rest @ .., None] => cells = rest,
                [None, rest @ ..] => cells = rest,
                _ => return None,
            }
        }
        (cells.len() == n).then(|| Run {
            cells: cells.to_vec(),
            ..self.clone()
        })
    }

    /// The run with blank cells at its ends dropped until it has a multiple
    /// of `width` cells (a lone `|` may close a row as well as be a cell),
    /// or `None` when that does not get there — or when blanks dropped from
    /// one end or the other leave different cells (`| | 3 | |`).
    pub fn fitted(&self, width: usize) -> Option<Run> {
        let n = self.cells.len();
        if width == 0 || n == 0 {
            return None;
        }
        let lead = self.cells.iter().take_while(|c| c.is_none()).count();
        let trail = self.cells.iter().rev().take_while(|c| c.is_none()).count();
        // The fewest blanks dropped from the ends; where they may come off
        // either end with different cells left, the run does not fit.
        for drop in 0..n {
            let fits: Vec<&[Option<String>]> = (0..=drop)
                .map(|i| (i, drop - i))
                .filter(|&(i, j)| i <= lead && j <= trail && i + j < n)
                .map(|(i, j)| &self.cells[i..n - j])
                .filter(|c| c.len().is_multiple_of(width))
                .collect();
            match fits.as_slice() {
                [] => continue,
                [first, rest @ ..] if rest.iter().all(|c| c == first) => {
                    return Some(Run {
                        cells: first.to_vec(),
                        ..self.clone()
                    })
                }
                _ => return None,
            }
        }
        None
    }
}

#[cfg(test)]
#[path = "tokens_tests.rs"]
mod tests;
