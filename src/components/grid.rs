//! The number boxes of one table, bound to the markup the core renders: what
//! each box shows, its error as typed, and its mark. Every DOM write here is
//! to one box and only when what it shows changes.

use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{Element, HtmlInputElement};
use nianbao_core::cell::parse_cell;
use nianbao_core::edit::journal::Unparsed;
use nianbao_core::render::form::{description_id, CELL_ATTR};
use nianbao_core::rules::{Finding, RuleId, Severity};
use nianbao_core::template::{CellId, TableId, TemplateId};
use nianbao_core::{CellKind, Report};

use super::number::{error_of, shown_text};

/// How a box is marked: its class (one, so a change restyles only the box),
/// the words after its icon, and the words it is described by.
#[derive(Clone, Debug, PartialEq)]
struct Mark {
    class: &'static str,
    icon: &'static str,
    description: String,
}

/// How the markup marks a box at first: not at all.
const UNMARKED: Mark = Mark {
    class: "box",
    icon: "",
    description: String::new(),
};

struct Slot {
    cell: CellId,
    kind: CellKind,
    key: String,
    input: HtmlInputElement,
    frame: Element,
    description: Option<Element>,
    /// What the box shows (as last typed or written).
    text: String,
    /// The model as last compared: value and kept text.
    synced: Option<(Option<i64>, Option<String>)>,
    /// Why the text does not parse, if it does not.
    error: Option<String>,
    /// The findings at this cell, in words (severity, only "blank", words).
    findings: Vec<(Severity, bool, String)>,
    mark: Mark,
}

/// One table's boxes.
pub struct Grid {
    format: TemplateId,
    slots: Vec<Slot>,
    /// Slot of each cell of the format (by cell index).
    by_cell: Vec<Option<usize>>,
    /// The box an input method is composing in.
    composing: Option<usize>,
}

impl Grid {
    /// Finds the boxes of `table` under `root`.
    pub fn bind(root: &Element, format: TemplateId, table: TableId) -> Grid {
        let template = format.get();
        let mut slots = Vec::new();
        let mut by_cell = vec![None; template.cells.len()];
        let document = leptos::prelude::document();
        let inputs = root
            .query_selector_all(".cell-input")
            .expect("a valid selector");
        for i in 0..inputs.length() {
            let Some(input) = inputs
                .item(i)
                .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
            else {
                continue;
            };
            let Some(index) = input
                .get_attribute(CELL_ATTR)
                .and_then(|a| a.parse::<u16>().ok())
                .filter(|i| usize::from(*i) < by_cell.len())
            else {
                continue;
            };
            let cell = CellId(index);
            let def = template.def(cell);
            if def.table != table {
                continue;
            }
            let Some(frame) = input.parent_element() else {
                continue;
            };
            let key = def.dom_id();
            by_cell[cell.index()] = Some(slots.len());
            slots.push(Slot {
                cell,
                kind: def.kind,
                description: document.get_element_by_id(&description_id(&key)),
                key,
                text: input.value(),
                input,
                frame,
                synced: None,
                error: None,
                findings: Vec::new(),
                mark: UNMARKED,
            });
        }
        Grid {
            format,
            slots,
            by_cell,
            composing: None,
        }
    }

    pub fn format(&self) -> TemplateId {
        self.format
    }

    pub fn cell(&self, slot: usize) -> CellId {
        self.slots[slot].cell
    }

    /// The slot of a box of this grid.
    pub fn slot_of(&self, input: &HtmlInputElement) -> Option<usize> {
        let index: u16 = input.get_attribute(CELL_ATTR)?.parse().ok()?;
        let slot = (*self.by_cell.get(usize::from(index))?)?;
        (self.slots[slot].input == *input).then_some(slot)
    }

    pub fn composing(&mut self, slot: Option<usize>) {
        self.composing = slot;
    }

    /// Text typed into a box: its error shows at once; returns what to
    /// commit (nothing while an input method composes).
    pub fn typed(
        &mut self,
        slot: usize,
        text: String,
        composing: bool,
    ) -> Option<(CellId, String)> {
        let s = &mut self.slots[slot];
        s.error = error_of(&text, s.kind);
        s.text = text.clone();
        let cell = s.cell;
        self.refresh_mark(slot);
        (!composing && self.composing != Some(slot)).then_some((cell, text))
    }

    /// Writes the model into the boxes whose cell changed since last time
    /// and do not already show it (never into a box being composed in).
    pub fn sync_values(&mut self, report: &Report, unparsed: &Unparsed) {
        for i in 0..self.slots.len() {
            let s = &mut self.slots[i];
            let model = (report.get(s.cell), unparsed.get(&s.key).cloned());
            if s.synced.as_ref() == Some(&model) || self.composing == Some(i) {
                continue;
            }
            let agrees = match &model.1 {
                Some(kept) => s.text == *kept,
                None => parse_cell(&s.text, s.kind).is_ok_and(|typed| typed == model.0),
            };
            if !agrees {
                let text = model
                    .1
                    .clone()
                    .unwrap_or_else(|| shown_text(model.0, s.kind));
                s.input.set_value(&text);
                s.error = error_of(&text, s.kind);
                s.text = text;
            }
            s.synced = Some(model);
            if !agrees {
                self.refresh_mark(i);
            }
        }
    }

    /// Totals are read-only while computed; everything in a view-only page.
    pub fn set_read_only(&mut self, auto_totals: bool, read_only: bool) {
        for s in &self.slots {
            let ro = read_only || auto_totals && s.kind == CellKind::Total;
            if s.input.read_only() != ro {
                s.input.set_read_only(ro);
            }
        }
    }

    /// The shown findings, fanned out to the boxes they name.
    pub fn sync_marks(&mut self, shown: &[Finding]) {
        let mut per_slot: Vec<Vec<(Severity, bool, String)>> = vec![Vec::new(); self.slots.len()];
        for f in shown {
            for c in &f.cells {
                if let Some(Some(slot)) = self.by_cell.get(c.index()) {
                    per_slot[*slot].push((f.severity, f.rule == RuleId::G3, f.cell_words()));
                }
            }
        }
        for (i, findings) in per_slot.into_iter().enumerate() {
            if self.slots[i].findings != findings {
                self.slots[i].findings = findings;
                self.refresh_mark(i);
            }
        }
    }

    /// Puts a box's mark on the page if it changed.
    fn refresh_mark(&mut self, slot: usize) {
        let s = &mut self.slots[slot];
        let worst = if s.error.is_some() {
            Some(Severity::Error)
        } else {
            s.findings.iter().map(|(sev, _, _)| *sev).min()
        };
        let blank_only =
            s.error.is_none() && !s.findings.is_empty() && s.findings.iter().all(|(_, g3, _)| *g3);
        let (class, icon) = match worst {
            None => ("box", ""),
            Some(_) if s.error.is_some() => ("box-error", "✖ 无法识别"),
            Some(_) if blank_only => ("box-blank", "⚠ 空"),
            Some(Severity::Error) => ("box-error", "✖ 不符"),
            Some(Severity::Warning) => ("box-warning", "⚠ 提示"),
        };
        let mut lines: Vec<&str> = s.error.iter().map(String::as_str).collect();
        lines.extend(s.findings.iter().map(|(_, _, w)| w.as_str()));
        let mark = Mark {
            class,
            icon,
            description: lines.join(" "),
        };
        if mark == s.mark {
            return;
        }
        if mark.class != s.mark.class {
            // One class on the box: the change restyles the box alone.
            s.frame.set_class_name(mark.class);
            let invalid = if worst == Some(Severity::Error) {
                "true"
            } else {
                "false"
            };
            let _ = s.input.set_attribute("aria-invalid", invalid);
        }
        if mark.icon != s.mark.icon {
            let _ = s.frame.set_attribute("data-mark", mark.icon);
        }
        if mark.description != s.mark.description {
            let _ = s.input.set_attribute("title", &mark.description);
            if let Some(d) = &s.description {
                d.set_text_content(Some(&mark.description));
            }
        }
        s.mark = mark;
    }
}
