//! Reading a published report — its text as a page, a PDF viewer or a Word
//! file gives it (spec §13) — into a report, with where every cell came from
//! and how sure the placing is. Nothing is placed by position where the
//! source lost positions: such cells are "not found", and what could not be
//! placed is said in `notes`.

mod cross;
mod fold;
mod proactive;
mod tokens;

use crate::edit::structured::parse_value;
use crate::report::{Date, Report};
use crate::template::{CellId, TableId, Template, TemplateId};
use fold::fold;
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

/// The six section headings: the numeral and the words that tell them apart.
const HEADINGS: [(&str, &str); 6] = [
    ("一.", "总体情况"),
    ("二.", "主动公开"),
    ("三.", "收到和处理"),
    ("四.", "行政复议"),
    ("五.", "存在的主要问题"),
    ("六.", "其他需要报告"),
];

fn heading(folded: &str) -> Option<usize> {
    HEADINGS.iter().position(|(n, words)| {
        folded.starts_with(n) && folded.contains(words) && folded.chars().count() <= 30
    })
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

/// Recognises a published report's text.
pub fn recognise(text: &str) -> Recognised {
    let lines: Vec<&str> = text.lines().collect();
    let folded: Vec<String> = lines.iter().map(|l| fold(l)).collect();
    let find =
        |from: usize, pred: &dyn Fn(&str) -> bool| (from..lines.len()).find(|&i| pred(&folded[i]));
    let mut heads = [None; 6];
    let mut from = 0;
    for (k, slot) in heads.iter_mut().enumerate() {
        if let Some(i) = find(from, &|l| heading(l) == Some(k)) {
            *slot = Some(i);
            from = i + 1;
        }
    }
    let t2 = find(0, &|l| l.contains("第二十条第")).or(heads[1]);
    let t3 = find(t2.unwrap_or(0), &|l| {
        l.contains("勾稽关系") || l.contains("申请人情况") || l.contains("本年新收政府信息公开申请")
    })
    .or(heads[2]);
    let t4 = heads[3].or_else(|| find(t3.unwrap_or(0), &|l| l.contains("行政复议")));
    let end5 = heads[4].unwrap_or(lines.len());

    // Year and agency from the title, else from the statistics period.
    let title = folded.iter().take(8).position(|l| l.contains("年度报告"));
    let year = title
        .and_then(|i| year_in(&folded[i]))
        .or_else(|| {
            folded
                .iter()
                .find_map(|l| l.contains("统计期限").then(|| year_in(l)).flatten())
        })
        .or_else(|| folded.iter().find_map(|l| year_in(l)))
        .unwrap_or(2024);
    let region = |a: Option<usize>, b: Option<usize>| -> String {
        a.map(|a| folded[a..b.unwrap_or(lines.len()).max(a)].concat())
            .unwrap_or_default()
    };
    let t2_text = region(t2, t3);
    let t3_text = region(t3, t4);
    let template_id = if t2_text.contains("本年新制作数量") || t2_text.contains("对外公开总数量")
    {
        TemplateId::F2019
    } else if t2_text.contains("本年制发件数")
        || t2_text.contains("现行有效件数")
        || t3_text.contains("不予处理5")
        || t3_text.contains("逾期未按收费通知")
    {
        TemplateId::F2021
    } else {
        TemplateId::for_year(year)
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
    out.report.mark_printed_totals();
    Recognised {
        report: out.report,
        cells: out.cells,
        notes: out.notes,
    }
}
