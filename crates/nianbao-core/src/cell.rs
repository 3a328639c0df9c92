//! Cell kinds, and turning what people type or paste into cell values.
//!
//! Values are integers: counts as they are, money in ten-thousandths of its
//! unit (万元 to 4 decimals = 1 元; 元 to 2 decimals), so arithmetic is exact.

use std::fmt;

/// The unit of a money cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MoneyUnit {
    /// 万元, up to 4 decimals (表二's 本年收费金额, 采购总金额).
    Wan,
    /// 元, up to 2 decimals (信息处理费).
    Yuan,
}

impl MoneyUnit {
    pub const fn label(self) -> &'static str {
        match self {
            MoneyUnit::Wan => "万元",
            MoneyUnit::Yuan => "元",
        }
    }

    /// Decimals allowed.
    pub const fn decimals(self) -> u32 {
        match self {
            MoneyUnit::Wan => 4,
            MoneyUnit::Yuan => 2,
        }
    }
}

/// Money values are stored scaled by this, whatever the unit.
pub const MONEY_SCALE: i64 = 10_000;

pub use crate::limits::{MAX_COUNT, MAX_MONEY};

/// What a data cell holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CellKind {
    /// A count, integer ≥ 0 (件, 个, 项).
    Count,
    /// A signed count: F2019 本年增/减.
    SignedCount,
    /// Money, ≥ 0.
    Money(MoneyUnit),
    /// A computed total (count): filled from its parts, or typed and checked.
    Total,
    /// Not applicable: stays empty, cannot be edited (F2019 （八）/（九） third column).
    NotApplicable,
}

impl CellKind {
    pub const fn is_editable(self) -> bool {
        !matches!(self, CellKind::NotApplicable)
    }

    pub const fn is_money(self) -> bool {
        matches!(self, CellKind::Money(_))
    }
}

/// Why a typed value is not a value of its cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellError {
    /// Contains something that is not part of a number.
    NotANumber { input: String, found: char },
    /// A count with a fractional part.
    NotWhole { input: String },
    /// A minus sign where only counts ≥ 0 belong.
    Negative { input: String },
    /// More decimals than the unit allows.
    TooManyDecimals {
        input: String,
        unit: MoneyUnit,
        max: u32,
    },
    /// A unit that does not belong to this cell, e.g. 元 in a 万元 cell.
    WrongUnit {
        input: String,
        found: &'static str,
        expected: &'static str,
    },
    /// Thousands separators in the wrong places, e.g. 12,34.
    BadGrouping { input: String },
    /// Beyond the limits of spec §8.10; `max` names the limit.
    TooLarge { input: String, max: String },
    /// Spaces inside a number: probably two numbers in one cell.
    InnerSpace { input: String },
    /// The cell takes no value.
    NotApplicable,
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CellError::NotANumber { input, found } => write!(
                f,
                "“{input}”不是数字：其中的“{found}”不能出现在数字里。请只填写数字，例如 12。"
            ),
            CellError::NotWhole { input } => {
                write!(f, "“{input}”有小数部分，但这里要填写整数（件数）。")
            }
            CellError::Negative { input } => {
                write!(f, "“{input}”是负数，但件数不能小于 0。")
            }
            CellError::TooManyDecimals { input, unit, max } => write!(
                f,
                "“{input}”的小数位太多：单位是{}，最多保留 {max} 位小数。",
                unit.label()
            ),
            CellError::WrongUnit {
                input,
                found,
                expected,
            } => write!(
                f,
                "“{input}”的单位是{found}，但这一格的单位是{expected}。请换算后再填写。"
            ),
            CellError::BadGrouping { input } => write!(
                f,
                "“{input}”的千位分隔符位置不对。请去掉逗号，或每三位数字加一个逗号，例如 1,234。"
            ),
            CellError::TooLarge { input, max } => {
                write!(f, "“{input}”超出了上限：这一格最多填写 {max}。")
            }
            CellError::InnerSpace { input } => {
                write!(f, "“{input}”中间有空格。一格只能填一个数字，请删除空格。")
            }
            CellError::NotApplicable => write!(f, "这一格不适用，不能填写。"),
        }
    }
}

impl std::error::Error for CellError {}

impl CellError {
    /// `input` is beyond the largest value of a cell of `kind` (spec §8.10).
    pub fn too_large(input: String, kind: CellKind) -> CellError {
        let max = match kind {
            CellKind::Money(u) => format!(
                "{}.{} {}",
                crate::limits::grouped(MAX_MONEY / MONEY_SCALE),
                "9".repeat(u.decimals() as usize),
                u.label()
            ),
            _ => crate::limits::grouped(MAX_COUNT),
        };
        CellError::TooLarge { input, max }
    }
}

/// Half- and full-width forms folded to one.
fn fold(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '，' => ',',
        '．' | '。' => '.',
        '－' | '−' | '–' => '-',
        '＋' => '+',
        _ => c,
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}' || c == '\u{200b}' || c == '\u{feff}'
}

/// Marks that stand for zero in published tables (spec: `/` written for zero).
const ZERO_MARKS: &[&str] = &["—", "——", "-", "--", "/", "／", "无", "－"];

/// Units people type after a number, longest first so 万元 wins over 元.
const UNITS: &[&str] = &["万元", "元", "件", "个", "项", "次"];

/// Parses what a person typed or pasted into a cell of `kind`.
/// `Ok(None)` is a blank cell, which is not the same as 0.
pub fn parse_cell(input: &str, kind: CellKind) -> Result<Option<i64>, CellError> {
    let trimmed = input.trim_matches(is_space);
    if trimmed.is_empty() {
        return Ok(None);
    }
    if kind == CellKind::NotApplicable {
        return Err(CellError::NotApplicable);
    }
    if ZERO_MARKS.contains(&trimmed) {
        return Ok(Some(0));
    }
    let owned = || trimmed.to_owned();

    // A trailing unit, which must fit the cell.
    let mut body = trimmed;
    for unit in UNITS {
        if let Some(rest) = body.strip_suffix(unit) {
            let expected = match kind {
                CellKind::Money(u) => u.label(),
                _ => "件",
            };
            let fits = match kind {
                CellKind::Money(u) => *unit == u.label(),
                _ => !unit.ends_with('元'),
            };
            if !fits {
                return Err(CellError::WrongUnit {
                    input: owned(),
                    found: unit,
                    expected,
                });
            }
            body = rest.trim_end_matches(is_space);
            break;
        }
    }

    if body.chars().any(is_space) {
        return Err(CellError::InnerSpace { input: owned() });
    }
    let chars: Vec<char> = body.chars().map(fold).collect();
    let (negative, digits) = match chars.first() {
        Some('-') => (true, &chars[1..]),
        Some('+') => (false, &chars[1..]),
        _ => (false, &chars[..]),
    };
    if let Some(&bad) = digits
        .iter()
        .find(|c| !(c.is_ascii_digit() || **c == ',' || **c == '.'))
    {
        // Report the character as typed, not folded.
        let shown = body
            .chars()
            .find(|c| fold(*c) == bad && !c.is_ascii_digit())
            .unwrap_or(bad);
        return Err(CellError::NotANumber {
            input: owned(),
            found: shown,
        });
    }
    let text: String = digits.iter().collect();
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, f),
        None => (text.as_str(), ""),
    };
    if frac_part.contains('.') || frac_part.contains(',') {
        return Err(CellError::NotANumber {
            input: owned(),
            found: '.',
        });
    }
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(CellError::NotANumber {
            input: owned(),
            found: chars.first().copied().unwrap_or('?'),
        });
    }
    // Thousands separators: every group after the first has exactly three digits.
    let int_digits: String = if int_part.contains(',') {
        let groups: Vec<&str> = int_part.split(',').collect();
        let ok = !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3);
        if !ok {
            return Err(CellError::BadGrouping { input: owned() });
        }
        groups.concat()
    } else {
        int_part.to_owned()
    };

    let too_large = || CellError::too_large(owned(), kind);
    let whole: i64 = if int_digits.is_empty() {
        0
    } else {
        int_digits.parse().map_err(|_| too_large())?
    };

    let value = match kind {
        CellKind::Money(unit) => {
            let frac = frac_part.trim_end_matches('0');
            if frac.len() as u32 > unit.decimals() {
                return Err(CellError::TooManyDecimals {
                    input: owned(),
                    unit,
                    max: unit.decimals(),
                });
            }
            let frac_value: i64 = if frac.is_empty() {
                0
            } else {
                frac.parse::<i64>().map_err(|_| too_large())? * 10_i64.pow(4 - frac.len() as u32)
            };
            whole
                .checked_mul(MONEY_SCALE)
                .and_then(|w| w.checked_add(frac_value))
                .filter(|v| *v <= MAX_MONEY)
                .ok_or_else(too_large)?
        }
        _ => {
            if frac_part.chars().any(|c| c != '0') {
                return Err(CellError::NotWhole { input: owned() });
            }
            if whole > MAX_COUNT {
                return Err(too_large());
            }
            whole
        }
    };
    if negative && value != 0 {
        if kind == CellKind::SignedCount {
            return Ok(Some(-value));
        }
        return Err(CellError::Negative { input: owned() });
    }
    Ok(Some(value))
}

/// Shows a stored value the way the official tables print it: counts as
/// integers (本年增/减 with its sign), money with only the decimals it needs.
pub fn format_value(value: i64, kind: CellKind) -> String {
    match kind {
        CellKind::Money(_) => format_money(value),
        CellKind::SignedCount if value > 0 => format!("+{value}"),
        _ => value.to_string(),
    }
}

/// A scaled money value as a decimal without trailing zeros: 12.5, 3, 0.0001.
pub fn format_money(scaled: i64) -> String {
    let sign = if scaled < 0 { "-" } else { "" };
    let abs = scaled.unsigned_abs();
    let whole = abs / MONEY_SCALE as u64;
    let frac = abs % MONEY_SCALE as u64;
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        let frac = format!("{frac:04}");
        format!("{sign}{whole}.{}", frac.trim_end_matches('0'))
    }
}

#[cfg(test)]
mod tests;
