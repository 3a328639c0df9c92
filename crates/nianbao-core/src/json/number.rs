//! Numbers in the app's JSON: cell values read exactly from whatever a JSON
//! writer made of them (an exponent applied to the digits as text), money
//! written as the number its decimal text reads as — neither through the
//! float formatter or reader, whose tables would cost the first load.

use serde_json::Number;

use crate::cell::{parse_cell, CellError, CellKind, MONEY_SCALE};

/// A JSON number's decimal text, without exponent (JSON writers may use one).
fn number_text(n: &Number, kind: CellKind) -> Result<String, CellError> {
    let text = n.to_string();
    if !text.contains(['e', 'E']) {
        return Ok(text);
    }
    // The exponent applied to the digits as text: exact, and without the
    // float formatter (its tables cost the first load).
    match expand_exponent(&text) {
        Some(plain)
            if plain
                .trim_start_matches('-')
                .split('.')
                .next()
                .map_or(0, str::len)
                <= 15 =>
        {
            Ok(plain)
        }
        _ => Err(CellError::too_large(text, kind)),
    }
}

/// `1.5e-7` as `0.00000015`, `2e16` as `20000000000000000`; `None` for what
/// is not a number with an exponent within ±400.
fn expand_exponent(text: &str) -> Option<String> {
    let (mantissa, exp) = text.split_once(['e', 'E'])?;
    let exp: i32 = exp.strip_prefix('+').unwrap_or(exp).parse().ok()?;
    if exp.abs() > 400 {
        return None;
    }
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = format!("{int}{frac}");
    let point = int.len() as i32 + exp;
    let (whole, part) = if point <= 0 {
        (
            String::new(),
            format!("{}{digits}", "0".repeat(-point as usize)),
        )
    } else if point as usize >= digits.len() {
        (
            format!("{digits}{}", "0".repeat(point as usize - digits.len())),
            String::new(),
        )
    } else {
        let (w, p) = digits.split_at(point as usize);
        (w.to_owned(), p.to_owned())
    };
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let part = part.trim_end_matches('0');
    Some(if part.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{part}")
    })
}

/// A JSON number as a cell value of `kind`, exactly (money via its decimal text).
/// Negative counts, and values in not-applicable cells, are kept so that
/// rules G1 and G4 can show them where they are.
pub(super) fn decode_number(n: &Number, kind: CellKind) -> Result<i64, CellError> {
    let text = number_text(n, kind)?;
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let unsigned = match kind {
        CellKind::SignedCount | CellKind::Total | CellKind::NotApplicable => CellKind::Count,
        other => other,
    };
    let value = parse_cell(digits, unsigned)?.unwrap_or(0);
    Ok(if negative { -value } else { value })
}

pub(super) fn encode_value(value: i64, kind: CellKind) -> Number {
    match kind {
        // Within 2^53 both are exact and the division is correctly rounded,
        // so this is the f64 its decimal text reads as (parsing text would
        // cost the bundle the decimal reader's 10 KB of tables).
        CellKind::Money(_) => {
            Number::from_f64(value as f64 / MONEY_SCALE as f64).unwrap_or_else(|| Number::from(0))
        }
        _ => Number::from(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cell::{format_money, MoneyUnit, MAX_MONEY};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        /// A money value is written as the number its decimal text reads as.
        #[test]
        fn money_is_written_as_its_decimal_text_reads(v in -MAX_MONEY..=MAX_MONEY) {
            let written = encode_value(v, CellKind::Money(MoneyUnit::Yuan));
            let text: f64 = format_money(v).parse().unwrap();
            prop_assert_eq!(written.as_f64(), Some(text));
        }
    }

    #[test]
    fn money_edges_are_exact() {
        for v in [
            0,
            1,
            5,
            9_999,
            10_001,
            123_456_789,
            MAX_MONEY,
            -MAX_MONEY,
            -1,
        ] {
            let text: f64 = format_money(v).parse().unwrap();
            let written = encode_value(v, CellKind::Money(MoneyUnit::Yuan)).as_f64();
            assert_eq!(written, Some(text), "{v}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        /// A number written with an exponent reads as the float's full
        /// decimal text (what the float formatter writes).
        #[test]
        fn an_exponent_is_applied_exactly(x in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO) {
            let n = Number::from_f64(x).unwrap();
            let text = n.to_string();
            let kind = CellKind::Money(MoneyUnit::Yuan);
            let expected = (x.abs() < 1e15).then(|| x.to_string());
            if text.contains(['e', 'E']) {
                prop_assert_eq!(number_text(&n, kind).ok(), expected);
            }
        }
    }

    #[test]
    fn exponents_as_json_writers_write_them() {
        for (text, plain) in [
            ("1e16", Some("10000000000000000")),
            ("1.5e-7", Some("0.00000015")),
            ("-2.25E+2", Some("-225")),
            ("12e-2", Some("0.12")),
            ("0.5e1", Some("5")),
            ("1e401", None),
            ("1.e3", Some("1000")),
            ("e3", None),
            ("1x5e3", None),
        ] {
            assert_eq!(expand_exponent(text).as_deref(), plain, "{text}");
        }
    }
}
