//! A report file as the person chose it: bytes to text (UTF-8, or GB18030 by
//! the caller's decoder, said so), then the report, and for an HTML export
//! the places where its visible tables differ from its data. Every refusal
//! is a sentence naming the file.

use super::encoding::{classify, damaged_message, Bytes};
use super::{disagreements, import};
use crate::json::MAX_BYTES;
use crate::report::Report;

/// A file read into a report.
#[derive(Clone, Debug, PartialEq)]
pub struct FileRead {
    pub report: Report,
    /// How the file was decoded, when it was not UTF-8.
    pub note: Option<String>,
    /// An HTML export whose visible tables differ from its embedded data.
    pub differences: Vec<String>,
}

/// The refusal of a file too big to be a report, before it is read.
pub fn too_large(name: &str, bytes: f64) -> String {
    format!(
        "文件“{name}”太大（{:.1} MB），超过了本工具能读取的上限 {} MB，不像是年度报告数据。请确认选择的文件。",
        bytes / 1_048_576.0,
        MAX_BYTES / 1_048_576
    )
}

/// Reads the file `name` from its `bytes`; `legacy` decodes GB18030 (the
/// browser's decoder in the app), `None` when the bytes are not that either.
pub fn read_file(
    name: &str,
    bytes: &[u8],
    legacy: impl FnOnce(&[u8]) -> Option<String>,
) -> Result<FileRead, String> {
    if bytes.len() > MAX_BYTES {
        return Err(too_large(name, bytes.len() as f64));
    }
    let (text, note) = match classify(bytes) {
        Bytes::Utf8(text) => (text, None),
        Bytes::DamagedUtf8 { at, bad } => {
            return Err(format!("“{name}”：{}", damaged_message(at, bad)))
        }
        Bytes::Legacy => {
            let text = legacy(bytes).ok_or_else(|| {
                format!("“{name}”既不是 UTF-8 也不是 GB18030（GBK）编码的文字，可能不是报告文件或已损坏。")
            })?;
            let note = "这个文件是 GB18030（GBK）编码的（可能被其他软件另存过），已按该编码读取。请核对文字是否正确。";
            (text, Some(note.to_owned()))
        }
    };
    let report = import(&text).map_err(|e| format!("“{name}”：{e}"))?;
    let differences = if text.trim_start().starts_with('<') {
        disagreements(&text, &report)
            .iter()
            .map(|d| d.message())
            .collect()
    } else {
        Vec::new()
    };
    Ok(FileRead {
        report,
        note,
        differences,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::to_json;
    use crate::render::render_html;

    fn sample() -> Report {
        let mut r = Report::new(2024);
        r.agency.name = "东里街道办事处".into();
        r
    }

    #[test]
    fn json_and_html_exports_read_back_the_same_report() {
        let r = sample();
        let json = read_file("a.json", to_json(&r).as_bytes(), |_| None).unwrap();
        assert_eq!(json.report, r);
        assert_eq!(json.note, None);
        let html = read_file("a.html", render_html(&r).as_bytes(), |_| None).unwrap();
        assert_eq!(html.report, r);
        assert!(html.differences.is_empty());
    }

    #[test]
    fn a_legacy_file_is_decoded_by_the_caller_and_said_so() {
        let gbk = b"\xc4\xea\xb1\xa8"; // 年报 in GBK: not UTF-8
        let e = read_file("b.json", gbk, |_| Some("{}".into())).unwrap_err();
        assert!(e.starts_with("“b.json”："), "{e}");
        let e = read_file("b.json", gbk, |_| None).unwrap_err();
        assert!(e.contains("既不是 UTF-8 也不是 GB18030"), "{e}");
    }

    #[test]
    fn a_file_past_the_limit_is_refused_by_name() {
        assert!(too_large("big.json", 70.0 * 1_048_576.0).contains("太大（70.0 MB）"));
    }
}
