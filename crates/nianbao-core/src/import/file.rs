//! A report file as the person chose it: bytes to text (UTF-8, or GB18030 by
//! the caller's decoder, said so), then the report — this app's JSON or HTML
//! export, or a published report (a saved web page, text copied from a PDF or
//! a page) recognised by its labels — and for an HTML export the places where
//! its visible tables differ from its data. Every refusal is a sentence naming
//! the file.

use super::encoding::{
    charset_name, classify, damaged_message, declared_charset, is_gbk_family, Bytes,
};
use super::page::page_text;
use super::published::{recognise, review_html, Certainty};
use super::{disagreements, embedded_data, import, recognised_disagreements};
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
    /// A 报送包's replies to the office's comments.
    pub replies: Vec<crate::review::Reply>,
    /// A 退回意见 file (then `report` is only its agency and year).
    pub review: Option<crate::review::Review>,
}

/// What recognising a published report found.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
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
    /// The text printed the report year (else a stand-in year was used).
    pub year_found: bool,
}

/// A `FileRead` as it crosses from the file module to the page: the
/// report as the app's current JSON (read back by the strict reader), the
/// rest as it is.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire {
    report: String,
    note: Option<String>,
    differences: Vec<String>,
    recognition: Option<Recognition>,
    #[serde(default)]
    replies: Vec<crate::review::Reply>,
    #[serde(default)]
    review: Option<crate::review::Review>,
}

impl FileRead {
    /// It as JSON, for the page.
    pub fn to_wire(&self) -> String {
        let wire = Wire {
            report: crate::json::to_json(&self.report),
            note: self.note.clone(),
            differences: self.differences.clone(),
            recognition: self.recognition.clone(),
            replies: self.replies.clone(),
            review: self.review.clone(),
        };
        serde_json::to_string(&wire).unwrap_or_default()
    }

    /// Only the report of `to_wire`'s JSON (the rest skipped unread): for a
    /// page that needs nothing else, without the readers of the rest.
    pub fn report_from_wire(text: &str) -> Result<Report, String> {
        #[derive(serde::Deserialize)]
        struct ReportOnly {
            report: String,
        }
        let wire: ReportOnly = serde_json::from_str(text).map_err(|e| e.to_string())?;
        crate::json::read_current(&wire.report).map_err(|e| e.to_string())
    }

    /// It read back from `to_wire`'s JSON.
    pub fn from_wire(text: &str) -> Result<FileRead, String> {
        let wire: Wire = serde_json::from_str(text).map_err(|e| e.to_string())?;
        Ok(FileRead {
            report: crate::json::read_current(&wire.report).map_err(|e| e.to_string())?,
            note: wire.note,
            differences: wire.differences,
            recognition: wire.recognition,
            replies: wire.replies,
            review: wire.review,
        })
    }
}

impl Recognition {
    /// What was recognised, in a line (the 汇总 list's note on a unit).
    pub fn summary(&self) -> String {
        format!(
            "由已发布的报告识别：{} 格已识别，{} 格需核对，{} 格未找到",
            self.recognised,
            self.uncertain.len(),
            self.not_found
        )
    }

    /// What was recognised and how it is to be read, in a sentence (the
    /// importer's notice).
    pub fn headline(&self) -> String {
        format!(
            "这不是本工具导出的文件，已按表格的标签识别：识别 {} 格，需要对照原文核对 {} 格，原文中没有或无法确定位置的 {} 格留空。数字按原文（合计也按原文，不重新计算）。",
            self.recognised,
            self.uncertain.len(),
            self.not_found
        )
    }
}

/// The refusal of a file too big to be a report, before it is read.
pub fn too_large(name: &str, bytes: usize) -> String {
    format!(
        "文件“{name}”太大（{} MB），超过了本工具能读取的上限 {} MB，不像是年度报告数据。请确认选择的文件。",
        crate::limits::megabytes(bytes),
        MAX_BYTES / 1_048_576
    )
}

/// Reads the file `name` from its `bytes`; `legacy` decodes a legacy
/// encoding by its WHATWG label (the browser's decoder in the app), `None`
/// when the bytes are not in it. A web page's text is read by
/// `page::page_text`: nothing in it runs.
pub fn read_file(
    name: &str,
    bytes: &[u8],
    legacy: impl FnOnce(&[u8], &str) -> Option<String>,
) -> Result<FileRead, String> {
    if bytes.len() > MAX_BYTES {
        return Err(too_large(name, bytes.len()));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let text = super::docx::docx_text(bytes).map_err(|e| format!("“{name}”{e}"))?;
        // A Word file this app made carries its report: read exactly, and
        // where its tables were changed by hand, say so cell by cell.
        if let Some(data) = super::docx::docx_data(bytes) {
            let report = import(&data).map_err(|e| format!("“{name}”：{e}"))?;
            let differences = recognised_disagreements(&recognise(&text), &report)
                .iter()
                .map(|d| d.message())
                .collect();
            return Ok(FileRead {
                report,
                note: Some(
                    "这个 Word 文件是本工具导出的，已按文件中保存的报告数据读取，与导出时完全相同。"
                        .to_owned(),
                ),
                differences,
                recognition: None,
                replies: Vec::new(),
                review: None,
            });
        }
        return published(name, &text, None, Vec::new());
    }
    if bytes.starts_with(b"%PDF") {
        return Err(format!(
            "“{name}”是 PDF 文件，不能直接导入。请在 PDF 阅读器中全选并复制报告的文字，粘贴到记事本保存为 .txt 文件后再导入。"
        ));
    }
    let (text, note) = decode(name, bytes, legacy)?;
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
        if !html {
            return published(name, &text, note, Vec::new());
        }
        let page = page_text(&text).map_err(|why| format!("“{name}”：{why}"))?;
        let notes = page.hidden_note().into_iter().collect();
        return published(name, &page.text, note, notes);
    }
    if !html && text.contains(crate::review::SCHEMA_ID) {
        if let Some(read) = review(name, &text)? {
            return Ok(read);
        }
    }
    if !html && text.contains(crate::submission::SCHEMA_ID) {
        if let Some(read) = package(name, &text, note.clone())? {
            return Ok(read);
        }
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
        replies: Vec::new(),
        review: None,
    })
}

/// A 报送包 (its schema says so): its report, checked against its fingerprint,
/// and what the package says of it; `None` when the JSON is not a package.
fn package(name: &str, text: &str, note: Option<String>) -> Result<Option<FileRead>, String> {
    let is_package = crate::json::parse(text)
        .ok()
        .and_then(|v| v.get("schema").and_then(|s| s.as_str().map(str::to_owned)))
        .is_some_and(|s| s == crate::submission::SCHEMA_ID);
    if !is_package {
        return Ok(None);
    }
    let got = crate::submission::read_package(text).map_err(|e| format!("“{name}”：{e}"))?;
    let c = got.export_check;
    let said = format!(
        "这是报送包，报告指纹 {}，与包内的报告一致（未被改动）。生成于 {}，当时检查：{} 个错误，{} 个提示（其中 {} 个已说明原因）。",
        got.fingerprint.code(),
        got.made_at,
        c.errors,
        c.warnings,
        c.explained
    );
    let note = Some(match note {
        Some(n) => format!("{n} {said}"),
        None => said,
    });
    Ok(Some(FileRead {
        report: got.report,
        note,
        differences: Vec::new(),
        recognition: None,
        replies: got.replies,
        review: None,
    }))
}

/// A 退回意见 file (its schema says so), read strictly; `None` when the
/// JSON is something else.
fn review(name: &str, text: &str) -> Result<Option<FileRead>, String> {
    let schema = crate::json::parse(text)
        .ok()
        .and_then(|v| v.get("schema").and_then(|s| s.as_str().map(str::to_owned)));
    if schema.as_deref() != Some(crate::review::SCHEMA_ID) {
        return Ok(None);
    }
    let review = crate::review::read(text).map_err(|e| format!("“{name}”：{e}"))?;
    let mut report = Report::new(review.year);
    report.agency.name = review.agency.clone();
    Ok(Some(FileRead {
        report,
        note: None,
        differences: Vec::new(),
        recognition: None,
        replies: Vec::new(),
        review: Some(review),
    }))
}

/// The bytes as text, and how they were decoded when not as UTF-8: a page's
/// declared encoding is followed when the bytes are not UTF-8.
fn decode(
    name: &str,
    bytes: &[u8],
    legacy: impl FnOnce(&[u8], &str) -> Option<String>,
) -> Result<(String, Option<String>), String> {
    let declared = declared_charset(bytes).filter(|l| !matches!(l.as_str(), "utf-8" | "utf8"));
    match classify(bytes) {
        Bytes::Utf8(text) => Ok((text, None)),
        Bytes::Utf16(Some(text)) => Ok((
            text,
            Some("这个文件是 UTF-16 编码的，已按该编码读取。请核对文字是否正确。".to_owned()),
        )),
        Bytes::Utf16(None) => Err(format!(
            "“{name}”是 UTF-16 编码的文字，但其中有损坏的字符，为免读错，没有导入。请使用原始文件，或用记事本另存为 UTF-8 后再试。"
        )),
        Bytes::DamagedUtf8 { at, bad } if declared.is_none() => {
            Err(format!("“{name}”：{}", damaged_message(at, bad)))
        }
        Bytes::DamagedUtf8 { .. } | Bytes::Legacy => {
            let label = declared.unwrap_or_else(|| "gb18030".to_owned());
            let what = charset_name(&label);
            let text = legacy(bytes, &label).ok_or_else(|| {
                if is_gbk_family(&label) {
                    format!("“{name}”既不是 UTF-8 也不是 GB18030（GBK）编码的文字，可能不是报告文件或已损坏。")
                } else {
                    format!("“{name}”声明为 {what}编码，但内容不是有效的 {what}文字，可能已损坏，没有导入。")
                }
            })?;
            let note = format!(
                "这个文件是 {what}编码的（可能被其他软件另存过），已按该编码读取。请核对文字是否正确。"
            );
            Ok((text, Some(note)))
        }
    }
}

/// A PDF file, from the pieces of text pdf.js found on its pages (with
/// where each sits) and the rules drawn there: its tables rebuilt by
/// position and borders, then recognised. A PDF with no text (a scan) is
/// refused in words.
pub fn read_pdf(name: &str, pdf: &super::pdf::PdfRead) -> Result<FileRead, String> {
    let chars: usize = pdf.pieces.iter().map(|p| p.s.trim().chars().count()).sum();
    if chars < 20 {
        return Err(format!(
            "“{name}”是扫描件（图片），没有文字层，无法读出其中的数字。请使用原始的 Word 或网页版报告，或对照扫描件手工填写。"
        ));
    }
    let pdf = super::pdf::pdf_text(&pdf.pieces, &pdf.rules);
    published_at(name, &pdf.text, None, pdf.notes, Some(&pdf.places))
}

/// A published report's text, recognised; refused when no table is found.
/// `notes` are said in the review before the recognition's own.
fn published(
    name: &str,
    text: &str,
    note: Option<String>,
    notes: Vec<String>,
) -> Result<FileRead, String> {
    published_at(name, text, note, notes, None)
}

fn published_at(
    name: &str,
    text: &str,
    note: Option<String>,
    mut notes: Vec<String>,
    places: Option<&[(u32, usize)]>,
) -> Result<FileRead, String> {
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
            review_html: review_html(&r, &text.lines().collect::<Vec<_>>(), places),
            year_found: r.year_found,
            notes: {
                notes.extend(r.notes);
                notes
            },
        }),
        report: r.report,
        note,
        differences: Vec::new(),
        replies: Vec::new(),
        review: None,
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
        let json = read_file("a.json", to_json(&r).as_bytes(), |_, _| None).unwrap();
        assert_eq!(json.report, r);
        assert_eq!(json.note, None);
        let html = read_file("a.html", render_html(&r).as_bytes(), |_, _| None).unwrap();
        assert_eq!(html.report, r);
        assert!(html.differences.is_empty());
    }

    #[test]
    fn a_file_read_crosses_to_the_page_whole() {
        let text = "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |";
        let read = read_file("r.txt", text.as_bytes(), |_, _| None).unwrap();
        assert!(read.recognition.is_some());
        assert_eq!(
            FileRead::report_from_wire(&read.to_wire()),
            Ok(read.report.clone())
        );
        assert_eq!(FileRead::from_wire(&read.to_wire()), Ok(read));
        let mut html = read_file("a.html", render_html(&sample()).as_bytes(), |_, _| None).unwrap();
        html.note = Some("按 GB18030 解码".into());
        html.differences = vec!["表三某格".into()];
        assert_eq!(FileRead::from_wire(&html.to_wire()), Ok(html));
        // Anything else is refused, not half read.
        assert!(FileRead::from_wire(
            r#"{"report":"{}","note":null,"differences":[],"recognition":null,"x":1}"#
        )
        .is_err());
    }

    #[test]
    fn a_legacy_file_is_decoded_by_the_caller_and_said_so() {
        let gbk = b"\xc4\xea\xb1\xa8"; // 年报 in GBK: not UTF-8
        let e = read_file("b.json", gbk, |_, _| Some("{}".into())).unwrap_err();
        assert!(e.starts_with("“b.json”："), "{e}");
        let e = read_file("b.json", gbk, |_, _| None).unwrap_err();
        assert!(e.contains("既不是 UTF-8 也不是 GB18030"), "{e}");
    }

    #[test]
    fn published_text_and_pages_are_recognised_and_other_text_refused() {
        let text = "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |";
        let read = read_file("r.txt", text.as_bytes(), |_, _| None).unwrap();
        let r = read.recognition.unwrap();
        assert_eq!((r.recognised, r.uncertain.len()), (14, 0));
        assert_eq!(
            read.report
                .value(crate::template::TableId::Requests, "carriedOver", "total"),
            Some(1)
        );
        // A page: each table row a line.
        let html = "<html><body><table><tr><td>一、本年新收政府信息公开申请数量</td><td>3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr>\
            <tr><td>二、上年结转政府信息公开申请数量</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr></table></body></html>";
        let page = read_file("p.html", html.as_bytes(), |_, _| None).unwrap();
        assert_eq!(page.report, read.report);
        let e = read_file("n.txt", "一段与报告无关的文字。".as_bytes(), |_, _| None).unwrap_err();
        assert!(e.contains("没有找到年度报告的统计表格"), "{e}");
        let e = read_file("r.pdf", b"%PDF-1.7\n...", |_, _| None).unwrap_err();
        assert!(e.contains("复制报告的文字"), "{e}");
        let e = read_file("n.html", b"<html></html>", |_, _| None).unwrap_err();
        assert!(e.contains("没有找到年度报告的统计表格"), "{e}");
    }

    #[test]
    fn a_file_past_the_limit_is_refused_by_name() {
        assert!(too_large("big.json", 70 * 1_048_576).contains("太大（70.0 MB）"));
    }
}
