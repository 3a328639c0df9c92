//! Reasons given for warnings (说明原因), kept within the limits the readers
//! enforce: at most `MAX_EXPLANATIONS`, each at most `MAX_REASON_CHARS`. A
//! reason whose warning is gone (its sentence edited, its cells fixed) is
//! stale: dropped before a new one is counted and before a file is written,
//! so stale reasons never pile up unseen and the app never writes a draft
//! or file its own readers refuse.

use std::collections::HashSet;

use super::{Finding, RuleId};
use crate::limits::{MAX_EXPLANATIONS, MAX_REASON_CHARS};
use crate::report::Report;

/// The rule a reason's key names (`Y1@…`).
fn rule_of(key: &str) -> Option<RuleId> {
    let code = key.split('@').next()?;
    RuleId::ALL.iter().copied().find(|r| r.code() == code)
}

/// The keys of reasons whose warning is not among `findings`. Reasons for
/// rules that need last year's report are kept while it is not loaded.
pub fn stale_explanations(
    report: &Report,
    findings: &[Finding],
    has_previous: bool,
) -> Vec<String> {
    let template = report.template();
    let live: HashSet<String> = findings.iter().map(|f| f.key(template)).collect();
    report
        .explanations
        .keys()
        .filter(|k| !live.contains(*k))
        .filter(|k| has_previous || !rule_of(k).is_some_and(RuleId::needs_previous))
        .cloned()
        .collect()
}

/// Drops the stale reasons; how many.
pub fn prune_explanations(report: &mut Report, findings: &[Finding], has_previous: bool) -> usize {
    let stale = stale_explanations(report, findings, has_previous);
    for k in &stale {
        report.explanations.remove(k);
    }
    stale.len()
}

/// Gives `reason` to the warning `key` (replacing its reason), dropping
/// stale reasons first; refused in words when the limit is reached.
pub fn explain(
    report: &mut Report,
    key: &str,
    reason: &str,
    findings: &[Finding],
    has_previous: bool,
) -> Result<(), String> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err("说明不能为空。".to_owned());
    }
    prune_explanations(report, findings, has_previous);
    if !report.explanations.contains_key(key) && report.explanations.len() >= MAX_EXPLANATIONS {
        return Err(format!(
            "最多可以给 {MAX_EXPLANATIONS} 条提示说明原因，已经有 {MAX_EXPLANATIONS} 条，这条没有保存。请先删除不再需要的说明，或修改文字、表格使提示消失。"
        ));
    }
    // The readers count UTF-16 units, as the browser does.
    let mut kept = String::new();
    let mut units = 0;
    for c in reason.chars() {
        units += c.len_utf16();
        if units > MAX_REASON_CHARS {
            break;
        }
        kept.push(c);
    }
    report.explanations.insert(key.to_owned(), kept);
    Ok(())
}
