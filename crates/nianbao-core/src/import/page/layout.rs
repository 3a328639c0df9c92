//! Laying a page's tokens out as lines: open elements on an explicit stack
//! (so any nesting costs the same), tables as rows of cells, a cell holding a
//! table turned into a layout cell, hidden text set aside and sampled.

use std::collections::HashMap;

use super::css::HiddenRules;
use super::tags::{BLOCKS, HEAD_CONTENT, SELF_CLOSING_SIBLINGS, SKIPPED, VOID};
use super::{too_deep, Attrs, PageText, Tables, MAX_DEPTH};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Skip,
    Block,
    Table,
    Row,
    Cell,
    Other,
}

struct Open {
    name: String,
    kind: Kind,
    /// This element hides what it holds.
    hides: bool,
}

struct Cell {
    at: usize,
    /// The cell's text, a piece per block within it.
    pieces: Vec<String>,
    /// A table was found inside: its content goes out as lines.
    layout: bool,
}

struct Table {
    at: usize,
    /// Where its rows go in `Reader::tables`.
    index: usize,
    row_at: Option<usize>,
    cells: Vec<String>,
    cell: Option<Cell>,
}

/// The layout state: open elements, open tables, the lines so far.
pub(super) struct Reader<'a> {
    hidden_rules: &'a HiddenRules,
    stack: Vec<Open>,
    /// Where each open element name sits in `stack`.
    open: HashMap<String, Vec<usize>>,
    tables: Vec<Table>,
    skipping: usize,
    hiding: usize,
    /// The text of the hidden element being read, to sample it.
    hidden_text: String,
    line: String,
    lines: Vec<String>,
    /// Every table's rows of cells, in the order the tables open.
    table_rows: Tables,
    out: PageText,
}

/// Whitespace as a browser lays it out: runs of it are one space.
fn push_collapsed(buf: &mut String, text: &str) {
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            if !buf.ends_with(' ') && !buf.is_empty() {
                buf.push(' ');
            }
        } else {
            buf.push(c);
        }
    }
}

impl<'a> Reader<'a> {
    pub(super) fn new(hidden_rules: &'a HiddenRules) -> Self {
        Reader {
            hidden_rules,
            stack: Vec::new(),
            open: HashMap::new(),
            tables: Vec::new(),
            skipping: 0,
            hiding: 0,
            hidden_text: String::new(),
            line: String::new(),
            lines: Vec::new(),
            table_rows: Vec::new(),
            out: PageText::default(),
        }
    }

    /// The cell text goes to, when text goes to a cell at all.
    fn cell_mut(&mut self) -> Option<&mut Cell> {
        let t = self.tables.last_mut()?;
        let c = t.cell.as_mut()?;
        (!c.layout).then_some(c)
    }

    fn flush_line(&mut self) {
        let t = self.line.trim();
        if !t.is_empty() {
            self.lines.push(t.to_owned());
        }
        self.line.clear();
    }

    /// A block starts or ends: a new line, or a new piece inside a cell.
    fn boundary(&mut self) {
        if let Some(c) = self.cell_mut() {
            if c.pieces.last().is_none_or(|p| !p.trim().is_empty()) {
                c.pieces.push(String::new());
            }
        } else {
            self.flush_line();
        }
    }

    pub(super) fn text(&mut self, text: &str) {
        if self.skipping > 0 {
            return;
        }
        if self.hiding > 0 {
            push_collapsed(&mut self.hidden_text, text);
            return;
        }
        match self.cell_mut() {
            Some(c) => {
                if c.pieces.is_empty() {
                    c.pieces.push(String::new());
                }
                if let Some(p) = c.pieces.last_mut() {
                    push_collapsed(p, text);
                }
            }
            None => push_collapsed(&mut self.line, text),
        }
    }

    /// Where an element of `name` opened after `floor` sits, if one did.
    fn open_above(&self, name: &str, floor: usize) -> Option<usize> {
        self.open
            .get(name)
            .and_then(|v| v.last())
            .copied()
            .filter(|&i| i >= floor)
    }

    /// The innermost table or cell: end tags and implied ends stop there.
    fn scope_floor(&self) -> usize {
        match self.tables.last() {
            Some(t) => t.cell.as_ref().map_or(t.at + 1, |c| c.at + 1),
            None => 0,
        }
    }

    pub(super) fn start(&mut self, name: &str, attrs: &Attrs) -> Result<(), String> {
        let name_is = |list: &[&str]| list.contains(&name);
        // Content that cannot be in the head ends it (a page that never
        // closes its head still shows its body).
        if !name_is(HEAD_CONTENT) {
            if let Some(i) = self.open_above("head", 0) {
                self.pop_to(i);
            }
        }
        // Implied ends: a block closes an open paragraph; an item its sibling.
        if name_is(BLOCKS) || matches!(name, "table" | "tr" | "td" | "th") {
            let floor = self.scope_floor();
            for sibling in SELF_CLOSING_SIBLINGS {
                let closes = *sibling == "p" || *sibling == name;
                if closes {
                    if let Some(i) = self.open_above(sibling, floor) {
                        self.pop_to(i);
                    }
                }
            }
        }
        if name == "br" {
            self.boundary();
            return Ok(());
        }
        if name_is(VOID) {
            if name == "hr" {
                self.boundary();
            }
            return Ok(());
        }
        let kind = if name_is(SKIPPED) {
            Kind::Skip
        } else if name == "table" {
            Kind::Table
        } else if name == "tr" {
            Kind::Row
        } else if matches!(name, "td" | "th") {
            Kind::Cell
        } else if name_is(BLOCKS) {
            Kind::Block
        } else {
            Kind::Other
        };
        match kind {
            Kind::Table => self.open_table(),
            Kind::Row => self.close_row_in_table(),
            Kind::Cell => self.close_cell_in_table(),
            Kind::Block => self.boundary(),
            _ => {}
        }
        if self.stack.len() >= MAX_DEPTH {
            return Err(too_deep());
        }
        let hides = self.hiding == 0 && self.hidden_rules.hides(name, attrs);
        let at = self.stack.len();
        self.stack.push(Open {
            name: name.to_owned(),
            kind,
            hides,
        });
        self.open.entry(name.to_owned()).or_default().push(at);
        if hides {
            self.hiding += 1;
        }
        match kind {
            Kind::Skip => self.skipping += 1,
            Kind::Table => {
                self.table_rows.push(Vec::new());
                self.tables.push(Table {
                    at,
                    index: self.table_rows.len() - 1,
                    row_at: None,
                    cells: Vec::new(),
                    cell: None,
                });
            }
            Kind::Row => {
                if let Some(t) = self.tables.last_mut() {
                    t.row_at = Some(at);
                }
            }
            Kind::Cell => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell = Some(Cell {
                        at,
                        pieces: Vec::new(),
                        layout: false,
                    });
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// A table opens: inside a cell, the cell becomes a layout cell — the
    /// row so far is a line, the cell's blocks so far lines of their own.
    fn open_table(&mut self) {
        let mut out = Vec::new();
        if let Some(t) = self.tables.last_mut() {
            if let Some(c) = t.cell.as_mut().filter(|c| !c.layout) {
                c.layout = true;
                let cells = std::mem::take(&mut t.cells);
                if cells.iter().any(|c| !c.is_empty()) {
                    out.push(row_text(&cells));
                }
                out.extend(
                    c.pieces
                        .drain(..)
                        .map(|p| p.trim().to_owned())
                        .filter(|p| !p.is_empty()),
                );
            }
        }
        self.flush_line();
        self.lines.extend(out);
    }

    /// A row starts in the innermost table: the open cell and row end.
    fn close_row_in_table(&mut self) {
        let Some(t) = self.tables.last() else { return };
        // The row holds the cell: popping to it ends both.
        let to = t.row_at.or(t.cell.as_ref().map(|c| c.at));
        match to {
            Some(i) => self.pop_to(i),
            None => self.finish_row(),
        }
        // A row implied by cells without a <tr> ends here too.
        self.finish_row();
    }

    /// A cell starts in the innermost table: the open cell ends.
    fn close_cell_in_table(&mut self) {
        if let Some(i) = self
            .tables
            .last()
            .and_then(|t| t.cell.as_ref())
            .map(|c| c.at)
        {
            self.pop_to(i);
        }
    }

    fn finish_row(&mut self) {
        if let Some(t) = self.tables.last_mut() {
            if !t.cells.is_empty() {
                let cells = std::mem::take(&mut t.cells);
                let line = row_text(&cells);
                self.table_rows[t.index].push(cells);
                self.flush_line();
                self.lines.push(line);
            }
        }
    }

    /// Pops open elements down to (and including) the one at `at`.
    fn pop_to(&mut self, at: usize) {
        while self.stack.len() > at {
            self.pop();
        }
    }

    fn pop(&mut self) {
        let Some(el) = self.stack.pop() else { return };
        let at = self.stack.len();
        if let Some(v) = self.open.get_mut(&el.name) {
            v.pop();
        }
        if el.hides {
            self.hiding -= 1;
            let t = std::mem::take(&mut self.hidden_text);
            let t = t.trim();
            if !t.is_empty() {
                self.out.hidden += 1;
                if self.out.hidden_samples.len() < 3 {
                    let short: String = t.chars().take(20).collect();
                    let more = if t.chars().count() > 20 { "…" } else { "" };
                    self.out.hidden_samples.push(format!("{short}{more}"));
                }
            }
        }
        match el.kind {
            Kind::Skip => self.skipping -= 1,
            Kind::Block => self.boundary(),
            Kind::Cell => {
                if let Some(t) = self.tables.last_mut() {
                    if let Some(c) = t.cell.take().filter(|c| c.at == at) {
                        if c.layout {
                            self.flush_line();
                        } else {
                            let pieces: Vec<&str> = c
                                .pieces
                                .iter()
                                .map(|p| p.trim())
                                .filter(|p| !p.is_empty())
                                .collect();
                            t.cells.push(pieces.join(" "));
                        }
                    }
                }
            }
            Kind::Row => {
                if self.tables.last().is_some_and(|t| t.row_at == Some(at)) {
                    self.finish_row();
                    if let Some(t) = self.tables.last_mut() {
                        t.row_at = None;
                    }
                }
            }
            Kind::Table => {
                if self.tables.last().is_some_and(|t| t.at == at) {
                    self.finish_row();
                    self.tables.pop();
                    self.flush_line();
                }
            }
            Kind::Other => {}
        }
    }

    pub(super) fn end(&mut self, name: &str) {
        let floor = match name {
            "table" => self.tables.last().map_or(0, |t| t.at),
            "tr" | "td" | "th" | "tbody" | "thead" | "tfoot" => {
                self.tables.last().map_or(0, |t| t.at + 1)
            }
            _ => self.scope_floor(),
        };
        if name == "br" {
            self.boundary();
            return;
        }
        if let Some(i) = self.open_above(name, floor) {
            self.pop_to(i);
        }
    }

    pub(super) fn finish(mut self) -> (PageText, Tables) {
        self.pop_to(0);
        self.flush_line();
        self.out.text = self.lines.join("\n");
        (self.out, self.table_rows)
    }
}

fn row_text(cells: &[String]) -> String {
    format!("| {} |", cells.join(" | "))
}
