//! Saved web pages read as text (`import::page`): the shapes portals print
//! (merged labels, `<p>` and `<span>` in cells, rows never closed, articles
//! in layout tables), what a browser would not show (scripts, styles, hidden
//! text), hostile nesting, and a generator of table pages whose rows must come
//! out exactly. `PAGE_CASES` sets the generated pages (default 2,000;
//! `scripts/fuzz-readers.sh` runs far more).

use std::time::Instant;

use nianbao_core::import::page::{page_text, MAX_DEPTH};
use nianbao_core::import::published::{recognise, Certainty};
use nianbao_core::import::read_file;
use nianbao_core::template::TableId;

fn text(html: &str) -> String {
    page_text(html).unwrap().text
}

#[test]
fn a_portal_page_with_merged_cells_reads_as_rows_of_cells() {
    let html = include_str!("fixtures/pages/published-t3.html");
    let t = text(html);
    assert!(
        t.contains("| 一、本年新收政府信息公开申请数量 | 0 | 1 | 2 | 3 | 4 | 5 | 6 |"),
        "{t}"
    );
    let r = recognise(&t);
    assert_eq!(r.count(Certainty::Recognised), 175);
    let tpl = r.report.template();
    for (i, c) in tpl.table_cells(TableId::Requests).enumerate() {
        assert_eq!(r.report.get(c), Some((i / 7 * 10 + i % 7) as i64));
    }
}

#[test]
fn a15_scripts_styles_and_head_are_not_text_and_a_cell_holding_a_table_is_layout() {
    let html = "<html><head><style>p{}</style><script>window.__ran = 1</script><title>标题</title></head><body>\
        <p>一、总体情况</p><p>正文<img src=x onerror=\"window.__ran = 2\"></p>\
        <table><tr><td>外<table><tr><td>内</td><td>2</td></tr></table>后</td><td>1</td></tr></table>\
        <noscript>不显示</noscript><template><p>模板</p></template></body></html>";
    let t = text(html);
    for absent in ["__ran", "p{}", "不显示", "模板", "标题"] {
        assert!(!t.contains(absent), "{absent}: {t}");
    }
    assert_eq!(t, "一、总体情况\n正文\n外\n| 内 | 2 |\n后\n| 1 |");
}

#[test]
fn a15_a_script_or_style_inside_a_cell_is_not_the_cell_text() {
    let t = text(
        "<table><tr><td>总计<script>document.write('99')</script></td>\
         <td><style>td{color:red}</style>5</td></tr></table>",
    );
    assert_eq!(t, "| 总计 | 5 |");
}

#[test]
fn a6_hidden_text_is_not_read_and_is_named() {
    let page = page_text(
        "<html><head><style>.x{display:none} @media print{.p{display:none}}</style></head><body>\
         <table><tr><td>自然人</td><td><span style=\"display:none\">9</span>3</td>\
         <td><span class=x>7</span>4</td><td hidden>8</td><td><span class=p>5</span></td></tr></table></body></html>",
    )
    .unwrap();
    assert_eq!(page.text, "| 自然人 | 3 | 4 |  | 5 |");
    assert_eq!(page.hidden, 3);
    assert_eq!(page.hidden_samples, ["9", "7", "8"]);
    let note = page.hidden_note().unwrap();
    assert!(note.contains("3 处") && note.contains("“9”"), "{note}");
    assert_eq!(page_text("<p>1</p>").unwrap().hidden_note(), None);
}

/// A table 三 row of seven figures under its label.
fn t3_row(label: &str, v: i64) -> String {
    let cells: String = (0..7).map(|c| format!("<td>{}</td>", v + c)).collect();
    format!("<tr><td>{label}</td>{cells}</tr>")
}

#[test]
fn a6_a_hidden_fake_table_does_not_win_over_the_visible_one() {
    let label = "一、本年新收政府信息公开申请数量";
    let html = format!(
        "<div style=\"display:none\"><table>{}</table></div><table>{}</table>",
        t3_row(label, 100),
        t3_row(label, 10)
    );
    let bytes = html.as_bytes();
    let read = read_file("fake.html", bytes, |_, _| None).unwrap();
    let r = read.report;
    assert_eq!(
        r.value(TableId::Requests, "newReceived", "natural"),
        Some(10)
    );
    let notes = read.recognition.unwrap().notes;
    assert!(notes[0].contains("设为不显示的文字"), "{notes:?}");
}

#[test]
fn rows_and_cells_never_closed_and_a_head_never_closed() {
    let t = text(
        "<html><head><meta charset=utf-8><p>正文开始<table><tr><td>a<td>b<tr><th>c<td><p>d<p>e</table><p>完",
    );
    assert_eq!(t, "正文开始\n| a | b |\n| c | d e |\n完");
}

#[test]
fn entities_comments_and_whitespace_read_as_a_browser_shows_them() {
    let t = text("<p>一、 &#x672C;年\n   新收<!-- 99 -->&amp;<br>二</p><p>&lt;b&gt;</p>");
    assert_eq!(t, "一、 本年 新收&\n二\n<b>");
}

#[test]
fn f1_a5_deep_nesting_is_refused_by_its_budget_at_once() {
    for (open, close) in [
        ("<div>", "</div>"),
        ("<table><tr><td>", "</td></tr></table>"),
    ] {
        let n = 100_000;
        let html = format!("{}1{}", open.repeat(n), close.repeat(n));
        let start = Instant::now();
        let e = page_text(&html).unwrap_err();
        assert!(e.contains(&format!("嵌套超过 {MAX_DEPTH} 层")), "{e}");
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    }
}

#[test]
fn a5_nested_tables_below_the_budget_are_read_in_linear_time() {
    // Just under the budget: tables in cells, each level a table, row and cell.
    let depth = MAX_DEPTH / 3 - 2;
    let html = format!(
        "{}<b>1</b>{}",
        "<table><tr><td>x".repeat(depth),
        "</td></tr></table>".repeat(depth)
    );
    let start = Instant::now();
    let t = text(&html);
    assert_eq!(t.lines().filter(|l| *l == "x").count(), depth - 1);
    assert!(t.ends_with("| x1 |"), "{}", &t[t.len() - 40..]);
    // Ten thousand flat tables of the same size take no longer per element.
    assert!(start.elapsed().as_millis() < 2_000, "{:?}", start.elapsed());
}

/// xorshift64*: seeded, the same pages on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "一、本年新收政府信息公开申请数量",
    "（三）不予公开",
    "1.属于国家秘密",
    "自然人",
    "法人或其他组织",
    "商业企业",
    "总计",
    "行政复议",
    "结果维持",
    "“三安全一稳定”",
    "申请人<情况>",
    "A&B",
];

/// One cell's words: what it must read as, and how it is written.
fn cell(rng: &mut Rng, decoys: &mut usize) -> (String, String) {
    let words: Vec<String> = match rng.below(4) {
        0 => Vec::new(),
        1 => vec![rng.below(100_000).to_string()],
        2 => vec![rng.pick(WORDS).to_owned()],
        _ => (0..1 + rng.below(3))
            .map(|_| rng.pick(WORDS).to_owned())
            .collect(),
    };
    let expected = words.join(" ");
    let mut html = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            html.push_str(rng.pick(&[" ", "\n  ", "<br>", "</p><p>", "<br/>\n"]));
        }
        let escaped = w
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        // Digits as character references, as some editors write them.
        let escaped = if rng.chance(20) {
            escaped
                .chars()
                .map(|c| {
                    if c.is_ascii_digit() {
                        format!("&#{};", c as u32)
                    } else {
                        c.to_string()
                    }
                })
                .collect()
        } else {
            escaped
        };
        html.push_str(&escaped);
    }
    if rng.chance(15) {
        *decoys += 1;
        let decoy = rng.pick(&[
            "<span style=\"display:none\">9</span>",
            "<span class=\"decoy\">77</span>",
            "<font style=\"font-size:0\">8</font>",
        ]);
        html = if rng.chance(50) {
            format!("{decoy}{html}")
        } else {
            format!("{html}{decoy}")
        };
    }
    if rng.chance(10) {
        html.push_str("<script>document.write('66')</script>");
    }
    if rng.chance(10) {
        html = format!("<!-- 55 -->{html}");
    }
    let wrapped = match rng.below(5) {
        0 => html,
        1 => format!("<p>{html}</p>"),
        2 => format!("<p style=\"text-align:center\"><span lang=EN-US>{html}</span></p>"),
        3 => format!("<div>\n{html}\n</div>"),
        _ => format!("<font face=\"宋体\">{html}"),
    };
    (expected, wrapped)
}

/// A page holding one table: the rows it must read as, the page, the number
/// of hidden pieces in it.
fn page(rng: &mut Rng) -> (Vec<String>, String, usize) {
    let (rows, cols) = (1 + rng.below(8), 1 + rng.below(9));
    let mut decoys = 0;
    let mut expected = Vec::new();
    let mut table = String::from("<table border=1 cellspacing=0><tbody>");
    for _ in 0..rows {
        let mut cells = Vec::new();
        table.push_str(if rng.chance(80) {
            "<tr>"
        } else {
            "<tr class=x>"
        });
        for _ in 0..cols {
            let (e, h) = cell(rng, &mut decoys);
            cells.push(e);
            let tag = if rng.chance(10) { "th" } else { "td" };
            let span = if rng.chance(20) { " colspan=\"2\"" } else { "" };
            table.push_str(&format!("<{tag}{span} width=\"10%\">{h}"));
            if rng.chance(70) {
                table.push_str(&format!("</{tag}>"));
            }
        }
        if rng.chance(70) {
            table.push_str("</tr>");
        }
        table.push('\n');
        expected.push(format!("| {} |", cells.join(" | ")));
    }
    table.push_str("</tbody></table>");
    let depth = rng.below(30);
    let mut body = format!(
        "<p>正文一</p>{}{table}{}<p>正文二</p>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    if rng.chance(30) {
        body = format!("<table width=100%><tr><td><p>导航</p>{body}</td></tr></table>");
    }
    let head = if rng.chance(50) {
        "<head><style>.decoy { display: none }</style></head>"
    } else {
        "<head><meta charset=\"utf-8\"><style>.decoy{display:none}</style>"
    };
    (
        expected,
        format!("<html>{head}<body>{body}</body></html>"),
        decoys,
    )
}

#[test]
fn generated_table_pages_read_back_row_for_row() {
    let cases: usize = std::env::var("PAGE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    for case in 0..cases {
        let (rows, html, decoys) = page(&mut rng);
        let read = page_text(&html).unwrap();
        let lines: Vec<&str> = read.text.lines().collect();
        let at = lines.iter().position(|l| *l == rows[0]);
        let ok = at.is_some_and(|at| {
            lines.len() >= at + rows.len()
                && lines[at..at + rows.len()]
                    .iter()
                    .zip(&rows)
                    .all(|(a, b)| a == b)
        });
        assert!(
            ok,
            "case {case}: expected rows\n{}\nread\n{}\nfrom\n{html}",
            rows.join("\n"),
            read.text
        );
        assert_eq!(read.hidden, decoys, "case {case}: {html}");
        assert!(!read.text.contains("document.write"), "case {case}");
    }
    eprintln!("page reader: {cases} generated pages read back row for row");
}
