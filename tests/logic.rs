//! The app's pure logic: configuration, the postMessage allow-list, the
//! storage namespace of a framed page, the save decision, file names.
#![cfg(target_arch = "wasm32")]

use nianbao::config::{allowed_origins, frame_namespace, origin_list, Config};
use nianbao::download::file_name;
use nianbao::persist::{StoredHead, WriteError};
use nianbao::session::{before_save, SaveStatus};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[wasm_bindgen_test]
fn the_address_can_narrow_the_deployments_origins_but_never_add_one() {
    let deployed =
        origin_list("https://a.gov.cn https://b.gov.cn/, javascript:alert(1) https://x@y");
    assert_eq!(deployed, ["https://a.gov.cn", "https://b.gov.cn"]);
    assert_eq!(allowed_origins(&deployed, None), deployed);
    let asked = origin_list("https://b.gov.cn,https://evil.example");
    assert_eq!(
        allowed_origins(&deployed, Some(&asked)),
        ["https://b.gov.cn"]
    );
    assert!(
        allowed_origins(&[], Some(&asked)).is_empty(),
        "nothing deployed, nothing allowed"
    );
    let c = Config::from_pairs(pairs(&[("origins", "https://evil.example")]));
    assert_eq!(
        c.origins.as_deref(),
        Some(&["https://evil.example".to_owned()][..])
    );
}

#[wasm_bindgen_test]
fn a_framed_page_keeps_its_drafts_under_the_framing_origin() {
    assert_eq!(
        frame_namespace("nianbao", "https://www.a.gov.cn:8443"),
        "nianbao@https___www.a.gov.cn_8443"
    );
    assert_ne!(
        frame_namespace("nianbao", "https://a.gov.cn"),
        frame_namespace("nianbao", "https://b.gov.cn")
    );
    let c = Config::from_pairs(pairs(&[
        ("ns", "portal-a"),
        ("year", "2024"),
        ("readonly", "1"),
        ("year", "1999"),
    ]));
    assert_eq!(c.namespace.as_deref(), Some("portal-a"));
    assert_eq!(
        c.year, None,
        "the later, out-of-range year wins and is dropped"
    );
    assert!(c.read_only);
    assert_eq!(Config::from_pairs(pairs(&[("ns", "a:b")])).namespace, None);
}

#[wasm_bindgen_test]
fn a_save_never_writes_over_a_newer_or_unreadable_entry() {
    assert_eq!(before_save(StoredHead::Missing, 0), None);
    assert_eq!(before_save(StoredHead::Revision(3), 3), None);
    assert_eq!(
        before_save(StoredHead::Revision(4), 3),
        Some(SaveStatus::Conflict)
    );
    assert_eq!(
        before_save(StoredHead::Newer, 3),
        Some(SaveStatus::StoredNewer)
    );
    assert_eq!(
        before_save(StoredHead::Corrupt, 3),
        Some(SaveStatus::StoredCorrupt)
    );
    assert_ne!(SaveStatus::Failed(WriteError::Quota), SaveStatus::Conflict);
}

#[wasm_bindgen_test]
fn file_names_are_short_and_legal_on_windows() {
    assert_eq!(
        file_name("东里街道办事处2024年政府信息公开工作年度报告", "json"),
        "东里街道办事处2024年政府信息公开工作年度报告.json"
    );
    assert_eq!(file_name("a/b:c*d?", "html"), "a_b_c_d_.html");
    let long = format!("{}2024年政府信息公开工作年度报告", "长".repeat(10_000));
    let name = file_name(&long, "html");
    assert!(name.chars().count() <= 90, "{name}");
    assert!(name.ends_with("年政府信息公开工作年度报告.html"));
}
