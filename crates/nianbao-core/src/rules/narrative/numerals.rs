//! Figures as reports write them: Arabic (`1,234`, `12.5`) or Chinese
//! numerals (三百二十一, 两, 一千零五), followed by a unit.

/// The value of a Chinese digit.
fn digit(c: char) -> Option<i64> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn power(c: char) -> Option<i64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1_000,
        '万' => 10_000,
        _ => return None,
    })
}

/// Whether `c` can be part of a Chinese numeral.
pub fn is_chinese_numeral(c: char) -> bool {
    digit(c).is_some() || power(c).is_some()
}

/// A Chinese numeral's value: 十二 = 12, 二十 = 20, 一百零五 = 105,
/// 三万二千 = 32000. `None` for what is not a well-formed numeral.
pub fn chinese_value(chars: &[char]) -> Option<i64> {
    let (mut total, mut section, mut pending): (i64, i64, Option<i64>) = (0, 0, None);
    let mut last_power = i64::MAX;
    for &c in chars {
        if let Some(d) = digit(c) {
            if pending.is_some() && d != 0 {
                // Two digits in a row (二三) is a list or a year, not a count.
                return None;
            }
            pending = if d == 0 { pending } else { Some(d) };
        } else if let Some(p) = power(c) {
            if p == 10_000 {
                section = section.checked_add(pending.take().unwrap_or(0))?;
                total = total.checked_add(section)?.checked_mul(p)?;
                section = 0;
                last_power = i64::MAX;
                continue;
            }
            if p >= last_power {
                return None;
            }
            last_power = p;
            section = section.checked_add(pending.take().unwrap_or(1).checked_mul(p)?)?;
        } else {
            return None;
        }
    }
    section = section.checked_add(pending.unwrap_or(0))?;
    total.checked_add(section)
}

/// A figure found in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    /// The count, or for money the amount in units of 1/10,000 元.
    pub value: i64,
    /// Char positions of the number and its unit: `start..end`.
    pub start: usize,
    pub end: usize,
}

/// Units after which a number is a duration or a date, not a count (个工作日).
const NOT_A_COUNT: &[&str] = &["工作日", "月", "日", "小时", "天", "百分点", "批次", "年"];

/// The figure starting at `i`, if the number there is followed at once by
/// one of `units` (for money, 元 or 万元). A number preceded by another
/// digit, 数 or 几, or followed by 余/多, is no exact figure.
pub fn figure_at(chars: &[char], i: usize, units: &[char]) -> Option<Figure> {
    let before = i.checked_sub(1).map(|b| chars[b]);
    if before.is_some_and(|b| {
        b.is_ascii_digit()
            || is_chinese_numeral(b)
            || b == '数'
            || b == '几'
            || b == '.'
            || b == '第'
    }) {
        return None;
    }
    let money = units.contains(&'元');
    let mut j = i;
    let value = if chars[i].is_ascii_digit() {
        let mut int: i64 = 0;
        let mut frac: i64 = 0;
        let mut frac_digits = 0;
        let mut in_frac = false;
        while j < chars.len() {
            let c = chars[j];
            if let Some(d) = c.to_digit(10) {
                if in_frac {
                    if frac_digits == 4 {
                        return None;
                    }
                    frac = frac * 10 + i64::from(d);
                    frac_digits += 1;
                } else {
                    int = int.checked_mul(10)?.checked_add(i64::from(d))?;
                }
            } else if c == ',' && !in_frac && chars.get(j + 1).is_some_and(char::is_ascii_digit) {
            } else if c == '.'
                && money
                && !in_frac
                && chars.get(j + 1).is_some_and(char::is_ascii_digit)
            {
                in_frac = true;
            } else {
                break;
            }
            j += 1;
        }
        if money {
            int.checked_mul(10_000)?
                .checked_add(frac * 10_i64.pow(4 - frac_digits))?
        } else {
            int
        }
    } else if is_chinese_numeral(chars[i]) {
        while j < chars.len() && is_chinese_numeral(chars[j]) {
            j += 1;
        }
        let v = chinese_value(&chars[i..j])?;
        if money {
            v.checked_mul(10_000)?
        } else {
            v
        }
    } else {
        return None;
    };
    // 万元: the amount is in ten thousands.
    let (value, unit_len) = match (chars.get(j), chars.get(j + 1)) {
        (Some('万'), Some('元')) if money => (value.checked_mul(10_000)?, 2),
        (Some(u), _) if units.contains(u) => (value, 1),
        _ => return None,
    };
    let end = j + unit_len;
    let rest: String = chars[end..chars.len().min(end + 3)].iter().collect();
    if NOT_A_COUNT.iter().any(|w| rest.starts_with(w)) {
        // 个工作日, 个月: a duration, not a count.
        return None;
    }
    Some(Figure {
        value,
        start: i,
        end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Option<i64> {
        chinese_value(&s.chars().collect::<Vec<_>>())
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(v("两"), Some(2));
        assert_eq!(v("十"), Some(10));
        assert_eq!(v("十二"), Some(12));
        assert_eq!(v("二十"), Some(20));
        assert_eq!(v("三百二十一"), Some(321));
        assert_eq!(v("一百零五"), Some(105));
        assert_eq!(v("一千零一十"), Some(1010));
        assert_eq!(v("三万二千"), Some(32_000));
        assert_eq!(v("二三"), None);
        assert_eq!(v("百十"), Some(110));
        assert_eq!(v("十百"), None);
    }

    fn f(s: &str, units: &[char]) -> Option<i64> {
        let chars: Vec<char> = s.chars().collect();
        figure_at(&chars, 0, units).map(|f| f.value)
    }

    #[test]
    fn figures_and_their_units() {
        let count = &['件', '宗', '个', '项'];
        assert_eq!(f("12件", count), Some(12));
        assert_eq!(f("1,234件", count), Some(1234));
        assert_eq!(f("两件", count), Some(2));
        assert_eq!(f("12余件", count), None);
        assert_eq!(f("15个工作日", count), None);
        assert_eq!(f("3个月", count), None);
        assert_eq!(f("12", count), None);
        let money = &['元'];
        assert_eq!(f("120元", money), Some(1_200_000));
        assert_eq!(f("12.5元", money), Some(125_000));
        assert_eq!(f("1.2万元", money), Some(120_000_000));
        assert_eq!(f("0元", money), Some(0));
    }
}
