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

fn cell_by_name(host: &web_sys::HtmlElement, name: &str) -> web_sys::HtmlElement {
    host.query_selector(&format!(".cell-text[aria-label='{name}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("a cell named {name}"))
        .unchecked_into()
}

/// What a cell shows.
fn shown(host: &web_sys::HtmlElement, name: &str) -> String {
    cell_by_name(host, name).text_content().unwrap_or_default()
}

/// Focuses a cell: the editor input moves into it and has focus.
fn edit(host: &web_sys::HtmlElement, name: &str) -> web_sys::HtmlInputElement {
    cell_by_name(host, name).focus().unwrap();
    let input: web_sys::HtmlInputElement = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .expect("the editor input has focus")
        .unchecked_into();
    assert_eq!(input.get_attribute("aria-label").as_deref(), Some(name));
    input
}

fn type_into(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn typing_a_count_updates_the_computed_totals() {
    let host = mount();
    leptos::task::tick().await;
    let name = "三、本年度办理结果（一）予以公开 自然人";
    let cell = edit(&host, name);
    type_into(&cell, "１，２００件");
    leptos::task::tick().await;
    let row_total = "三、本年度办理结果（一）予以公开 总计";
    assert_eq!(shown(&host, row_total), "1200");
    assert_eq!(
        cell_by_name(&host, row_total)
            .get_attribute("aria-readonly")
            .as_deref(),
        Some("true"),
        "totals are filled by the app by default"
    );
    assert_eq!(shown(&host, "三、本年度办理结果（七）总计 总计"), "1200");
    // What the user typed stays as typed, in the editor and in the cell.
    assert_eq!(cell.value(), "１，２００件");
    assert_eq!(shown(&host, name), "１，２００件");
}

#[wasm_bindgen_test]
async fn unreadable_input_is_named_at_the_cell_and_kept() {
    let host = mount();
    leptos::task::tick().await;
    let cell = edit(&host, "四、结转下年度继续办理 自然人");
    type_into(&cell, "12a");
    leptos::task::tick().await;
    assert_eq!(cell.get_attribute("aria-invalid").as_deref(), Some("true"));
    // The mark is painted in the cell's box (icon and word), outside the table's flow.
    let frame = cell.parent_element().unwrap();
    assert_eq!(frame.class_name(), "box-error");
    assert_eq!(
        frame.get_attribute("data-mark").as_deref(),
        Some("✖ 无法识别")
    );
    let desc = host
        .query_selector(&format!(
            "#{}",
            cell.get_attribute("aria-describedby")
                .unwrap()
                .replace('.', "\\.")
        ))
        .unwrap()
        .unwrap();
    assert!(desc.text_content().unwrap().contains("“12a”不是数字"));
    assert_eq!(cell.value(), "12a", "nothing typed is thrown away");
    type_into(&cell, "12");
    leptos::task::tick().await;
    assert_eq!(cell.get_attribute("aria-invalid").as_deref(), Some("false"));
}
