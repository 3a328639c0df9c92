//! The cells of one table, bound to the markup the core renders: what each
//! cell shows, its error as typed, and its mark; and the table's one editor
//! input, moved into the cell that has focus (the cells themselves are text,
//! so typing repaints one control, not hundreds). Every DOM write here is to
//! one cell and only when what it shows changes.

use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{Element, HtmlElement, HtmlInputElement};
use nianbao_core::cell::parse_cell;
use nianbao_core::edit::journal::Unparsed;
use nianbao_core::render::form::{description_id, CELL_ATTR, EDITOR_SELECTOR, TEXT_SELECTOR};
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
    /// The cell's text as the page shows it when it is not being edited.
    shown: HtmlElement,
    frame: Element,
    /// Not typed into (a computed total, a view-only page).
    read_only: bool,
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
    /// The one input that edits a cell, and the slot it is in.
    editor: HtmlInputElement,
    placed: Option<usize>,
}

impl Grid {
    /// Finds the cells of `table` under `root`.
    pub fn bind(root: &Element, format: TemplateId, table: TableId) -> Grid {
        let template = format.get();
        let mut slots = Vec::new();
        let mut by_cell = vec![None; template.cells.len()];
        let cells = root
            .query_selector_all(TEXT_SELECTOR)
            .expect("a valid selector");
        for i in 0..cells.length() {
            let Some(shown) = cells.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else {
                continue;
            };
            let Some(index) = shown
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
            let Some(frame) = shown.parent_element() else {
                continue;
            };
            let key = def.dom_id();
            by_cell[cell.index()] = Some(slots.len());
            slots.push(Slot {
                cell,
                kind: def.kind,
                // Under this table: the prerendered form may hold the same ids.
                description: root
                    .query_selector(&format!("#{}", description_id(&key)))
                    .ok()
                    .flatten(),
                key,
                text: String::new(),
                shown,
                frame,
                read_only: false,
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
            editor: root
                .query_selector(EDITOR_SELECTOR)
                .ok()
                .flatten()
                .expect("the table's editor input")
                .unchecked_into(),
            placed: None,
        }
    }

    pub fn format(&self) -> TemplateId {
        self.format
    }

    pub fn cell(&self, slot: usize) -> CellId {
        self.slots[slot].cell
    }

    /// The slot the editor input is in, if `input` is it.
    pub fn slot_of(&self, input: &HtmlInputElement) -> Option<usize> {
        self.placed.filter(|_| self.editor == *input)
    }

    /// The slot of a cell's text of this grid.
    pub fn slot_of_text(&self, el: &Element) -> Option<usize> {
        let index: u16 = el.get_attribute(CELL_ATTR)?.parse().ok()?;
        let slot = (*self.by_cell.get(usize::from(index))?)?;
        (*self.slots[slot].shown == *el).then_some(slot)
    }

    /// Puts the editor input into a cell that took focus: it takes the cell's
    /// name, description, state and text, and the cell's text steps aside.
    /// Returns the input, for the caller to focus once the grid is no longer
    /// borrowed (focusing fires events that read the grid).
    pub fn place(&mut self, slot: usize) -> HtmlInputElement {
        self.unplace();
        let s = &self.slots[slot];
        let e = &self.editor;
        for attr in ["aria-label", "aria-describedby", "aria-invalid", CELL_ATTR] {
            if let Some(v) = s.shown.get_attribute(attr) {
                let _ = e.set_attribute(attr, &v);
            }
        }
        let _ = e.set_attribute("title", &s.mark.description);
        e.set_read_only(s.read_only);
        e.set_value(&s.text);
        let _ = s.frame.append_child(e);
        s.shown.set_hidden(true);
        e.set_hidden(false);
        self.placed = Some(slot);
        e.clone()
    }

    /// The editor input left its cell: the cell shows its text again.
    pub fn unplace(&mut self) {
        if let Some(slot) = self.placed.take() {
            self.editor.set_hidden(true);
            self.slots[slot].shown.set_hidden(false);
        }
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
        s.shown.set_text_content(Some(&text));
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
                s.shown.set_text_content(Some(&text));
                if self.placed == Some(i) {
                    self.editor.set_value(&text);
                }
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
        for (i, s) in self.slots.iter_mut().enumerate() {
            let ro = read_only || auto_totals && s.kind == CellKind::Total;
            if s.read_only != ro {
                s.read_only = ro;
                let _ = s
                    .shown
                    .set_attribute("aria-readonly", if ro { "true" } else { "false" });
                if self.placed == Some(i) {
                    self.editor.set_read_only(ro);
                }
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
        let placed = self.placed == Some(slot);
        let editor = &self.editor;
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
            let _ = s.shown.set_attribute("aria-invalid", invalid);
            if placed {
                let _ = editor.set_attribute("aria-invalid", invalid);
            }
        }
        if mark.icon != s.mark.icon {
            let _ = s.frame.set_attribute("data-mark", mark.icon);
        }
        if mark.description != s.mark.description {
            let _ = s.shown.set_attribute("title", &mark.description);
            if placed {
                let _ = editor.set_attribute("title", &mark.description);
            }
            if let Some(d) = &s.description {
                d.set_text_content(Some(&mark.description));
            }
        }
        s.mark = mark;
    }
}
