//! The publishable HTML: official structure, exact round trip through the
//! embedded JSON, and nothing a user types can become markup.

mod common;

use common::arb_report;
use nianbao_core::carry::carry_forward;
use nianbao_core::import::{from_html, import};
use nianbao_core::json::{from_json, DecodeError};
use nianbao_core::render::render_html;
use nianbao_core::report::{Aspect, Field, Part};
use nianbao_core::template::{TableId, TemplateId};
use nianbao_core::{Report, Section};
use proptest::prelude::*;

fn fixture(name: &str) -> Report {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_document_has_the_official_structure() {
    for (name, t3_rowspan) in [("base-f2021.json", 22), ("base-f2019.json", 20)] {
        let r = fixture(name);
        let html = render_html(&r);
        assert!(
            html.starts_with("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
        );
        assert!(html.contains(&format!("<title>{}</title>", r.title())));
        let mut at = 0;
        for section in Section::ALL {
            let h = format!("<h2>{}</h2>", section.heading());
            let i = html[at..]
                .find(&h)
                .unwrap_or_else(|| panic!("{h} in order"))
                + at;
            at = i;
        }
        assert!(html.contains(&format!(
            "<th class=\"row\" scope=\"rowgroup\" rowspan=\"{t3_rowspan}\">三、本年度办理结果</th>"
        )));
        assert!(html.contains("<td rowspan=\"3\" colspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>"));
        // Every data cell has its stable id.
        for def in &r.template().cells {
            assert!(
                html.contains(&format!("id=\"{}\"", def.dom_id())),
                "{}",
                def.dom_id()
            );
        }
        assert!(html.contains("<td class=\"num\" id=\"table3-newReceived-total\">22</td>"));
        assert!(
            !html.contains("http://") && !html.contains("https://") && !html.contains("src="),
            "no external resource"
        );
        assert_eq!(html.matches("<script").count(), 1, "only the JSON block");
        assert!(html.contains("<script type=\"application/json\" id=\"nianbao-report\">"));
    }
    let html = render_html(&fixture("base-f2021.json"));
    assert!(html.contains("<h3>（一）主动公开</h3>"));
    assert!(html.contains("<td class=\"num\" id=\"fee-billed\">200</td>"));
    assert!(html.contains("<p>示例区发展和改革局</p><p>2025年1月20日</p>"));
}

#[test]
fn exported_html_imports_back_exactly() {
    for name in ["base-f2021.json", "base-f2019.json"] {
        let r = fixture(name);
        assert_eq!(from_html(&render_html(&r)).unwrap(), r);
        assert_eq!(import(&render_html(&r)).unwrap(), r);
    }
    assert_eq!(
        import("<!DOCTYPE html><p>别的网页</p>"),
        Err(DecodeError::NoEmbeddedData)
    );
    assert!(matches!(import("{\"x\":1}"), Err(DecodeError::NotOurs)));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]
    #[test]
    fn html_round_trip_is_the_identity(report in arb_report()) {
        let back = from_html(&render_html(&report)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, report);
    }
}

/// Tag names with their attribute names, in document order.
fn tags(html: &str) -> Vec<String> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'<'
            && i + 1 < bytes.len()
            && (bytes[i + 1].is_ascii_alphabetic() || bytes[i + 1] == b'/' || bytes[i + 1] == b'!')
        {
            let end = html[i..].find('>').map_or(html.len(), |e| i + e);
            let inside = &html[i + 1..end];
            let name = inside
                .split([' ', '\t', '\n'])
                .next()
                .unwrap_or("")
                .to_lowercase();
            let attrs: Vec<&str> = inside
                .split(' ')
                .skip(1)
                .map(|a| a.split('=').next().unwrap_or(""))
                .collect();
            out.push(format!("{name} {}", attrs.join(",")));
            i = end;
        }
        i += 1;
    }
    out
}

fn fill_every_text(r: &mut Report, text: &str) {
    for f in [
        Field::AgencyName,
        Field::Region,
        Field::OverviewText,
        Field::Problems,
        Field::OtherText,
    ] {
        r.set_field_text(f, text.to_owned());
    }
    for a in Aspect::ALL {
        r.set_field_text(Field::Aspect(a), text.to_owned());
    }
    r.overview.parts = vec![Part {
        title: text.to_owned(),
        text: text.to_owned(),
    }];
}

#[test]
fn hostile_text_renders_as_text_and_cannot_leave_the_json_block() {
    let path = format!(
        "{}/tests/fixtures/xss-corpus.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let corpus: Vec<String> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(
        corpus.len() >= 200,
        "the corpus has {} strings",
        corpus.len()
    );
    for template in [TemplateId::F2019, TemplateId::F2021] {
        for hostile in &corpus {
            // The same text with every markup character defused: same lines, same paragraphs.
            let defused: String = hostile
                .chars()
                .map(|c| if "<>&\"'`".contains(c) { 'x' } else { c })
                .collect();
            let mut safe = Report::with_template(2024, template);
            fill_every_text(&mut safe, &defused);
            let baseline = tags(&render_html(&safe));
            let mut r = Report::with_template(2024, template);
            fill_every_text(&mut r, hostile);
            let html = render_html(&r);
            // The same elements and attributes as with harmless text: nothing typed became markup.
            assert_eq!(tags(&html), baseline, "{hostile:?}");
            // The JSON block holds no '<' at all, so no `</script>` or `<!--` can end it.
            let start = html.find("id=\"nianbao-report\">").unwrap();
            let end = html[start..].find("</script>").unwrap() + start;
            assert!(!html[start + 20..end].contains('<'), "{hostile:?}");
            // And what was typed comes back exactly.
            let back = from_html(&html).unwrap();
            assert_eq!(back.problems, *hostile);
            assert_eq!(back.agency.name, *hostile);
        }
    }
}

#[test]
fn last_years_report_fills_carried_over_and_checks_the_years() {
    let mut last = fixture("base-f2021.json");
    last.year = 2023;
    let mut now = Report::new(2024);
    let filled = carry_forward(&mut now, &last).unwrap();
    assert_eq!(filled.len(), 1);
    assert_eq!(
        now.value(TableId::Requests, "carriedOver", "natural"),
        Some(3)
    );
    assert_eq!(
        now.value(TableId::Requests, "carriedOver", "commercial"),
        Some(1)
    );
    assert_eq!(
        now.value(TableId::Requests, "carriedOver", "total"),
        Some(4)
    );
    let mut wrong = Report::new(2026);
    assert_eq!(
        carry_forward(&mut wrong, &last),
        Err(nianbao_core::carry::CarryError::WrongYear {
            found: 2023,
            expected: 2025
        })
    );
    // 2019 format: 上一年项目数量 from last year's figures.
    let mut last19 = fixture("base-f2019.json");
    last19.year = 2019;
    let mut now19 = Report::new(2020);
    let filled = carry_forward(&mut now19, &last19).unwrap();
    assert_eq!(filled.len(), 6);
    assert_eq!(
        now19.value(TableId::Proactive, "licensing", "prevCount"),
        Some(32)
    );
    assert_eq!(
        now19.value(TableId::Proactive, "otherServices", "prevCount"),
        Some(9)
    );
}

/// Strict reading: an export whose visible tables were edited by hand is
/// shown cell by cell; an untouched one agrees with itself.
#[test]
fn edited_visible_tables_are_found_cell_by_cell() {
    use nianbao_core::import::disagreements;
    for name in ["base-f2021.json", "base-f2019.json"] {
        let r = fixture(name);
        let html = render_html(&r);
        assert_eq!(disagreements(&html, &r), vec![], "{name}");
    }
    let r = fixture("base-f2021.json");
    let html = render_html(&r);
    let id = r#"id="table3-newReceived-natural">"#;
    let at = html.find(id).unwrap() + id.len();
    let end = at + html[at..].find("</td>").unwrap();
    let edited = format!("{}999{}", &html[..at], &html[end..]);
    let read = import(&edited).unwrap();
    let found = disagreements(&edited, &read);
    assert_eq!(found.len(), 1, "{found:#?}");
    let shown = r
        .value(TableId::Requests, "newReceived", "natural")
        .unwrap();
    assert_eq!(
        found[0].message(),
        format!(
            "表三“一、本年新收政府信息公开申请数量 自然人”：表格中显示 999，嵌入的数据为 {shown}"
        )
    );
}

/// W3: the data block is found however its tag is written, never in a comment.
#[test]
fn w3_the_data_block_is_read_from_its_tag_not_from_a_comment() {
    let r = fixture("base-f2021.json");
    let html = render_html(&r);
    let tag = r#"<script type="application/json" id="nianbao-report">"#;
    assert!(html.contains(tag));
    // A copy of the block, with other numbers, inside a comment before the real one.
    let mut other = r.clone();
    other.set_value(TableId::Requests, "newReceived", "natural", Some(999));
    let decoy = render_html(&other);
    let decoy_block = &decoy[decoy.find(tag).unwrap()..];
    let decoy_block = &decoy_block[..decoy_block.find("</script>").unwrap() + 9];
    let with_comment = html.replacen("<body>", &format!("<body><!-- {decoy_block} -->"), 1);
    assert_eq!(import(&with_comment).unwrap(), r);
    // Attributes re-ordered and single-quoted.
    let reordered = html.replace(tag, "<script id='nianbao-report' type='application/json'>");
    assert_eq!(import(&reordered).unwrap(), r);
    // Damaged data says so, about the data, not "not ours".
    let damaged = html.replacen(
        r#""schema": "nianbao.report""#,
        r#""schema" "nianbao.report""#,
        1,
    );
    let e = import(&damaged).unwrap_err().to_string();
    assert!(e.contains("嵌入的报告数据已损坏"), "{e}");
}
