//! What the labels around each run of numbers say about its row: its own
//! label (an anchor: on its line, or right before or after it on a line of
//! its own when its neighbours' labels sit the same way), the labels near it,
//! and the best order-keeping match of runs to rows they support. A label on
//! a line of numbers marked unreadable is theirs and names no other run.

use super::cross::{named, Expected};
use super::tokens::{Run, Tok, Token};

/// What the labels say about a run: the row its own label (printed right
/// before it) names in full — an anchor — and the rows any label between
/// its neighbours names (a PDF may print a label after its numbers).
#[derive(Clone, Debug, Default)]
pub(super) struct Named {
    pub(super) anchor: Option<usize>,
    /// The anchoring label is on the run's own line.
    pub(super) same_line: bool,
    pub(super) near: Vec<usize>,
}

impl Named {
    pub(super) fn weight(&self, j: usize) -> i32 {
        if self.anchor == Some(j) && self.same_line {
            10
        } else if self.anchor == Some(j) {
            8
        } else if self.near.contains(&j) {
            2
        } else {
            0
        }
    }
}

/// Where a table prints a row's label: before its numbers (a page, most
/// PDFs) or after them (a PDF whose labels sit lower than their numbers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Side {
    Before,
    After,
}

/// `runs` are the table's runs in order, `holes` those that did not fit
/// (each one row's line): a hole is named by no label, but its label (or
/// its lack of one) vouches for its neighbour's as any run's does.
pub(super) fn evidence(
    tokens: &[Token],
    runs: &[&Run],
    holes: &[bool],
    rows: &[Expected],
    side: Side,
) -> Vec<Named> {
    // The label right before a run (its lead) or right after it (the label
    // tokens up to the next run's start), the row it names, and whether it
    // is on the run's own line.
    // A label on a line with numbers marked unreadable is their row's.
    let unread: Vec<usize> = tokens
        .iter()
        .filter(|t| t.tok == Tok::Unread)
        .map(|t| t.line)
        .collect();
    let name = |token: &Token| match &token.tok {
        Tok::Label(text) if !unread.contains(&token.line) => {
            named(text, rows).filter(|&(_, c)| c >= 0.9)
        }
        _ => None,
    };
    let last_line = |r: &Run| {
        tokens
            .get(r.end.saturating_sub(1))
            .map_or(r.line, |t| t.line)
    };
    // Text on one line with a run's numbers is in that row's band, whichever
    // side it stands: a label before a run on its own line names it in both
    // readings, and is no label after the run before it (nor one after a
    // run's numbers on their line a label before the next run's).
    let own_line = |i: usize| {
        let r = runs[i];
        r.start
            .checked_sub(1)
            .map(|p| &tokens[p])
            .filter(|t| t.line == r.line)
            .and_then(name)
            .map(|(row, _)| (row, true))
    };
    // Label text on a run's line before (after) its numbers: that row's
    // label is printed with its numbers, so labels on lines of their own
    // between it and its neighbour may be the start (end) of it, wrapped.
    let lead_on_line = |r: &Run| {
        r.start
            .checked_sub(1)
            .is_some_and(|p| tokens[p].line == r.line && matches!(tokens[p].tok, Tok::Label(_)))
    };
    let trail_on_line = |r: &Run| {
        tokens
            .get(r.end)
            .is_some_and(|t| t.line == last_line(r) && matches!(t.tok, Tok::Label(_)))
    };
    let label_of = |i: usize| -> Option<(usize, bool)> {
        let token = match side {
            Side::Before => runs[i]
                .start
                .checked_sub(1)
                .map(|p| &tokens[p])
                .filter(|t| {
                    t.line == runs[i].line
                        || i == 0
                        || (t.line != last_line(runs[i - 1]) && !trail_on_line(runs[i - 1]))
                }),
            Side::After => {
                if let Some(own) = own_line(i) {
                    return Some(own);
                }
                if runs.get(i + 1).is_some_and(|n| lead_on_line(n)) {
                    return None;
                }
                let to = runs.get(i + 1).map_or(tokens.len(), |r| r.start);
                tokens[runs[i].end..to.max(runs[i].end)]
                    .iter()
                    .take_while(|t| t.tok != Tok::Unread)
                    .find(|t| matches!(t.tok, Tok::Label(_)))
            }
        }?;
        name(token).map(|(r, _)| (r, token.line == runs[i].line))
    };
    (0..runs.len())
        .map(|i| {
            if holes[i] {
                return Named::default();
            }
            // Labels between the runs of numbers around it.
            let from = (0..i).rev().find(|&k| !holes[k]).map_or(0, |k| runs[k].end);
            let to = (i + 1..runs.len())
                .find(|&k| !holes[k])
                .map_or(tokens.len(), |k| runs[k].start);
            let own = label_of(i);
            // A label on the run's own line is its row's. One on a line of
            // its own is taken only when the neighbour's is too (after
            // numbers printed without their label, the label that follows
            // may be theirs).
            let anchor = own.filter(|&(_, same)| {
                same || match side {
                    Side::Before => i == 0 || label_of(i - 1).is_some(),
                    Side::After => i + 1 == runs.len() || label_of(i + 1).is_some(),
                }
            });
            Named {
                anchor: anchor.map(|(r, _)| r),
                same_line: anchor.is_some_and(|(_, same)| same),
                near: tokens[from..to.max(from)]
                    .iter()
                    .filter_map(|t| match &t.tok {
                        Tok::Label(l) if !unread.contains(&t.line) => {
                            named(l, rows).map(|(r, _)| r)
                        }
                        _ => None,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The best order-keeping match of runs to rows: (run, row) pairs and score.
pub(super) fn align(n: usize, m: usize, support: &[Named]) -> (Vec<(usize, usize)>, i32) {
    let w = |i: usize, j: usize| 1 + support[i].weight(j);
    let mut f = vec![vec![0i32; m + 1]; n + 1];
    for i in 1..=n {
        for j in 1..=m {
            f[i][j] = f[i - 1][j]
                .max(f[i][j - 1])
                .max(f[i - 1][j - 1] + w(i - 1, j - 1));
        }
    }
    let (mut i, mut j, mut pairs) = (n, m, Vec::new());
    while i > 0 && j > 0 {
        if f[i][j] == f[i - 1][j - 1] + w(i - 1, j - 1) {
            pairs.push((i - 1, j - 1));
            i -= 1;
            j -= 1;
        } else if f[i][j] == f[i - 1][j] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    pairs.reverse();
    (pairs, f[n][m])
}
