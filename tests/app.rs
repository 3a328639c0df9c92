//! Component tests: the App mounted in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use nianbao::App;
use nianbao_core::Section;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> web_sys::HtmlElement {
    let document = document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let host: web_sys::HtmlElement = host.unchecked_into();
    std::mem::forget(leptos::mount::mount_to(host.clone(), App));
    host
}

#[wasm_bindgen_test]
async fn shell_shows_title_and_six_official_headings_in_order() {
    let host = mount();
    leptos::task::tick().await;

    let h1 = host.query_selector("h1").unwrap().expect("an h1");
    assert_eq!(h1.text_content().unwrap(), "政府信息公开工作年度报告编制");

    let h2s = host
        .query_selector_all("section.report-section h2")
        .unwrap();
    let texts: Vec<String> = (0..h2s.length())
        .map(|i| h2s.item(i).unwrap().text_content().unwrap())
        .collect();
    let expected: Vec<&str> = Section::ALL.iter().map(|s| s.heading()).collect();
    assert_eq!(texts, expected);
}

#[wasm_bindgen_test]
async fn each_section_is_a_landmark_named_by_its_heading() {
    let host = mount();
    leptos::task::tick().await;
    for section in Section::ALL {
        let el = host
            .query_selector(&format!("section[aria-labelledby='h-{}']", section.key()))
            .unwrap()
            .unwrap_or_else(|| panic!("section for {}", section.heading()));
        let h2 = el.query_selector("h2").unwrap().unwrap();
        assert_eq!(h2.id(), format!("h-{}", section.key()));
    }
}
