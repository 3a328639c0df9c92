//! Random valid reports, as offices have them: mostly small counts, some
//! zero, a few large; 表三's and 表四's sums hold; some tables or cells blank.
//! Shared by the layout property test and the PDF round trip
//! (`examples/pdf.rs`).
#![allow(dead_code)]

use std::collections::BTreeMap;

use nianbao_core::cell::CellKind;
use nianbao_core::import::published::{Certainty, Recognised};
use nianbao_core::report::{AgencyKind, Report};
use nianbao_core::template::{CellId, TableId};

/// xorshift64*: seeded, the same texts on every run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// A count as offices have them: mostly small, some zero, a few large.
pub fn count(rng: &mut Rng) -> i64 {
    match rng.below(10) {
        0..=3 => 0,
        4..=7 => rng.below(20) as i64,
        8 => rng.below(400) as i64,
        _ => rng.below(30_000) as i64,
    }
}

/// A valid report: 表三's and 表四's sums hold; some tables or cells blank.
pub fn report(rng: &mut Rng) -> Report {
    let year = *rng.pick(&[2019, 2020, 2021, 2023, 2024, 2025]);
    let mut r = Report::new(year);
    r.agency.name = rng
        .pick(&[
            "某县人民政府",
            "某某街道办事处",
            "某市自然资源和规划局",
            "某镇人民政府",
        ])
        .to_string();
    r.agency.kind = Some(AgencyKind::Department);
    let t = r.template();
    // 表二: any counts; money in its unit, up to four decimals.
    for c in t.table_cells(TableId::Proactive) {
        let v = match t.def(c).kind {
            CellKind::NotApplicable => continue,
            CellKind::Money(_) => count(rng) * *rng.pick(&[10_000, 1_000, 1]),
            CellKind::SignedCount if rng.chance(30) => -count(rng),
            _ => count(rng),
        };
        r.set(c, Some(v));
    }
    // 表三, column by column: 新收 + 结转 = 办结 + 结转下年度.
    let results: Vec<&str> = t
        .table_cells(TableId::Requests)
        .map(|c| t.def(c).row)
        .filter(|row| !["newReceived", "carriedOver", "resultTotal", "carryForward"].contains(row))
        .fold(Vec::new(), |mut v, row| {
            if !v.contains(&row) {
                v.push(row);
            }
            v
        });
    let cols = [
        "natural",
        "commercial",
        "research",
        "publicWelfare",
        "legalService",
        "otherOrg",
    ];
    let mut totals: BTreeMap<&str, i64> = BTreeMap::new();
    for col in cols {
        let active = rng.chance(60);
        let new = if active { count(rng) } else { 0 };
        let carried = if active { rng.below(5) as i64 } else { 0 };
        let mut left = new + carried;
        let mut done = 0;
        for row in &results {
            let v = if left > 0 && rng.chance(40) {
                rng.below(left as u64 + 1) as i64
            } else {
                0
            };
            left -= v;
            done += v;
            r.set_value(TableId::Requests, row, col, Some(v));
            *totals.entry(row).or_default() += v;
        }
        r.set_value(TableId::Requests, "newReceived", col, Some(new));
        r.set_value(TableId::Requests, "carriedOver", col, Some(carried));
        r.set_value(TableId::Requests, "resultTotal", col, Some(done));
        r.set_value(TableId::Requests, "carryForward", col, Some(left));
    }
    // 表四: each group's 总计 is the sum of its four results.
    for group in ["review", "litDirect", "litAfterReview"] {
        let parts: Vec<i64> = (0..4)
            .map(|_| {
                if rng.chance(70) {
                    0
                } else {
                    rng.below(6) as i64
                }
            })
            .collect();
        for (col, v) in ["maintain", "correct", "other", "pending"]
            .iter()
            .zip(&parts)
        {
            r.set_value(TableId::ReviewLitigation, group, col, Some(*v));
        }
        r.set_value(
            TableId::ReviewLitigation,
            group,
            "total",
            Some(parts.iter().sum()),
        );
    }
    r.fill_totals();
    // Sometimes a whole table is not reported, or a few cells are printed blank.
    if rng.chance(10) {
        for c in t.table_cells(TableId::Proactive) {
            r.set(c, None);
        }
    }
    if rng.chance(15) {
        // A valid report prints some of its zeros blank (a blank counts 0 in
        // the sums, which still hold).
        let zeros: Vec<CellId> = t
            .table_cells(TableId::Requests)
            .filter(|c| r.get(*c) == Some(0))
            .collect();
        for _ in 0..3 {
            if !zeros.is_empty() {
                let c = *rng.pick(&zeros);
                r.set(c, None);
            }
        }
    }
    r
}

/// Every cell a reading placed, with the truth beside it (a failing case,
/// looked at).
pub fn dump_placements(r: &Recognised, truth: &Report) {
    let t = r.report.template();
    for i in 0..t.cells.len() {
        let c = CellId(i as u16);
        let s = r.source(c);
        if s.certainty != Certainty::NotFound {
            eprintln!(
                "{:?} {} = {:?} (truth {:?}) line {:?}",
                s.certainty,
                t.def(c).name(),
                r.report.get(c),
                truth.get(c),
                s.lines
            );
        }
    }
}
