//! What went wrong with the browser's storage, in words: the editor says
//! which problem it has (`StorageProblem`, sent with the drafts list), and the
//! drafts module, loaded when there is one, says what it means and what to
//! do. The words live here, away from the editor's first load.

use serde::{Deserialize, Serialize};

use crate::limits::{megabytes, MAX_BYTES};

/// A problem the open draft has with storage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub enum StorageProblem {
    /// The quota is used up: the stored drafts (name, bytes) and what the
    /// whole site takes.
    Quota {
        drafts: Vec<(String, usize)>,
        used: usize,
    },
    /// The draft is larger than any reader accepts (bytes).
    TooLarge { bytes: usize },
    /// Reading back gave something else than was written.
    Mismatch,
    /// Storage refused for another reason (the browser's words).
    Refused { why: String },
    /// Another window saved a newer version of this draft.
    Conflict,
    /// The stored entry of this draft cannot be read.
    Corrupt,
    /// A newer version of this tool saved this draft.
    Newer,
    /// The browser does not let this page save.
    InMemory,
}

/// What a storage banner offers besides its words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Offer {
    Nothing,
    /// Download the open report, with these words on the button.
    Download(&'static str),
    /// Load the newer version, or save this window's work as a copy.
    NewerOrCopy,
    /// Save as a new draft, or download a backup.
    CopyOrDownload,
}

/// The words on the backup button.
pub const BACKUP: &str = "下载 JSON 备份";
const KEPT_HERE: &str = "您的修改仍在本页面中。请下载 JSON 文件备份；下次修改时会自动重试。";

impl StorageProblem {
    /// The banner's title, what it means and what to do, and its offer.
    pub fn words(&self) -> (&'static str, String, Offer) {
        match self {
            StorageProblem::Quota { drafts, used } => (
                "未能保存：浏览器为本网站保留的存储空间已满",
                format!(
                    "已保存的草稿都还在，可以打开；当前的内容在本页面中，没有丢失，但新的修改存不进浏览器。请先下载 JSON 文件备份，再点“草稿”删除不需要的草稿，腾出空间后会自动重试保存。{}",
                    largest_drafts(drafts, *used)
                ),
                Offer::Download(BACKUP),
            ),
            StorageProblem::TooLarge { bytes } => (
                "未能保存：草稿太大",
                format!(
                    "这份草稿有 {} MB，超过了 {} MB 的上限，存进浏览器后将无法再打开，所以没有保存。您的内容仍在本页面中。请缩短过长的文字。",
                    megabytes(*bytes),
                    MAX_BYTES / 1_048_576
                ),
                Offer::Nothing,
            ),
            StorageProblem::Mismatch => (
                "未能保存：写入后读回的内容不一致",
                format!("浏览器的存储没有如实保存。{KEPT_HERE}"),
                Offer::Download(BACKUP),
            ),
            StorageProblem::Refused { why } => (
                "未能保存",
                format!("浏览器拒绝了保存（{why}）。{KEPT_HERE}"),
                Offer::Download(BACKUP),
            ),
            StorageProblem::Conflict => (
                "此草稿已在其他窗口中修改",
                "另一个窗口或标签页保存了这份草稿的较新版本。为了不覆盖它，本窗口的修改没有保存。请选择：载入较新的版本（放弃本窗口未保存的修改），或把本窗口的内容另存为一份副本。".into(),
                Offer::NewerOrCopy,
            ),
            // Neither is written over; the open work goes to a new draft.
            StorageProblem::Corrupt => (
                "浏览器中保存的这份草稿已损坏",
                "浏览器中这份草稿的存储内容无法读取（可能被其他程序或浏览器故障改动），这不是其他窗口的修改。为免丢失，它没有被覆盖，本窗口的修改也没有保存。请把本窗口的内容另存为新草稿；损坏的原始内容可在下方的提示中点“下载原始内容”保存，交技术人员查看。".into(),
                Offer::CopyOrDownload,
            ),
            StorageProblem::Newer => (
                "这份草稿已由更新版本的本工具保存",
                "另一个窗口用更新版本的本工具保存了这份草稿，当前版本无法读取它，为免覆盖，本窗口的修改没有保存。请把本窗口的内容另存为新草稿，并刷新页面使用最新版本。".into(),
                Offer::CopyOrDownload,
            ),
            StorageProblem::InMemory => (
                "浏览器不允许本页面保存草稿",
                "可能是处于无痕（隐私）模式，或本页嵌在门户网站中而浏览器限制了存储。现在可以照常填写，但内容只在本页面中，关闭或刷新后会丢失。请随时下载 JSON 文件保存工作。".into(),
                Offer::Download("下载 JSON"),
            ),
        }
    }
}

/// The drafts that take the most room, and what else fills the quota.
fn largest_drafts(drafts: &[(String, usize)], all: usize) -> String {
    let mut rows: Vec<_> = drafts.iter().filter(|(_, b)| *b > 0).collect();
    rows.sort_by_key(|(_, b)| std::cmp::Reverse(*b));
    let total: usize = rows.iter().map(|(_, b)| b).sum();
    let mut out = String::new();
    if !rows.is_empty() {
        let list: Vec<String> = rows
            .iter()
            .take(5)
            .map(|(name, b)| format!("“{name}”约 {}", size_text(*b)))
            .collect();
        out = format!(
            "浏览器中现有 {} 份草稿，共约 {}；占用最多的是：{}。",
            rows.len(),
            size_text(total),
            list.join("，")
        );
    }
    // Other pages of the same site share the quota.
    let others = all.saturating_sub(total);
    if others > total {
        out.push_str(&format!(
            "另有约 {} 是本网站其他页面保存的数据，不属于本工具：删除草稿腾不出这部分空间，可请网站管理员处理，或在浏览器设置中清除本网站的其他数据（清除前请先下载草稿备份）。",
            size_text(others)
        ));
    }
    out
}

/// A size in KB (rounded up) or MB.
pub fn size_text(bytes: usize) -> String {
    if bytes >= 1_048_576 {
        format!("{} MB", megabytes(bytes))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_storage_names_the_five_largest_drafts_and_what_else_fills_it() {
        let drafts: Vec<_> = (1..=7)
            .map(|i| (format!("草稿{i}"), i * 10_240))
            .chain([("空".to_owned(), 0)])
            .collect();
        let (title, body, offer) = StorageProblem::Quota {
            drafts,
            used: 5_000_000,
        }
        .words();
        assert!(title.contains("存储空间已满"));
        assert_eq!(offer, Offer::Download(BACKUP));
        assert!(body.contains(
            "浏览器中现有 7 份草稿，共约 280 KB；占用最多的是：“草稿7”约 70 KB，“草稿6”约 60 KB"
        ));
        assert!(!body.contains("草稿2”"), "only the five largest");
        assert!(body.contains("另有约 4.5 MB 是本网站其他页面保存的数据"));
        let (_, body, _) = StorageProblem::Quota {
            drafts: vec![("甲".into(), 2048)],
            used: 3000,
        }
        .words();
        assert!(!body.contains("其他页面"), "the drafts fill most of it");
    }

    #[test]
    fn every_problem_says_what_to_do_and_offers_a_way_out() {
        let all = [
            StorageProblem::Quota {
                drafts: vec![],
                used: 0,
            },
            StorageProblem::TooLarge {
                bytes: 12 * 1_048_576,
            },
            StorageProblem::Mismatch,
            StorageProblem::Refused {
                why: "SecurityError".into(),
            },
            StorageProblem::Conflict,
            StorageProblem::Corrupt,
            StorageProblem::Newer,
            StorageProblem::InMemory,
        ];
        for p in all {
            let (title, body, offer) = p.words();
            assert!(!title.is_empty() && body.chars().count() > 20, "{p:?}");
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(serde_json::from_str::<StorageProblem>(&json).unwrap(), p);
            if matches!(p, StorageProblem::TooLarge { .. }) {
                assert_eq!(offer, Offer::Nothing);
                assert!(body.contains("12.0 MB"));
            }
        }
        assert_eq!(size_text(1), "1 KB");
        assert_eq!(size_text(1_048_576), "1.0 MB");
    }
}
