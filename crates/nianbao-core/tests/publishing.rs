//! 发布后有变动: a published report read back (the samples as scraped, the
//! app's own HTML export) against the package the office checked. Over
//! generated changes — any filled cell of any sample, any amount — exactly
//! the changed cell is named, and nothing the page did not give is called
//! changed.

use nianbao_core::collect::compare_published;
use nianbao_core::import::read_file;
use nianbao_core::render::render_html;
use nianbao_core::template::CellId;
use nianbao_core::Report;

const SAMPLES: [&str; 5] = [
    "2021_countydept_shaanxi_xian_gaoling_xingzhengshenpi.txt",
    "2023_county_jiangsu_huaian_hongze_govt.txt",
    "2024_county_jiangsu_huaian_hongze_govt.txt",
    "2024_countydept_guangdong_shenzhen_longgang_dept.txt",
    "2020_subdistrict_dongli.txt",
];

fn published(name: &str) -> Report {
    let path = format!(
        "{}/tests/fixtures/samples/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let read = read_file(name, &bytes, |_, _| None).unwrap();
    assert!(
        read.recognition.is_some(),
        "{name} is read as a published page"
    );
    read.report
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn a_published_page_differing_in_one_cell_is_reported_as_that_cell() {
    let cases: u64 = std::env::var("PUBLISHED_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    let pages: Vec<Report> = SAMPLES.iter().map(|s| published(s)).collect();
    let mut rng = Rng(0x9b1_5bed);
    for case in 0..cases {
        let page = &pages[(rng.next() % pages.len() as u64) as usize];
        let filled: Vec<CellId> = (0..page.template().cells.len())
            .map(|i| CellId(i as u16))
            .filter(|c| page.get(*c).is_some())
            .collect();
        let cell = filled[(rng.next() % filled.len() as u64) as usize];
        let mut sent = page.clone();
        let was = page.get(cell).unwrap();
        let now = if was == 0 {
            1 + (rng.next() % 50) as i64
        } else {
            was - 1
        };
        sent.set(cell, Some(now));
        let got = compare_published(&sent, page, true, "报送包");
        assert!(!got.identical);
        let def = page.template().def(cell);
        assert_eq!(
            got.differences.len(),
            1,
            "case {case}: {:?}",
            got.differences
        );
        assert!(
            got.differences[0].contains(&def.name()),
            "case {case}: {} names {}",
            got.differences[0],
            def.name()
        );
        assert_eq!(got.not_read, 0, "case {case}");
    }
}

#[test]
fn cells_a_page_did_not_give_are_not_read_and_the_apps_own_export_is_identical() {
    let page = published("2023_county_jiangsu_huaian_hongze_govt.txt");
    let mut sent = page.clone();
    let blank = (0..sent.template().cells.len())
        .map(|i| CellId(i as u16))
        .find(|c| {
            sent.get(*c).is_none()
                && sent.template().def(*c).kind != nianbao_core::CellKind::NotApplicable
        });
    if let Some(c) = blank {
        sent.set(c, Some(3));
        let got = compare_published(&sent, &page, true, "报送包");
        assert_eq!((got.differences.len(), got.not_read), (0, 1));
        assert!(got.words("SM3 X").contains("没有读到"));
        // The same from the app's own file: a difference.
        assert_eq!(
            compare_published(&sent, &page, false, "报送包")
                .differences
                .len(),
            1
        );
    }
    let html = render_html(&sent);
    let back = read_file("发布的报告.html", html.as_bytes(), |_, _| None).unwrap();
    let got = compare_published(&sent, &back.report, back.recognition.is_some(), "报送包");
    assert!(got.identical, "{:?}", got.differences);
    assert!(got.words("SM3 AAAA-BBBB-CCCC").contains("完全一致"));

    let mut renamed = page.clone();
    renamed.agency.name = "另一个机关".into();
    let got = compare_published(&renamed, &page, true, "报送包");
    assert!(got.differences[0].starts_with("机关名称"));
}
