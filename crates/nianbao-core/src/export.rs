//! Everything that leaves the app after the export-stage check, declared
//! once: what the notice calls it, whether the file records the counts,
//! whether an embedding portal is told, which module makes it — and the
//! notice itself, so that no export can say it records what it does not.

use crate::json::ExportCheck;

/// Which part of the app makes it (the file and Word modules load on first
/// use).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Maker {
    App,
    Files,
    Word,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// 下载 JSON: the data exchange file.
    Json,
    /// 下载 HTML: the publishable page.
    Html,
    /// 下载 Word.
    Word,
    /// 下载体检报告: the page lists every finding itself.
    CheckReport,
    /// 打印: no file is made.
    Print,
    /// A portal's `export` message: nothing is said on the page.
    Portal,
    /// 下载报送包: the file a unit sends the collecting office.
    Package,
}

impl Export {
    pub const ALL: [Export; 7] = [
        Export::Json,
        Export::Html,
        Export::Word,
        Export::CheckReport,
        Export::Print,
        Export::Portal,
        Export::Package,
    ];

    /// What the notice calls it; `None`: no notice.
    pub const fn verb(self) -> Option<&'static str> {
        match self {
            Export::Json => Some("下载 JSON "),
            Export::Html => Some("下载 HTML "),
            Export::Word => Some("下载 Word "),
            Export::CheckReport => Some("下载体检报告"),
            Export::Print => Some("打印"),
            Export::Portal => None,
            Export::Package => Some("下载报送包"),
        }
    }

    /// Whether what it makes records the export-stage counts (the JSON's
    /// `exportCheck`, the page's data block, the Word file's data part).
    pub const fn records_counts(self) -> bool {
        matches!(
            self,
            Export::Json | Export::Html | Export::Word | Export::Portal | Export::Package
        )
    }

    /// Whether an embedding portal is sent the report (`exported`).
    pub const fn tells_portal(self) -> bool {
        matches!(
            self,
            Export::Json | Export::Html | Export::Word | Export::Portal
        )
    }

    pub const fn maker(self) -> Maker {
        match self {
            Export::Json | Export::Portal => Maker::App,
            Export::Html | Export::CheckReport | Export::Print | Export::Package => Maker::Files,
            Export::Word => Maker::Word,
        }
    }

    /// What the page says before it makes it: the counts, and that the file
    /// records them only when it does.
    pub fn notice(self, check: &ExportCheck) -> Option<String> {
        let verb = self.verb()?;
        let (e, w) = (check.errors, check.warnings);
        Some(if e + w == 0 {
            format!("{verb}前的检查：没有发现问题。")
        } else {
            let recorded = if self.records_counts() {
                "，文件中记下了这两个数字"
            } else {
                ""
            };
            format!(
                "{verb}前的检查：{e} 个错误，{w} 个提示，列在页面顶部（点一项可跳到对应位置）。{verb}照常进行{recorded}。"
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_export_that_records_the_counts_says_so() {
        let check = ExportCheck {
            errors: 2,
            warnings: 1,
            explained: 0,
        };
        for e in Export::ALL {
            let said = e.notice(&check);
            assert_eq!(
                said.as_deref()
                    .is_some_and(|s| s.contains("文件中记下了这两个数字")),
                e.records_counts() && e.verb().is_some(),
                "{e:?}: {said:?}"
            );
        }
        assert_eq!(
            Export::Word.notice(&check).as_deref(),
            Some("下载 Word 前的检查：2 个错误，1 个提示，列在页面顶部（点一项可跳到对应位置）。下载 Word 照常进行，文件中记下了这两个数字。")
        );
        let none = ExportCheck {
            errors: 0,
            warnings: 0,
            explained: 0,
        };
        assert_eq!(
            Export::Print.notice(&none).as_deref(),
            Some("打印前的检查：没有发现问题。")
        );
        assert_eq!(Export::Portal.notice(&check), None);
    }
}
