//! 表三 and 表四 beside last year's: the figures the drafted year-over-year
//! sentences come from, listed so a person can see them.

use super::{
    cases, Figure, Quantity, CARRIED_OVER, CARRY_FORWARD, LITIGATION_TOTAL, NEW_RECEIVED, RESULTS,
    RESULT_TOTAL, REVIEW_TOTAL,
};
use crate::report::Report;
use crate::template::keys as key;
use crate::template::{T4_LITIGATION, T4_RESULTS, T4_REVIEW};

/// One figure this year and last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Compared {
    pub table: &'static str,
    pub name: String,
    pub last: Option<i64>,
    pub now: Option<Figure>,
    pub change: Change,
}

/// How a figure moved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// One side blank: nothing to compare.
    Unknown,
    Same,
    /// This year less last year, and the words of §8.12.
    By(i64, String),
}

const REVIEW: &[&str] = &[key::REVIEW];
const LITIGATION: &[&str] = &[key::LIT_DIRECT, key::LIT_AFTER_REVIEW];

/// The quantities compared, in the tables' order, with their names.
fn quantities() -> Vec<(String, Quantity)> {
    let mut list = vec![NEW_RECEIVED, CARRIED_OVER];
    list.extend(RESULTS);
    list.extend([RESULT_TOTAL, CARRY_FORWARD, REVIEW_TOTAL]);
    let mut named: Vec<(String, Quantity)> =
        list.into_iter().map(|q| (q.name.to_owned(), q)).collect();
    let corrected = T4_RESULTS[1].1;
    named.push((
        format!("{T4_REVIEW} {corrected}"),
        cases("", REVIEW, key::CORRECTED),
    ));
    named.push((T4_LITIGATION.to_owned(), LITIGATION_TOTAL));
    named.push((
        format!("{T4_LITIGATION} {corrected}"),
        cases("", LITIGATION, key::CORRECTED),
    ));
    named
}

/// Each 表三 / 表四 figure of `now` beside `last`'s (either format: the rows
/// are named by what they count, so F2019's （六） meets F2021's three).
pub fn compare(now: &Report, last: &Report) -> Vec<Compared> {
    quantities()
        .into_iter()
        .map(|(name, q)| {
            let (this, before) = (q.figure(now), q.value(last));
            let change = match (&this, before) {
                (Some(f), Some(b)) if f.value == b => Change::Same,
                (Some(f), Some(b)) => Change::By(
                    f.value.saturating_sub(b),
                    super::change_words(f.value, b, "件"),
                ),
                _ => Change::Unknown,
            };
            Compared {
                table: q.table().name(),
                name,
                last: before,
                now: this,
                change,
            }
        })
        .collect()
}
