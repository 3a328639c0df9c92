//! 报送包 and its fingerprint: the canonical serialisation is stable (read back
//! and written again, the same bytes: field order, whitespace, numbers), a
//! one-cell or one-character change changes the fingerprint, a package reads
//! back to its report, and a package changed after it was made is refused.

use nianbao_core::json::{read_current, ExportCheck};
use nianbao_core::report::Report;
use nianbao_core::submission::{canonical, package, read_package, Fingerprint};
use nianbao_core::template::CellId;

mod valid;
use valid::{report, Rng};

const CHECK: ExportCheck = ExportCheck {
    errors: 0,
    warnings: 2,
    explained: 1,
};

#[test]
fn the_canonical_form_is_stable_and_every_change_shows_in_the_fingerprint() {
    let mut rng = Rng(0x5ab_0001);
    for case in 0..2_000 {
        let mut r = report(&mut rng);
        r.overview.text = ["", "本年度…\n第二行\t“引号”\\ 𠀀", "<b>&amp;</b>"][case % 3].to_owned();
        let text = canonical(&r);
        assert!(
            !text.contains('\n') && !text.contains("\": "),
            "no whitespace between tokens"
        );
        let again = canonical(&read_current(&text).unwrap());
        assert_eq!(again, text, "case {case}: read back and written again");
        let f = Fingerprint::of(&r);
        assert_eq!(f.sm3.len(), 64);
        assert_eq!(f.sha256.len(), 64);
        // One cell changed by one.
        let filled: Vec<CellId> = (0..r.values().len() as u16)
            .map(CellId)
            .filter(|c| r.get(*c).is_some_and(|v| v < 99_999_999))
            .collect();
        if !filled.is_empty() {
            let c = *rng.pick(&filled);
            let mut changed = r.clone();
            changed.set(c, Some(r.get(c).unwrap() + 1));
            let g = Fingerprint::of(&changed);
            assert_ne!(g.sm3, f.sm3);
            assert_ne!(g.sha256, f.sha256);
            assert_ne!(g.code(), f.code());
        }
        let mut renamed = r.clone();
        renamed.agency.name.push('。');
        assert_ne!(Fingerprint::of(&renamed), f);
    }
}

#[test]
fn a_package_reads_back_to_its_report_and_a_changed_one_is_refused() {
    let mut rng = Rng(0x5ab_0002);
    let r = report(&mut rng);
    let text = package(&r, CHECK, "2026-01-20T10:30:00+08:00", "0.1.0", Vec::new());
    let got = read_package(&text).unwrap();
    assert_eq!(got.report, r);
    assert_eq!(got.export_check, CHECK);
    assert_eq!(got.made_at, "2026-01-20T10:30:00+08:00");
    assert_eq!(got.fingerprint, Fingerprint::of(&r));
    assert!(text.contains(&Fingerprint::of(&r).code()));

    // A figure edited in the file after it was made.
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut edited = doc.clone();
    edited["submission"]["report"]["report"]["agency"]["name"] = "另一个机关".into();
    let why = read_package(&edited.to_string()).unwrap_err();
    assert!(why.contains("指纹不符"), "{why}");
    // The code alone edited.
    let mut coded = doc.clone();
    coded["submission"]["code"] = "SM3 0000-0000-0000".into();
    assert!(read_package(&coded.to_string())
        .unwrap_err()
        .contains("不一致"));
    // Not a package, a newer one, a duplicate key, an unknown field.
    assert!(read_package(&nianbao_core::json::to_json(&r))
        .unwrap_err()
        .contains("不是报送包"));
    let mut newer = doc.clone();
    newer["schemaVersion"] = 3.into();
    assert!(read_package(&newer.to_string())
        .unwrap_err()
        .contains("更新版本"));
    let dup = text.replacen("\"madeAt\"", "\"madeAt\": \"x\", \"madeAt\"", 1);
    assert!(read_package(&dup).is_err());
    let mut extra = doc;
    extra["submission"]["note"] = "?".into();
    assert!(read_package(&extra.to_string()).is_err());
    assert!(read_package("").is_err());
}

#[test]
fn the_fingerprint_of_a_fixed_report_does_not_drift() {
    // Pinned: a change of the canonical form (field order, number format)
    // must be a deliberate, versioned one.
    let mut r = Report::new(2024);
    r.agency.name = "示例区司法局".to_owned();
    assert!(r.set_value(
        nianbao_core::template::TableId::Requests,
        "newReceived",
        "natural",
        Some(12)
    ));
    let text = canonical(&r);
    assert!(
        text.starts_with("{\"schema\":\"nianbao.report\",\"schemaVersion\":"),
        "{text}"
    );
    let f = Fingerprint::of(&r);
    assert_eq!(
        f.sha256,
        nianbao_core::submission::sha256_hex(text.as_bytes())
    );
    assert_eq!(f.code(), "SM3 FA9D-2532-9620");
}

#[test]
fn a_package_opens_like_a_report_file_and_says_it_was_checked() {
    use nianbao_core::import::read_file;
    let mut rng = Rng(0x5ab_0003);
    let r = report(&mut rng);
    let text = package(&r, CHECK, "2026-01-20T10:30:00+08:00", "0.1.0", Vec::new());
    let read = read_file("单位A（报送包）.json", text.as_bytes(), |_, _| None).unwrap();
    assert_eq!(read.report, r);
    let note = read.note.unwrap();
    assert!(note.contains(&Fingerprint::of(&r).code()), "{note}");
    assert!(
        note.contains("未被改动") && note.contains("0 个错误，2 个提示"),
        "{note}"
    );
    // Changed after it was made: refused by name, never opened.
    let changed = text.replace(&r.agency.name, "别的机关");
    assert_ne!(changed, text);
    let why = read_file("单位A.json", changed.as_bytes(), |_, _| None).unwrap_err();
    assert!(
        why.contains("单位A.json") && why.contains("指纹不符"),
        "{why}"
    );
}
