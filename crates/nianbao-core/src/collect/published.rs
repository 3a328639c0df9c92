//! 发布后有变动: a published report (a saved page, its PDF's text, the HTML
//! export) against the package the office checked — the same fingerprint, or
//! which figures differ. A page recognised by its labels may not give every
//! cell: those are counted as not read, never taken as changed.

use crate::cell::{format_value, CellKind};
use crate::report::{Field, Report};
use crate::submission::Fingerprint;

/// What comparing found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    /// What the published report was checked against: 报送包, 当前报告.
    pub ours: &'static str,
    /// The published report is the package's to the byte (same fingerprint).
    pub identical: bool,
    /// Each difference, in words.
    pub differences: Vec<String>,
    /// Cells the page did not give (recognised pages only).
    pub not_read: usize,
}

impl Published {
    /// The outcome in one sentence.
    pub fn words(&self, code: &str) -> String {
        let ours = self.ours;
        let unread = if self.not_read > 0 {
            format!(
                "另有 {} 个单元格在发布的报告中没有读到，无法比较。",
                self.not_read
            )
        } else {
            String::new()
        };
        if self.identical {
            format!("发布的报告与{ours}完全一致（指纹 {code} 相同）。")
        } else if self.differences.is_empty() {
            format!("发布的报告中读到的数字与{ours}（{code}）一致。{unread}")
        } else {
            format!(
                "发布的报告与{ours}（{code}）有 {} 处不同：{}。{unread}",
                self.differences.len(),
                self.differences.join("；")
            )
        }
    }
}

fn shown(v: Option<i64>, kind: CellKind) -> String {
    v.map_or("空白".to_owned(), |v| format_value(v, kind))
}

/// `published` (read by the importer; `recognised`: by its labels, from a
/// page) against `sent`, the report `ours` names (报送包, 当前报告).
pub fn compare_published(
    sent: &Report,
    published: &Report,
    recognised: bool,
    ours: &'static str,
) -> Published {
    if Fingerprint::of(sent) == Fingerprint::of(published) {
        return Published {
            ours,
            identical: true,
            differences: Vec::new(),
            not_read: 0,
        };
    }
    let mut differences = Vec::new();
    let mut not_read = 0;
    let plain = |s: &str| s.split_whitespace().collect::<String>();
    if plain(&sent.agency.name) != plain(&published.agency.name)
        && !published.agency.name.is_empty()
    {
        differences.push(format!(
            "机关名称：{ours}中为“{}”，发布的为“{}”",
            sent.agency.name, published.agency.name
        ));
    }
    if sent.template_id() != published.template_id() || sent.year != published.year {
        differences.push(format!(
            "报告年度：{ours}中为 {}，发布的为 {}",
            sent.year, published.year
        ));
        return Published {
            ours,
            identical: false,
            differences,
            not_read,
        };
    }
    let t = sent.template();
    for (i, def) in t.cells.iter().enumerate() {
        let c = crate::template::CellId(i as u16);
        if def.kind == CellKind::NotApplicable {
            continue;
        }
        let (a, b) = (sent.get(c), published.get(c));
        if a == b {
            continue;
        }
        if b.is_none() && recognised {
            not_read += 1;
            continue;
        }
        differences.push(format!(
            "{}“{}”：{ours}中为 {}，发布的为 {}",
            def.table.name(),
            def.name(),
            shown(a, def.kind),
            shown(b, def.kind)
        ));
    }
    for f in [Field::FeeNotices, Field::FeeBilled, Field::FeeCollected] {
        let (a, b) = (sent.fee(f), published.fee(f));
        let kind = f.fee_kind().unwrap_or(CellKind::Count);
        if a != b && !(b.is_none() && recognised) {
            differences.push(format!(
                "{}：{ours}中为 {}，发布的为 {}",
                f.label(),
                shown(a, kind),
                shown(b, kind)
            ));
        }
    }
    Published {
        ours,
        identical: false,
        differences,
        not_read,
    }
}
