//! What makes a unit the same unit, and what a person must confirm before a
//! unit is compared or summed. A unit is its content: the same report added
//! twice — from two files, two drops, two windows — is one unit (its id is
//! the digest of its content), never summed twice. A unit whose year was not
//! printed (the importer's stand-in year) or which names no agency is held
//! out of duplicate checks and roll-ups until a person says what it is.

use sha2::{Digest, Sha256};

use crate::json::to_json;
use crate::report::Report;

/// The unit's id: the first 16 hex digits of the SHA-256 of its JSON.
pub fn unit_id(report: &Report) -> String {
    let digest = Sha256::digest(to_json(report).as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// What must be confirmed about a unit before it counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsure {
    /// The report year was not found in the file: a stand-in was used.
    Year,
    /// No agency name: the unit cannot be told from another.
    Agency,
}

impl Unsure {
    pub fn words(self) -> &'static str {
        match self {
            Unsure::Year => "文件中没有找到报告年度",
            Unsure::Agency => "没有机关名称",
        }
    }
}

/// What is unsure about a unit read from a file (`year_found`: the file
/// printed its year, or it is this app's own file).
pub fn unsure(report: &Report, year_found: bool) -> Vec<Unsure> {
    let mut out = Vec::new();
    if !year_found {
        out.push(Unsure::Year);
    }
    if report.agency.name.trim().is_empty() {
        out.push(Unsure::Agency);
    }
    out
}

/// Whether two units are the same agency's report for the same year (both
/// confirmed: a name and a year a person or the file gave).
pub fn same_agency_and_year(a: &Report, b: &Report) -> bool {
    let name = |r: &Report| r.agency.name.split_whitespace().collect::<String>();
    !name(a).is_empty() && name(a) == name(b) && a.year == b.year
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_content_is_the_same_unit_and_unsure_units_say_why() {
        let mut a = Report::new(2025);
        let b = a.clone();
        assert_eq!(unit_id(&a), unit_id(&b));
        assert_eq!(unit_id(&a).len(), 16);
        assert_eq!(unsure(&a, false), [Unsure::Year, Unsure::Agency]);
        a.agency.name = "某局".into();
        assert_ne!(unit_id(&a), unit_id(&b));
        assert_eq!(unsure(&a, true), []);
        let mut c = a.clone();
        c.agency.name = "某 局".into();
        assert!(same_agency_and_year(&a, &c));
        c.year = 2024;
        assert!(!same_agency_and_year(&a, &c));
        assert!(!same_agency_and_year(&b, &b));
    }
}
