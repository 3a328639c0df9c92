//! Reading a published report — its text as a page, a PDF viewer or a Word
//! file gives it (spec §13) — into a report, with where every cell came from
//! and how sure the placing is. Nothing is placed by position where the
//! source lost positions: such cells are "not found", and what could not be
//! placed is said in `notes`.

mod cross;
mod evidence;
mod fold;
mod proactive;
mod review;
pub(crate) mod tokens;

use crate::edit::structured::parse_value;
use crate::report::{Date, Report};
use crate::section::Section;
use crate::template::{CellId, GridCell, TableId, Template, TemplateId};
use fold::fold;
pub use review::review_html;
use tokens::{runs, tokenize};

/// How a cell of the result came to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Certainty {
    /// Its row was named by a label (or every row of numbers met every row).
    Recognised,
    /// Placed by the order of the rows alone: check it against the source.
    Uncertain,
    /// Not in the source, or not placeable without guessing.
    NotFound,
}

/// Where one cell came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellSource {
    pub certainty: Certainty,
    /// The source lines (0-based, first and last) it was read from.
    pub lines: Option<(usize, usize)>,
}

/// A published report as recognised.
#[derive(Clone, Debug)]
pub struct Recognised {
    /// Values as printed (totals too: marked as printed, never recomputed).
    pub report: Report,
    /// One per cell of the report's template, in the template's order.
    pub cells: Vec<CellSource>,
    /// What could not be placed or was read in a particular way, in Chinese.
    pub notes: Vec<String>,
    /// The text printed the report year (else a stand-in year was used).
    pub year_found: bool,
}

impl Recognised {
    /// Cells of each certainty (the grid's 不适用 cells not counted).
    pub fn count(&self, c: Certainty) -> usize {
        let t = self.report.template();
        self.cells
            .iter()
            .enumerate()
            .filter(|(i, s)| {
                s.certainty == c
                    && t.def(CellId(*i as u16)).kind != crate::cell::CellKind::NotApplicable
            })
            .count()
    }

    /// How cell `c` came to be.
    pub fn source(&self, c: CellId) -> &CellSource {
        &self.cells[c.index()]
    }
}

/// The report being filled and the record of each cell.
pub struct Placing {
    report: Report,
    cells: Vec<CellSource>,
    notes: Vec<String>,
}

impl Placing {
    fn place(
        &mut self,
        template: &Template,
        cell: CellId,
        text: Option<&str>,
        certainty: Certainty,
        lines: (usize, usize),
    ) {
        let def = template.def(cell);
        let value = match text.map(|t| parse_value(t, def.kind)) {
            None => None,
            Some(Ok((v, converted))) => {
                if let Some(c) = converted {
                    self.note(format!("{}{}：{c}", def.table.name(), def.name()));
                }
                v
            }
            Some(Err(e)) => {
                self.note(format!(
                    "{}“{}”：{e}，没有导入。",
                    def.table.name(),
                    def.name()
                ));
                return;
            }
        };
        self.report.set(cell, value);
        self.cells[cell.index()] = CellSource {
            certainty,
            lines: Some(lines),
        };
    }

    fn note(&mut self, text: String) {
        if !self.notes.contains(&text) {
            self.notes.push(text);
        }
    }
}

/// Which section heading a (folded) line is: its numeral, then most of the
/// heading's words, and not much more (a sentence is no heading).
fn heading(folded: &str) -> Option<usize> {
    Section::ALL.iter().position(|s| {
        let h = fold(s.heading());
        let numeral: String = h.chars().take(2).collect();
        folded.starts_with(&numeral)
            && folded.chars().count() <= h.chars().count() + 10
            && fold::coverage(&h, folded) >= 0.8
    })
}

/// Every label of a table in a format — head cells and row labels — folded.
fn labels_of(id: TemplateId, table: TableId) -> Vec<String> {
    let t = id.get().table(table);
    t.head
        .iter()
        .flatten()
        .map(|h| h.text)
        .chain(t.body.iter().flatten().filter_map(|c| match c {
            GridCell::Head(h) => Some(h.text),
            GridCell::Data { .. } => None,
        }))
        .filter(|l| !l.is_empty())
        .map(fold)
        .collect()
}

/// How many of the labels only format `id` has (in 表二 and 表三) a text holds.
fn score(id: TemplateId, t2: &str, t3: &str) -> usize {
    let other = id.other();
    [(TableId::Proactive, t2), (TableId::Requests, t3)]
        .into_iter()
        .map(|(table, text)| {
            let theirs = labels_of(other, table);
            labels_of(id, table)
                .into_iter()
                .filter(|l| {
                    l.chars().count() >= 6 && !theirs.iter().any(|o| o.contains(l.as_str()))
                })
                .filter(|l| text.contains(l.as_str()))
                .count()
        })
        .sum()
}

/// The first four-digit year followed by 年 in `s`.
fn year_in(s: &str) -> Option<i32> {
    let chars: Vec<char> = s.chars().collect();
    chars.windows(5).find_map(|w| {
        (w[..4].iter().all(char::is_ascii_digit) && w[4] == '年')
            .then(|| w[..4].iter().collect::<String>().parse().ok())
            .flatten()
            .filter(|y| crate::json::YEARS.contains(y))
    })
}

/// Lines `from..to` joined, without blank ones at either end.
fn text_of(lines: &[&str], from: usize, to: usize) -> String {
    lines[from.min(to)..to]
        .iter()
        .filter(|l| !tokens::is_footer(l))
        .map(|l| l.trim_end())
        .collect::<Vec<_>>()
        .join("\n")
        .trim_matches('\n')
        .to_owned()
}

/// The year of a report whose text names none (said in the notes).
const FALLBACK_YEAR: i32 = 2024;

/// Recognises a published report's text.
pub fn recognise(text: &str) -> Recognised {
    let (text, radicals) = crate::import::unify_radicals(text);
    let lines: Vec<&str> = text.lines().collect();
    let folded: Vec<String> = lines.iter().map(|l| fold(l)).collect();
    let find =
        |from: usize, pred: &dyn Fn(&str) -> bool| (from..lines.len()).find(|&i| pred(&folded[i]));
    let kinds: Vec<Option<usize>> = folded.iter().map(|l| heading(l)).collect();
    let mut heads = [None; 6];
    let mut from = 0;
    for (k, slot) in heads.iter_mut().enumerate() {
        if let Some(i) = (from..lines.len()).find(|&i| kinds[i] == Some(k)) {
            *slot = Some(i);
            from = i + 1;
        }
    }
    let t2 = find(0, &|l| l.contains("第二十条第")).or(heads[1]);
    // 表三 starts at its head (申请人情况, the corner's note) or its first row;
    // 表四 at its heading or its first head cell (行政复议).
    let t3_labels = labels_of(TemplateId::F2021, TableId::Requests);
    let first_row = TemplateId::F2021.get().table(TableId::Requests).body[0]
        .iter()
        .find_map(|c| match c {
            GridCell::Head(h) => Some(fold(h.text)),
            GridCell::Data { .. } => None,
        })
        .unwrap_or_default();
    let t3 = find(t2.unwrap_or(0), &|l| {
        l.contains(first_row.as_str())
            || t3_labels.iter().take(2).any(|h| {
                let start: String = h.chars().take(10).collect();
                l.contains(start.as_str())
            })
    })
    .or(heads[2]);
    // 表四 by its header — a line of its head labels, or one alone — never by
    // a word of it in a sentence (行政复议 is in many a preamble).
    // Its own labels only: 总计 is 表三's too.
    let t3_all = labels_of(TemplateId::F2021, TableId::Requests);
    let t4_heads: Vec<String> = labels_of(TemplateId::F2021, TableId::ReviewLitigation)
        .into_iter()
        .filter(|h| !t3_all.contains(h))
        .collect();
    let t4_header = |l: &str| {
        let prose = l.contains(['，', '。', '、', '；', ',']);
        let named = t4_heads.iter().filter(|h| l.contains(h.as_str())).count();
        t4_heads.iter().any(|h| h == l) || (!prose && named >= 2)
    };
    let t4 = heads[3].or_else(|| find(t3.or(t2).unwrap_or(0), &t4_header));
    let end5 = heads[4].unwrap_or(lines.len());

    // Year and agency from the title, else from the statistics period —
    // never from a sentence that cites a report (another year's, often).
    let is_title = |l: &str| {
        l.contains("年度报告") && !l.contains('《') && !l.ends_with('。') && l.chars().count() <= 60
    };
    let title = folded.iter().take(8).position(|l| is_title(l));
    let year = title
        .and_then(|i| year_in(&folded[i]))
        .or_else(|| {
            folded
                .iter()
                .find_map(|l| l.contains("统计期限").then(|| year_in(l)).flatten())
        })
        .or_else(|| folded.iter().find_map(|l| year_in(l)));
    let found_year = year.is_some();
    let year = year.unwrap_or(FALLBACK_YEAR);
    let region = |a: Option<usize>, b: Option<usize>| -> String {
        a.map(|a| folded[a..b.unwrap_or(lines.len()).max(a)].concat())
            .unwrap_or_default()
    };
    let t2_text = region(t2, t3);
    let t3_text = region(t3, t4);
    let (f2019, f2021) = (
        score(TemplateId::F2019, &t2_text, &t3_text),
        score(TemplateId::F2021, &t2_text, &t3_text),
    );
    let template_id = match f2019.cmp(&f2021) {
        std::cmp::Ordering::Greater => TemplateId::F2019,
        std::cmp::Ordering::Less => TemplateId::F2021,
        std::cmp::Ordering::Equal => TemplateId::for_year(year),
    };
    let mut report = Report::with_template(year, template_id);
    // The agency: before the year in the title, or the line above it.
    if let Some(i) = title {
        let t = lines[i].trim();
        let before = t.find(&year.to_string()).map_or("", |at| t[..at].trim());
        report.agency.name = if !before.is_empty() {
            before.to_owned()
        } else if i > 0 && lines[i - 1].trim().chars().count() <= 30 {
            lines[i - 1].trim().to_owned()
        } else {
            String::new()
        };
    }
    let template = template_id.get();
    let mut out = Placing {
        report,
        cells: vec![
            CellSource {
                certainty: Certainty::NotFound,
                lines: None
            };
            template.cells.len()
        ],
        notes: Vec::new(),
    };

    let part = |a: Option<usize>, b: usize| {
        let a = a.unwrap_or(b).min(b);
        let toks = tokenize(&lines[a..b], a);
        let r = runs(&toks);
        (toks, r)
    };
    if let Some(a) = t2 {
        let (toks, r) = part(Some(a), t3.or(t4).unwrap_or(end5));
        proactive::recognise(template, &toks, &r, &mut out);
    }
    if let Some(a) = t3 {
        let (toks, r) = part(Some(a), t4.unwrap_or(end5));
        cross::recognise(template, TableId::Requests, &toks, &r, &mut out);
    }
    if let Some(a) = t4 {
        let (toks, r) = part(Some(a), end5);
        cross::recognise(template, TableId::ReviewLitigation, &toks, &r, &mut out);
    }

    // The text sections, and the signature (agency, date) after 六.
    let after = |k: usize| heads[k].map(|i| i + 1);
    if let Some(a) = after(0) {
        out.report.overview.text = text_of(&lines, a, t2.or(heads[1]).unwrap_or(a));
    }
    if let Some(a) = after(4) {
        out.report.problems = text_of(&lines, a, heads[5].unwrap_or(lines.len()));
    }
    if let Some(a) = after(5) {
        let mut end = lines.len();
        while end > a && lines[end - 1].trim().is_empty() {
            end -= 1;
        }
        if end > a {
            if let Some(d) = Date::parse(lines[end - 1].trim()) {
                out.report.signed_date = Some(d);
                end -= 1;
                let signer = lines[end - 1].trim();
                if end > a
                    && !signer.is_empty()
                    && signer.chars().count() <= 30
                    && !signer.ends_with('。')
                {
                    if out.report.agency.name.is_empty() {
                        out.report.agency.name = signer.to_owned();
                    }
                    end -= 1;
                }
            }
        }
        out.report.other.text = text_of(&lines, a, end);
    }
    // A report printed in the other year's format (spec §13.6) is read as
    // printed, not converted: converting loses cells (rule Y6 flags it).
    let want = TemplateId::for_year(year);
    if found_year && template_id != want {
        out.note(format!(
            "原文的表格是{}（按其中的栏目名称判断），而 {year} 年度应使用{}；已按原文的格式导入，不作改动；打开后的检查会指出这一点。",
            template_id.title(),
            want.title()
        ));
    }
    if !found_year {
        out.note(format!(
            "原文中没有找到报告年度，暂记为 {FALLBACK_YEAR} 年度，请在“报告信息”中改为实际年度。"
        ));
    }
    if radicals > 0 {
        out.note(format!(
            "原文中有 {radicals} 个部首字符（如“⼈”“⾏”，PDF 的字体常把汉字存成这样，看起来一样），已按对应的汉字（“人”“行”）读取。"
        ));
    }
    out.report.mark_printed_totals();
    Recognised {
        report: out.report,
        cells: out.cells,
        notes: out.notes,
        year_found: found_year,
    }
}
