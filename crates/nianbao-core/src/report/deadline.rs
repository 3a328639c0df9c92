//! The publication deadline as it stands on a day, in words — with where it
//! comes from: a local rule, the 乡镇/街道 default (their deadline is set
//! locally; unset, 1月31日 is used), or no agency type chosen.

use super::{AgencyKind, Date, Report};

/// How the publication deadline stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeadlineStatus {
    pub deadline: Date,
    /// Days from the day to the deadline: negative once it has passed.
    pub days_left: i64,
    /// The deadline was set locally rather than by the 条例.
    pub local: bool,
}

impl DeadlineStatus {
    /// "距截止还有 N 天" / "今天截止" / "已逾期 N 天", with the deadline.
    pub fn words(&self) -> String {
        let when = self.deadline.chinese();
        match self.days_left {
            d if d > 0 => format!("发布期限 {when}，距截止还有 {d} 天"),
            0 => format!("发布期限 {when}，今天截止"),
            d => format!("发布期限 {when}，已逾期 {} 天", -d),
        }
    }
}

impl Report {
    /// How the deadline stands on `today` in words, with where it comes
    /// from; true once it has passed.
    pub fn deadline_words(&self, today: Date) -> Option<(bool, String)> {
        let s = self.deadline_status(today)?;
        let whence = if s.local {
            "（本地规定）"
        } else if matches!(
            self.agency.kind,
            Some(AgencyKind::Township | AgencyKind::Subdistrict)
        ) {
            "（乡镇、街道的期限由本地规定，未设置时按1月31日）"
        } else if self.agency.kind.is_none() {
            "（未选机关类型，按部门的1月31日）"
        } else {
            ""
        };
        Some((s.days_left < 0, format!("{}{whence}", s.words())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deadline_says_where_it_comes_from() {
        let today = Date::new(2026, 2, 10).expect("a date");
        let mut r = Report::new(2025);
        let (late, words) = r.deadline_words(today).expect("a deadline");
        assert!(
            late && words.ends_with("（未选机关类型，按部门的1月31日）"),
            "{words}"
        );
        r.agency.kind = Some(AgencyKind::Township);
        assert!(r.deadline_words(today).unwrap().1.contains("由本地规定"));
        r.agency.deadline = Some((2, 20));
        let (late, words) = r.deadline_words(today).unwrap();
        assert!(
            !late && words.contains("距截止还有 10 天") && words.ends_with("（本地规定）"),
            "{words}"
        );
    }
}
