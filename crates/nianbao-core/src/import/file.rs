//! A report file as the person chose it: bytes to text (UTF-8, or GB18030 by
//! the caller's decoder, said so), then the report — this app's JSON or HTML
//! export, or a published report (a saved web page, text copied from a PDF or
//! a page) recognised by its labels — and for an HTML export the places where
//! its visible tables differ from its data. Every refusal is a sentence naming
//! the file.

use super::encoding::{classify, damaged_message, Bytes};
use super::published::{recognise, review_html, Certainty};
use super::{disagreements, embedded_data, import};
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
    /// A published report recognised by its labels: how sure each cell is.
    pub recognition: Option<Recognition>,
}

/// What recognising a published report found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recognition {
    /// Cells placed by their row's label (or where order leaves one way).
    pub recognised: usize,
    /// Cells placed by order alone, by name: to check against the source.
    pub uncertain: Vec<String>,
    /// Cells not in the source or not placeable without guessing.
    pub not_found: usize,
    /// What could not be placed or was read in a particular way.
    pub notes: Vec<String>,
    /// The three tables as recognised, each value cell marked (`review_html`).
    pub review_html: String,
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
/// browser's decoder in the app), `None` when the bytes are not that either;
/// `page_text` gives a web page's text, its tables one row per line with `|`
/// between cells (the browser's parser in the app: nothing in it runs).
pub fn read_file(
    name: &str,
    bytes: &[u8],
    legacy: impl FnOnce(&[u8]) -> Option<String>,
    page_text: impl FnOnce(&str) -> Option<String>,
) -> Result<FileRead, String> {
    if bytes.len() > MAX_BYTES {
        return Err(too_large(name, bytes.len() as f64));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let text = super::docx::docx_text(bytes).map_err(|e| format!("“{name}”{e}"))?;
        return published(name, &text, None);
    }
    if bytes.starts_with(b"%PDF") {
        return Err(format!(
            "“{name}”是 PDF 文件，不能直接导入。请在 PDF 阅读器中全选并复制报告的文字，粘贴到记事本保存为 .txt 文件后再导入。"
        ));
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
    let head = text.trim_start_matches('\u{feff}').trim_start();
    let html = head.starts_with('<');
    // A .json file is this app's data, whatever it holds (its errors are
    // JSON errors); a page or a text is ours only with our data in it.
    let json = name.to_ascii_lowercase().ends_with(".json");
    let ours = json
        || if html {
            embedded_data(&text).is_some()
        } else {
            head.starts_with('{')
        };
    if !ours {
        let source = if html {
            page_text(&text).ok_or_else(|| format!("无法读取网页“{name}”的内容。"))?
        } else {
            text
        };
        return published(name, &source, note);
    }
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
        recognition: None,
    })
}

/// A published report's text, recognised; refused when no table is found.
fn published(name: &str, text: &str, note: Option<String>) -> Result<FileRead, String> {
    let r = recognise(text);
    let placed = r.count(Certainty::Recognised) + r.count(Certainty::Uncertain);
    if placed == 0 {
        return Err(format!(
            "“{name}”中没有找到年度报告的统计表格。可以导入本工具导出的 JSON 或 HTML 文件、保存下来的已发布报告网页，或从 PDF、网页复制下来的报告文字（.txt）。"
        ));
    }
    let t = r.report.template();
    let uncertain = (0..t.cells.len())
        .map(|i| crate::template::CellId(i as u16))
        .filter(|c| r.source(*c).certainty == Certainty::Uncertain)
        .map(|c| format!("{}“{}”", t.def(c).table.name(), t.def(c).name()))
        .collect();
    Ok(FileRead {
        recognition: Some(Recognition {
            recognised: r.count(Certainty::Recognised),
            uncertain,
            not_found: r.count(Certainty::NotFound),
            review_html: review_html(&r, &text.lines().collect::<Vec<_>>()),
            notes: r.notes,
        }),
        report: r.report,
        note,
        differences: Vec::new(),
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
        let json = read_file("a.json", to_json(&r).as_bytes(), |_| None, |_| None).unwrap();
        assert_eq!(json.report, r);
        assert_eq!(json.note, None);
        let html = read_file("a.html", render_html(&r).as_bytes(), |_| None, |_| None).unwrap();
        assert_eq!(html.report, r);
        assert!(html.differences.is_empty());
    }

    #[test]
    fn a_legacy_file_is_decoded_by_the_caller_and_said_so() {
        let gbk = b"\xc4\xea\xb1\xa8"; // 年报 in GBK: not UTF-8
        let e = read_file("b.json", gbk, |_| Some("{}".into()), |_| None).unwrap_err();
        assert!(e.starts_with("“b.json”："), "{e}");
        let e = read_file("b.json", gbk, |_| None, |_| None).unwrap_err();
        assert!(e.contains("既不是 UTF-8 也不是 GB18030"), "{e}");
    }

    #[test]
    fn published_text_and_pages_are_recognised_and_other_text_refused() {
        let text = "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |";
        let read = read_file("r.txt", text.as_bytes(), |_| None, |_| None).unwrap();
        let r = read.recognition.unwrap();
        assert_eq!((r.recognised, r.uncertain.len()), (14, 0));
        assert_eq!(
            read.report
                .value(crate::template::TableId::Requests, "carriedOver", "total"),
            Some(1)
        );
        // A page: its text as the browser gives it.
        let page = read_file(
            "p.html",
            b"<html><table>...</table></html>",
            |_| None,
            |_| Some(text.to_owned()),
        )
        .unwrap();
        assert_eq!(page.report, read.report);
        let e = read_file(
            "n.txt",
            "一段与报告无关的文字。".as_bytes(),
            |_| None,
            |_| None,
        )
        .unwrap_err();
        assert!(e.contains("没有找到年度报告的统计表格"), "{e}");
        let e = read_file("r.pdf", b"%PDF-1.7\n...", |_| None, |_| None).unwrap_err();
        assert!(e.contains("复制报告的文字"), "{e}");
        let e = read_file("n.html", b"<html></html>", |_| None, |_| None).unwrap_err();
        assert!(e.contains("无法读取网页"), "{e}");
    }

    #[test]
    fn a_file_past_the_limit_is_refused_by_name() {
        assert!(too_large("big.json", 70.0 * 1_048_576.0).contains("太大（70.0 MB）"));
    }
}
