//! Upgrades documents written by earlier schema versions, one step at a time.

use serde_json::Value;

/// The version this build writes.
pub const CURRENT_VERSION: u32 = 3;

/// `STEPS[i]` turns a version `i + 1` document into version `i + 2`.
/// Version 1 is the first; add a step here with each new version, and keep a
/// fixture of every old version under `tests/fixtures/` that must still load.
const STEPS: &[Step] = &[v1_to_v2, v2_to_v3];

/// Version 2 added the optional `exportCheck`: a version 1 document is one
/// without it.
fn v1_to_v2(doc: Value) -> Result<Value, String> {
    Ok(doc)
}

/// Version 3 added the optional explained warnings (`report.explanations`,
/// `exportCheck.explained`) and a local deadline (`agency.deadline`).
fn v2_to_v3(doc: Value) -> Result<Value, String> {
    Ok(doc)
}

/// One upgrade: a document of version n in, version n + 1 out.
type Step = fn(Value) -> Result<Value, String>;

/// Brings a document of `version` (1 ≤ version ≤ CURRENT_VERSION) up to date.
pub fn migrate(mut doc: Value, version: u32) -> Result<Value, String> {
    debug_assert_eq!(STEPS.len() as u32 + 1, CURRENT_VERSION);
    for step in &STEPS[(version - 1) as usize..] {
        doc = step(doc)?;
    }
    if let Some(v) = doc.get_mut("schemaVersion") {
        *v = Value::from(CURRENT_VERSION);
    }
    Ok(doc)
}
