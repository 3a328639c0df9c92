//! Word files (.docx): the document part taken out of the zip (inflated by
//! miniz_oxide, with a ceiling against zip bombs), read as XML (roxmltree:
//! no DTDs, so no entity expansion), and given as text for the recognition
//! of published reports — a paragraph per line, a table row per line with
//! `|` between its cells. A cell that continues a vertical merge is left out
//! (its label was given in the row where the merge starts); a cell spanning
//! columns is one cell.

use roxmltree::{Document, Node};

/// The largest document part read, unpacked (a report's is well under 1 MB).
const MAX_PART: usize = 16 * 1024 * 1024;
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?) as usize)
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?) as usize)
}

const NOT_WORD: &str = "不是有效的 Word（.docx）文件，可能已损坏，或是其他格式（如 .doc、.xlsx）。请用 Word 或 WPS 另存为 .docx 后再导入。";
const TOO_BIG: &str =
    "解压后的内容超过 16 MB，不像是年度报告（文件可能是特意构造的“压缩炸弹”），没有读取。";

/// The unpacked bytes of the zip entry `name`.
fn part(zip: &[u8], name: &str) -> Result<Vec<u8>, String> {
    // The end-of-central-directory record, within the last 64 KB + 22 bytes.
    let from = zip.len().saturating_sub(65_557);
    let eocd = (from..zip.len().saturating_sub(21))
        .rev()
        .find(|&i| zip[i..].starts_with(b"PK\x05\x06"))
        .ok_or(NOT_WORD)?;
    let entries = u16_at(zip, eocd + 10).ok_or(NOT_WORD)?;
    let mut at = u32_at(zip, eocd + 16).ok_or(NOT_WORD)?;
    for _ in 0..entries {
        if !zip.get(at..).is_some_and(|r| r.starts_with(b"PK\x01\x02")) {
            return Err(NOT_WORD.into());
        }
        let method = u16_at(zip, at + 10).ok_or(NOT_WORD)?;
        let packed = u32_at(zip, at + 20).ok_or(NOT_WORD)?;
        let size = u32_at(zip, at + 24).ok_or(NOT_WORD)?;
        let name_len = u16_at(zip, at + 28).ok_or(NOT_WORD)?;
        let skip = name_len
            + u16_at(zip, at + 30).ok_or(NOT_WORD)?
            + u16_at(zip, at + 32).ok_or(NOT_WORD)?;
        let local = u32_at(zip, at + 42).ok_or(NOT_WORD)?;
        let entry = zip.get(at + 46..at + 46 + name_len).ok_or(NOT_WORD)?;
        at += 46 + skip;
        if entry != name.as_bytes() {
            continue;
        }
        if size > MAX_PART {
            return Err(TOO_BIG.into());
        }
        if !zip
            .get(local..)
            .is_some_and(|r| r.starts_with(b"PK\x03\x04"))
        {
            return Err(NOT_WORD.into());
        }
        let start = local
            + 30
            + u16_at(zip, local + 26).ok_or(NOT_WORD)?
            + u16_at(zip, local + 28).ok_or(NOT_WORD)?;
        let data = zip.get(start..start + packed).ok_or(NOT_WORD)?;
        return match method {
            0 => Ok(data.to_vec()),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_PART).map_err(|e| {
                if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
                    TOO_BIG.into()
                } else {
                    NOT_WORD.into()
                }
            }),
            _ => Err(NOT_WORD.into()),
        };
    }
    Err(NOT_WORD.into())
}

fn is(node: &Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(W)
}

/// The text of a paragraph or cell: its runs' text, tabs as spaces.
fn text(node: &Node) -> String {
    node.descendants()
        .filter_map(|n| {
            if is(&n, "t") {
                n.text().map(str::to_owned)
            } else if is(&n, "tab") || is(&n, "br") {
                Some(" ".to_owned())
            } else {
                None
            }
        })
        .collect()
}

/// Whether a cell continues a vertical merge from the row above.
fn continues_merge(cell: &Node) -> bool {
    cell.children()
        .filter(|n| is(n, "tcPr"))
        .flat_map(|p| p.children())
        .find(|n| is(n, "vMerge"))
        .is_some_and(|m| m.attribute((W, "val")).is_none_or(|v| v == "continue"))
}

/// The document's paragraphs and tables in order, walked with an explicit
/// stack: a file nested thousands deep costs no call stack (the wasm stack
/// is small, and a trap there would take the module down).
fn walk(root: Node, out: &mut Vec<String>) {
    let mut stack = vec![root.children()];
    while let Some(children) = stack.last_mut() {
        let Some(child) = children.next() else {
            stack.pop();
            continue;
        };
        if is(&child, "p") {
            let t = text(&child);
            if !t.trim().is_empty() {
                out.push(t.trim().to_owned());
            }
        } else if is(&child, "tbl") {
            for row in child.children().filter(|n| is(n, "tr")) {
                let cells: Vec<String> = row
                    .children()
                    .filter(|n| is(n, "tc") && !continues_merge(n))
                    .map(|c| text(&c).split_whitespace().collect::<Vec<_>>().join(" "))
                    .collect();
                if !cells.is_empty() {
                    out.push(format!("| {} |", cells.join(" | ")));
                }
            }
        } else if child.is_element() {
            stack.push(child.children());
        }
    }
}

/// The report data a Word file made by this app carries (its custom XML
/// part in `render::DATA_NS`), if it has one. Word numbers such parts
/// itself when it saves a file again, so each is looked at.
pub fn docx_data(bytes: &[u8]) -> Option<String> {
    (1..=16).find_map(|i| {
        let xml = part(bytes, &format!("customXml/item{i}.xml")).ok()?;
        let xml = String::from_utf8(xml).ok()?;
        let doc = Document::parse(&xml).ok()?;
        let root = doc.root_element();
        (root.tag_name().namespace() == Some(crate::render::DATA_NS)
            && root.tag_name().name() == "nianbao")
            .then(|| root.text().unwrap_or_default().to_owned())
    })
}

/// A Word file's text (see the module note), or why it cannot be read.
pub fn docx_text(bytes: &[u8]) -> Result<String, String> {
    let xml = part(bytes, "word/document.xml")?;
    let xml = String::from_utf8(xml).map_err(|_| NOT_WORD.to_owned())?;
    let doc = Document::parse(&xml).map_err(|_| NOT_WORD.to_owned())?;
    let mut out = Vec::new();
    walk(doc.root_element(), &mut out);
    Ok(out.join("\n"))
}
