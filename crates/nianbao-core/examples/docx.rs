//! Writes Word files of the test reports, with what an outside reader must
//! find in each (tables, their rows and grid columns, merges), for
//! `scripts/docx-judge.py` (python-docx) and `scripts/docx-render.sh`
//! (LibreOffice). Usage: `cargo run -p nianbao-core --example docx -- <dir>`.

use nianbao_core::import::published::recognise;
use nianbao_core::json::{export_check, from_json};
use nianbao_core::render::render_docx;
use nianbao_core::report::Report;
use nianbao_core::template::{GridCell, TableId};
use serde_json::json;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/docx".to_owned());
    std::fs::create_dir_all(&dir).unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |p: &str| std::fs::read_to_string(format!("{root}/tests/fixtures/{p}")).unwrap();
    let reports: Vec<(&str, Report)> = vec![
        ("base-f2021", from_json(&read("base-f2021.json")).unwrap()),
        ("base-f2019", from_json(&read("base-f2019.json")).unwrap()),
        (
            "hongze-2023",
            recognise(&read("samples/2023_county_jiangsu_huaian_hongze_govt.txt")).report,
        ),
    ];
    for (name, r) in reports {
        let t = r.template();
        let tables: Vec<_> = [
            TableId::Proactive,
            TableId::Requests,
            TableId::ReviewLitigation,
        ]
        .into_iter()
        .map(|id| {
            let g = t.table(id);
            let heads = g
                .head
                .iter()
                .flatten()
                .copied()
                .chain(g.body.iter().flatten().filter_map(|c| match c {
                    GridCell::Head(h) => Some(*h),
                    GridCell::Data { .. } => None,
                }));
            let spans = g.head.iter().flatten().filter(|h| h.colspan > 1).count()
                + g.body
                    .iter()
                    .flatten()
                    .filter(|c| match c {
                        GridCell::Head(h) => h.colspan > 1,
                        GridCell::Data { colspan, .. } => *colspan > 1,
                    })
                    .count();
            let restarts = heads.clone().filter(|h| h.rowspan > 1).count();
            let continued: usize = heads.map(|h| usize::from(h.rowspan) - 1).sum();
            json!({
                "name": id.name(),
                "rows": g.head.len() + g.body.len(),
                "cols": g.width,
                "spans": spans,
                "restarts": restarts,
                "continued": continued,
            })
        })
        .collect();
        let fee = r.template_id().has_info_fee()
            && (r.other.fee.notices.is_some()
                || r.other.fee.billed.is_some()
                || r.other.fee.collected.is_some());
        // The counts as the page would record them at 下载 Word.
        let check = export_check(&r, None);
        let expect = json!({
            "title": r.title(),
            "tables": tables,
            "feeTable": fee,
            "counts": check.words(),
        });
        std::fs::write(format!("{dir}/{name}.docx"), render_docx(&r, check)).unwrap();
        std::fs::write(
            format!("{dir}/{name}.expect.json"),
            serde_json::to_string_pretty(&expect).unwrap(),
        )
        .unwrap();
        println!("{dir}/{name}.docx");
    }
}
