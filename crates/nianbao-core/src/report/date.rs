//! A calendar date (落款日期, deadlines): real dates only, read as people
//! write them, counted in days.

/// A calendar date (the signing date, 落款日期).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A real calendar date, or `None`.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// Reads `2025-01-20`, `2025/1/20` or `2025年1月20日`.
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let parts: Vec<&str> = text
            .trim_end_matches('日')
            .split(['-', '/', '年', '月', '.'])
            .collect();
        let [y, m, d] = parts.as_slice() else {
            return None;
        };
        let num = |s: &str| -> Option<u32> {
            (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        Date::new(
            i32::try_from(num(y)?).ok()?,
            u8::try_from(num(m)?).ok()?,
            u8::try_from(num(d)?).ok()?,
        )
    }

    /// A month and day as people write them: `2月20日`, `02-20`, `2/20`
    /// (a day some year has: 2月29日 is allowed).
    pub fn parse_month_day(text: &str) -> Option<(u8, u8)> {
        let parts: Vec<&str> = text
            .trim()
            .trim_end_matches('日')
            .split(['-', '/', '月', '.'])
            .collect();
        let [m, d] = parts.as_slice() else {
            return None;
        };
        let num = |s: &str| {
            (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u8>().ok())
                .flatten()
        };
        let (m, d) = (num(m)?, num(d)?);
        Date::new(2024, m, d).map(|_| (m, d))
    }

    /// ISO form, as stored in JSON: `2025-01-20`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// As printed under the signature: 2025年1月20日.
    pub fn chinese(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }

    /// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
    pub fn day_number(&self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}
