//! Pasting into the tables: plain text from a spreadsheet (a column of
//! several values asks which way it runs), a table copied with its
//! structure, each planned by the core and written as one undoable step.

use nianbao_core::edit::parse_block;
use nianbao_core::edit::structured::{block_of, is_ambiguous, plan_block, readings, Block, Placed};
use nianbao_core::template::CellId;

use leptos::prelude::*;

use nianbao_core::edit::document::Edit;

use super::{Editor, Notice};

impl Editor {
    /// Pastes plain text copied from a spreadsheet at `start`: all or
    /// nothing. One column of several values (a web row copied as lines, or a
    /// column) is not guessed: both readings are offered first.
    pub fn paste(&self, start: CellId, text: &str) {
        let block = block_of(parse_block(text));
        let template = self.template.get_untracked().get();
        if is_ambiguous(&block) {
            let (down, across) = readings(template, start, &block);
            if down.is_some() || across.is_some() {
                self.notice.set(Some(Notice::PasteAsk {
                    values: block.len(),
                    down,
                    across,
                }));
                return;
            }
        }
        self.paste_block(start, &block);
    }

    /// Pastes a table copied with its structure (rows, cells, labels).
    pub fn paste_block(&self, start: CellId, block: &Block) {
        let template = self.template.get_untracked().get();
        match plan_block(template, start, block) {
            Ok(placed) => self.apply_paste(placed),
            Err(errors) => self.notice.set(Some(Notice::PasteRefused(errors))),
        }
    }

    /// Writes a planned paste as one undoable step and says exactly what changed.
    pub fn apply_paste(&self, placed: Placed) {
        if placed.plan.is_empty() {
            // Labels or blanks only: nothing to place, and not "the same".
            self.notice.set(Some(Notice::Info(
                "复制的内容里没有可以填入的数字（只有文字或空白），表格没有改动。请连同数字一起复制。"
                    .to_owned(),
            )));
            return;
        }
        if self.read_only.get_untracked() {
            self.notice
                .set(Some(Notice::Problem("本页为只读，没有粘贴。".to_owned())));
            return;
        }
        let template = self.template.get_untracked().get();
        let changed: Vec<CellId> = self.with_report_untracked(|r| {
            placed
                .plan
                .iter()
                .filter(|(c, v)| r.get(*c) != *v)
                .map(|(c, _)| *c)
                .collect()
        });
        let pasted: Vec<CellId> = placed.plan.iter().map(|(c, _)| *c).collect();
        // A pasted total is data: kept as pasted (spec §8.8).
        self.edit(Edit::Paste(placed.plan));
        self.seen.update(|s| s.cells.extend(pasted));
        let name = |c: Option<&CellId>| c.map(|c| template.def(*c).name()).unwrap_or_default();
        self.notice.set(Some(Notice::Pasted {
            cells: changed.len(),
            first: name(changed.first()),
            last: name(changed.last()),
            converted: placed.converted,
            by_label: placed.by_label,
        }));
    }
}
