//! The open report as a document: every change is an [`Edit`] (data, not a
//! closure) applied by [`Document::apply`], which owns the report, the cell
//! text kept as typed, whether totals are computed, and the undo history.
//! The journal writes the typed edits as they happen and replays them the
//! same way (`Edit::journal_entry`, `Edit::from_journal`).

use crate::convert::{convert, Loss};
use crate::edit::history::History;
use crate::edit::journal::{prune, target, type_cell, type_fee, Target, Unparsed};
use crate::limits::{clip_text, MAX_PARTS};
use crate::report::{AgencyKind, Date, Field, Part, Report};
use crate::rules::{explain, Finding};
use crate::template::{CellId, TableId, TemplateId};

/// Undo keeps at most this many steps…
const UNDO_STEPS: usize = 200;
/// …weighing together at most this many bytes (a 4 MB report keeps 8 steps).
const UNDO_BYTES: usize = 32 << 20;

/// What undo restores: the report and the cell text kept as typed (a fill
/// or a paste over a cell holding "12a" takes that text away; undo brings
/// it back).
type Snapshot = (Report, Unparsed);

fn weigh(s: &Snapshot) -> usize {
    s.0.weight() + s.1.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>()
}

/// One change to the open report.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// What a person typed into a cell: its value, or blank with the text kept.
    TypeCell {
        cell: CellId,
        raw: String,
    },
    /// What a person typed into a 信息处理费 figure: the same policy.
    TypeFee {
        field: Field,
        raw: String,
    },
    /// A text field (cut at the limit).
    SetText {
        field: Field,
        text: String,
    },
    /// The report year; crossing 2020/2021 converts the report.
    SetYear(i32),
    SetKind(Option<AgencyKind>),
    SetSignedDate(Option<Date>),
    /// 乡镇/街道's own deadline (month, day), or none.
    SetDeadline(Option<(u8, u8)>),
    AddPart,
    RemovePart(usize),
    SetPartTitle {
        part: usize,
        title: String,
    },
    /// A placed block: every value kept as pasted, totals included (§8.8).
    Paste(Vec<(CellId, Option<i64>)>),
    /// Figures counted elsewhere (the ledger): the cells set, totals computed
    /// as the document computes them.
    Fill(Vec<(CellId, Option<i64>)>),
    /// A roll-up's tables: every cell as summed, totals kept as printed;
    /// refused for another year or format.
    FillTables(Box<Report>),
    /// The whole report (an import, last year's carry-over, a portal's defaults).
    Replace(Box<Report>),
    /// What the page's configuration gives, filling only what is blank.
    Defaults {
        agency: Option<String>,
        kind: Option<AgencyKind>,
        region: Option<String>,
    },
    /// A reason for a warning, checked against the findings of now (the
    /// 501st is refused where it is typed).
    Explain {
        key: String,
        reason: String,
        findings: Vec<Finding>,
        has_previous: bool,
    },
    /// A warning's reason taken back.
    Unexplain(String),
    /// 用计算值替换: these totals (all when empty) computed again.
    ComputeTotals(Vec<CellId>),
    /// Sentences drafted from the tables, chosen by the person (and a
    /// 零申报's zeros): the field's new text and the cells set, one step.
    Draft {
        cells: Vec<CellId>,
        field: Field,
        text: String,
    },
}

/// What an edit may have touched: only table cells, or anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    Cells,
    Any,
}

/// A report converted to the other format by a year change.
#[derive(Clone, Debug, PartialEq)]
pub struct Conversion {
    pub from: TemplateId,
    pub to: TemplateId,
    pub losses: Vec<Loss>,
}

/// What applying an edit did.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    pub changed: bool,
    pub reach: Reach,
    /// The kept cell text changed (cells showing it redraw).
    pub kept_text: bool,
    pub converted: Option<Conversion>,
}

impl Edit {
    /// Edits of one field in quick succession merge into one undo step.
    fn merge_key(&self) -> Option<String> {
        match self {
            Edit::TypeCell { cell, .. } => Some(format!("cell-{}", cell.0)),
            Edit::TypeFee { field, .. } | Edit::SetText { field, .. } => Some(field.key()),
            Edit::SetYear(_) => Some("year".to_owned()),
            Edit::SetPartTitle { part, .. } => Some(format!("part-title-{part}")),
            _ => None,
        }
    }

    fn reach(&self) -> Reach {
        match self {
            Edit::TypeCell { .. } | Edit::Paste(_) => Reach::Cells,
            _ => Reach::Any,
        }
    }

    /// The journal's entry for a typed edit: a key and the raw text.
    pub fn journal_entry(&self, report: &Report) -> Option<(String, String)> {
        match self {
            Edit::TypeCell { cell, raw } => {
                Some((report.template().def(*cell).dom_id(), raw.clone()))
            }
            Edit::TypeFee { field, raw } => Some((field.key(), raw.clone())),
            Edit::SetText { field, text } => Some((field.key(), clip_text(text).0.to_owned())),
            _ => None,
        }
    }

    /// The typed edit a journal entry records, if its key names something
    /// editable in `report`'s format (entries written before a format
    /// change name nothing).
    pub fn from_journal(report: &Report, key: &str, raw: &str) -> Option<Edit> {
        let raw = raw.to_owned();
        match target(report, key)? {
            Target::Cell(cell) if report.template().def(cell).kind.is_editable() => {
                Some(Edit::TypeCell { cell, raw })
            }
            Target::Cell(_) => None,
            Target::Text(field) => Some(Edit::SetText { field, text: raw }),
            Target::Fee(field) => Some(Edit::TypeFee { field, raw }),
        }
    }
}

/// Applies an edit to a report and its kept text, nothing else (no totals
/// computed, no history). Returns whether it changed anything, and the
/// conversion a year change made. Refused: why, in words.
pub fn perform(
    report: &mut Report,
    unparsed: &mut Unparsed,
    edit: Edit,
) -> Result<(bool, Option<Conversion>), String> {
    let r = report;
    let changed = match edit {
        Edit::TypeCell { cell, raw } => {
            let key = r.template().def(cell).dom_id();
            let before = (r.get(cell), r.is_entered(cell), unparsed.get(&key).cloned());
            type_cell(r, unparsed, cell, &raw);
            (r.get(cell), r.is_entered(cell), unparsed.get(&key).cloned()) != before
        }
        Edit::TypeFee { field, raw } => {
            let key = field.key();
            let before = (r.fee(field), unparsed.get(&key).cloned());
            type_fee(r, unparsed, field, &raw);
            (r.fee(field), unparsed.get(&key).cloned()) != before
        }
        Edit::SetText { field, text } => {
            let kept = clip_text(&text).0;
            r.field_text(field) != Some(kept) && r.set_field_text(field, kept.to_owned())
        }
        Edit::SetYear(year) => {
            let (from, to) = (r.template_id(), TemplateId::for_year(year));
            if from == to {
                let changed = r.year != year;
                r.year = year;
                changed
            } else {
                let (mut converted, losses) = convert(r, to);
                converted.year = year;
                *r = converted;
                return Ok((true, Some(Conversion { from, to, losses })));
            }
        }
        Edit::SetKind(kind) => replace(&mut r.agency.kind, kind),
        Edit::SetSignedDate(date) => replace(&mut r.signed_date, date),
        Edit::SetDeadline(deadline) => replace(&mut r.agency.deadline, deadline),
        Edit::AddPart => {
            let room = r.overview.parts.len() < MAX_PARTS;
            if room {
                r.overview.parts.push(Part::default());
            }
            room
        }
        Edit::RemovePart(i) => {
            let there = i < r.overview.parts.len();
            if there {
                r.overview.parts.remove(i);
            }
            there
        }
        Edit::SetPartTitle { part, title } => {
            let title = clip_text(&title).0.to_owned();
            match r.overview.parts.get_mut(part) {
                Some(p) if p.title != title => {
                    p.title = title;
                    true
                }
                _ => false,
            }
        }
        Edit::Paste(plan) => {
            let mut changed = false;
            for (cell, value) in plan {
                changed |= r.get(cell) != value || !r.is_entered(cell);
                r.set(cell, value);
                r.set_entered(cell, true);
            }
            changed
        }
        Edit::Draft { cells, field, text } => {
            let mut changed = false;
            for cell in cells {
                changed |= r.get(cell) != Some(0);
                r.set(cell, Some(0));
            }
            let kept = clip_text(&text).0;
            changed |=
                r.field_text(field) != Some(kept) && r.set_field_text(field, kept.to_owned());
            changed
        }
        Edit::Fill(cells) => {
            let mut changed = false;
            for (cell, value) in cells {
                changed |= r.get(cell) != value;
                r.set(cell, value);
            }
            changed
        }
        Edit::FillTables(sum) => {
            if r.year != sum.year || r.template_id() != sum.template_id() {
                return Err(format!(
                    "当前草稿是 {} 年度（{}），合计是 {} 年度（{}）：年度或格式不同，没有填入。请先打开或新建 {} 年度的草稿。",
                    r.year,
                    r.template_id().short(),
                    sum.year,
                    sum.template_id().short(),
                    sum.year
                ));
            }
            let before = (r.values().to_vec(), r.entered_totals().collect::<Vec<_>>());
            let t = sum.template();
            for table in [
                TableId::Proactive,
                TableId::Requests,
                TableId::ReviewLitigation,
            ] {
                for c in t.table_cells(table) {
                    r.set(c, sum.get(c));
                }
            }
            r.mark_printed_totals();
            (r.values().to_vec(), r.entered_totals().collect::<Vec<_>>()) != before
        }
        Edit::Replace(next) => replace(r, *next),
        Edit::Defaults {
            agency,
            kind,
            region,
        } => {
            let a = &mut r.agency;
            let name = agency.filter(|_| a.name.trim().is_empty());
            let region = region.filter(|_| a.region.trim().is_empty());
            let kind = kind.filter(|_| a.kind.is_none());
            let changed = name.is_some() || region.is_some() || kind.is_some();
            a.name = name.unwrap_or(std::mem::take(&mut a.name));
            a.region = region.unwrap_or(std::mem::take(&mut a.region));
            a.kind = kind.or(a.kind);
            changed
        }
        Edit::Explain {
            key,
            reason,
            findings,
            has_previous,
        } => {
            let before = r.explanations.clone();
            explain(r, &key, &reason, &findings, has_previous)?;
            r.explanations != before
        }
        Edit::Unexplain(key) => r.explanations.remove(&key).is_some(),
        Edit::ComputeTotals(cells) => {
            let before = (r.values().to_vec(), r.entered_totals().collect::<Vec<_>>());
            r.replace_with_computed(&cells);
            (r.values().to_vec(), r.entered_totals().collect::<Vec<_>>()) != before
        }
    };
    Ok((changed, None))
}

fn replace<T: PartialEq>(slot: &mut T, value: T) -> bool {
    let changed = *slot != value;
    *slot = value;
    changed
}

/// Replays journal entries over a report as the edits they record. Returns
/// how many applied; entries naming nothing in this format (written before a
/// format change, say) are skipped.
pub fn replay<'a>(
    report: &mut Report,
    unparsed: &mut Unparsed,
    entries: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> usize {
    let mut applied = 0;
    for (key, raw) in entries {
        let Some(edit) = Edit::from_journal(report, key, raw) else {
            continue;
        };
        // A text of a part that is no longer there names nothing.
        if let Edit::SetText { field, .. } = &edit {
            if report.field_text(*field).is_none() {
                continue;
            }
        }
        if perform(report, unparsed, edit).is_ok() {
            applied += 1;
        }
    }
    applied
}

/// The open report with its kept text, totals policy and undo history.
#[derive(Clone, Debug)]
pub struct Document {
    report: Report,
    unparsed: Unparsed,
    history: History<Snapshot>,
    /// Totals are computed (default) or typed and checked.
    auto_totals: bool,
}

impl Document {
    pub fn new(report: Report) -> Self {
        Self::with_unparsed(report, Unparsed::new())
    }

    /// A report opened with the cell text kept as typed: no undo back.
    pub fn with_unparsed(report: Report, mut unparsed: Unparsed) -> Self {
        prune(&report, &mut unparsed);
        Document {
            report,
            unparsed,
            history: History::with_budget(UNDO_STEPS, UNDO_BYTES, weigh),
            auto_totals: true,
        }
    }

    pub fn report(&self) -> &Report {
        &self.report
    }

    pub fn unparsed(&self) -> &Unparsed {
        &self.unparsed
    }

    pub fn auto_totals(&self) -> bool {
        self.auto_totals
    }

    /// Totals typed and checked (false) or computed (true). Turning it on
    /// does not change the report: `ComputeTotals` does, as its own step.
    pub fn set_auto_totals(&mut self, auto: bool) {
        self.auto_totals = auto;
    }

    /// How many totals `ComputeTotals(all)` would change now.
    pub fn totals_to_compute(&self) -> usize {
        let mut all = self.report.clone();
        all.replace_with_computed(&[]);
        self.report
            .values()
            .iter()
            .zip(all.values())
            .filter(|(a, b)| a != b)
            .count()
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Applies `edit` as one undoable step (merged into the last one when it
    /// edits the same field within a second, at `now_ms`): computed totals
    /// follow when they are on, kept text of cells that now hold a value is
    /// dropped. A refused edit changes nothing.
    pub fn apply(&mut self, edit: Edit, now_ms: f64) -> Result<Applied, String> {
        let key = edit.merge_key();
        let reach = edit.reach();
        let merges = self.history.merges(key.as_deref(), now_ms);
        // The one copy an edit costs, and none for a keystroke that merges.
        let before = (!merges).then(|| (self.report.clone(), self.unparsed.clone()));
        // Kept text is a few entries at most: compared by copy.
        let kept_before = self.unparsed.clone();
        let (changed, converted) = match perform(&mut self.report, &mut self.unparsed, edit) {
            Ok(done) => done,
            Err(why) => {
                if let Some((r, u)) = before {
                    (self.report, self.unparsed) = (r, u);
                }
                return Err(why);
            }
        };
        if !changed {
            return Ok(Applied {
                changed,
                reach,
                kept_text: false,
                converted,
            });
        }
        if self.auto_totals {
            self.report.fill_totals();
        }
        prune(&self.report, &mut self.unparsed);
        self.history.record_step(before, key.as_deref(), now_ms);
        Ok(Applied {
            changed,
            reach,
            kept_text: self.unparsed != kept_before,
            converted,
        })
    }

    /// Replays journal entries typed over this document (see [`replay`]),
    /// totals computed as typing computed them. Not an undo step: it is how
    /// the document was when the browser closed.
    pub fn replay<'a>(&mut self, entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> usize {
        let n = replay(&mut self.report, &mut self.unparsed, entries);
        if n > 0 && self.auto_totals {
            self.report.fill_totals();
        }
        prune(&self.report, &mut self.unparsed);
        n
    }

    /// Goes back one step; false when there is none.
    pub fn undo(&mut self) -> bool {
        self.step(History::undo)
    }

    /// Goes forward one undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        self.step(History::redo)
    }

    /// Moves through the history one way: the document becomes the state it
    /// gives back (undo and redo differ only in the way).
    fn step(&mut self, way: fn(&mut History<Snapshot>, &Snapshot) -> Option<Snapshot>) -> bool {
        let current = (self.report.clone(), self.unparsed.clone());
        match way(&mut self.history, &current) {
            Some((r, u)) => {
                (self.report, self.unparsed) = (r, u);
                true
            }
            None => false,
        }
    }
}
