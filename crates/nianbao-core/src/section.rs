//! The six sections every annual report has, in both official formats (spec §2.1).

/// One of the six numbered sections of 政府信息公开工作年度报告.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    /// 一、总体情况
    Overview,
    /// 二、主动公开政府信息情况 (table 二)
    Proactive,
    /// 三、收到和处理政府信息公开申请情况 (table 三)
    Requests,
    /// 四、政府信息公开行政复议、行政诉讼情况 (table 四)
    ReviewLitigation,
    /// 五、存在的主要问题及改进情况
    Problems,
    /// 六、其他需要报告的事项
    Other,
}

impl Section {
    /// All six, in the official order.
    pub const ALL: [Section; 6] = [
        Section::Overview,
        Section::Proactive,
        Section::Requests,
        Section::ReviewLitigation,
        Section::Problems,
        Section::Other,
    ];

    /// The heading exactly as the official format prints it, numeral and 、 included.
    pub const fn heading(self) -> &'static str {
        match self {
            Section::Overview => "一、总体情况",
            Section::Proactive => "二、主动公开政府信息情况",
            Section::Requests => "三、收到和处理政府信息公开申请情况",
            Section::ReviewLitigation => "四、政府信息公开行政复议、行政诉讼情况",
            Section::Problems => "五、存在的主要问题及改进情况",
            Section::Other => "六、其他需要报告的事项",
        }
    }

    /// Stable key used in JSON, element ids and tests.
    pub const fn key(self) -> &'static str {
        match self {
            Section::Overview => "overview",
            Section::Proactive => "proactive",
            Section::Requests => "requests",
            Section::ReviewLitigation => "reviewLitigation",
            Section::Problems => "problems",
            Section::Other => "other",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_the_official_six_in_order() {
        let headings: Vec<_> = Section::ALL.iter().map(|s| s.heading()).collect();
        assert_eq!(
            headings,
            [
                "一、总体情况",
                "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况",
                "五、存在的主要问题及改进情况",
                "六、其他需要报告的事项",
            ]
        );
    }

    #[test]
    fn keys_are_unique() {
        let mut keys: Vec<_> = Section::ALL.iter().map(|s| s.key()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), 6);
    }
}
