//! 一图读懂 as a reader of the file would take it: well-formed SVG for any
//! report (random ones of both formats, with and without last year's, an
//! agency name with markup in it), every key figure, bar part and indicator
//! present as text, A4 portrait at 210 mm wide and the web version 1080
//! pixels wide, and the same figures in the page's table.

use nianbao_core::draft::indicators;
use nianbao_core::render::infographic::{infographic_figure, infographic_svg, key_figures, Canvas};
use nianbao_core::report::Report;

mod valid;
use valid::{report, Rng};

/// Every text of the SVG, as a viewer reads it.
fn texts(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    assert!(
        !doc.descendants()
            .any(|n| n.tag_name().name() == "script" || n.tag_name().name() == "b"),
        "markup from the report became elements"
    );
    doc.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("|")
}

#[test]
fn every_figure_of_random_reports_is_in_the_picture_as_text() {
    let mut rng = Rng(0x1a2b_3c4d);
    for case in 0..1_000 {
        let mut r = report(&mut rng);
        if case % 7 == 0 {
            r.agency.name = "某区<script>alert(1)</script>&<b>局</b>".to_owned();
        }
        let previous: Option<Report> = (case % 2 == 0).then(|| {
            let mut p = report(&mut rng);
            p.year = r.year - 1;
            p
        });
        for canvas in Canvas::ALL {
            let svg = infographic_svg(&r, previous.as_ref(), canvas);
            let text = texts(&svg);
            assert!(
                text.contains(&format!("{}年政府信息公开工作年度报告", r.year)),
                "{text}"
            );
            assert!(text.contains("一图读懂"));
            for f in key_figures(&r, previous.as_ref()) {
                if let Some(v) = f.value {
                    assert!(
                        text.contains(&v.to_string()),
                        "case {case}: {} {v} missing",
                        f.name
                    );
                }
                if let Some(c) = f.change {
                    assert!(
                        text.contains(c.trim_start_matches("较上年")),
                        "case {case}: {c}"
                    );
                }
            }
            for i in indicators(&r) {
                assert!(text.contains(&i.rate), "case {case}: {} {}", i.name, i.rate);
            }
            let doc = roxmltree::Document::parse(&svg).unwrap();
            let width = doc.root_element().attribute("width").unwrap().to_owned();
            match canvas {
                Canvas::A4 => {
                    assert_eq!(width, "210mm");
                    assert_eq!(doc.root_element().attribute("height"), Some("297mm"));
                }
                Canvas::Web => assert_eq!(width, "1080"),
            }
        }
        let figure = infographic_figure(&r, previous.as_ref(), Canvas::Web);
        assert!(
            figure.starts_with("<figure")
                && figure.contains("<figcaption>")
                && figure.contains("<table")
        );
    }
}

#[test]
fn a_hand_made_report_reads_as_its_figures() {
    let mut r = Report::new(2024);
    r.agency.name = "示例区司法局".to_owned();
    let t = nianbao_core::template::TableId::Requests;
    for (row, v) in [("newReceived", 20), ("granted", 15), ("partial", 5)] {
        assert!(r.set_value(t, row, "natural", Some(v)));
    }
    r.fill_totals();
    let mut last = Report::new(2023);
    assert!(last.set_value(t, "newReceived", "natural", Some(16)));
    last.fill_totals();
    let text = texts(&infographic_svg(&r, Some(&last), Canvas::Web));
    assert!(text.contains("示例区司法局2024年政府信息公开工作年度报告"));
    assert!(text.contains("增加4件（增长25.0%）"), "{text}");
    assert!(text.contains("予以公开 15件（75.0%）"), "{text}");
    assert!(text.contains("部分公开 5件（25.0%）"), "{text}");
    assert!(text.contains("100.0%"), "实质公开率: {text}");
}
