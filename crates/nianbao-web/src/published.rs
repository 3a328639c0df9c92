//! 核对已发布的报告, wherever it is offered (the office's 审核, the editor):
//! the chosen page, PDF, Word file or HTML export read by the importer in
//! the worker and compared with a report — the same fingerprint, or each
//! figure that differs. One copy of the words for both places.

use leptos::prelude::*;
use nianbao_core::collect::compare_published;
use nianbao_core::Report;

/// The file chosen in the picker `ev` came from, compared with `sent` (the
/// report and its fingerprint code, which `ours` names: 报送包, 当前报告).
/// What is happening and then the result go to `said` and the live region.
pub fn pick(
    ev: &leptos::ev::Event,
    said: RwSignal<Option<String>>,
    sent: Option<(Report, String)>,
    ours: &'static str,
) {
    let input: web_sys::HtmlInputElement = event_target(ev);
    let Some(file) = input.files().and_then(|l| l.get(0)) else {
        return;
    };
    // The same file can be chosen again.
    input.set_value("");
    let Some((report, code)) = sent else {
        return;
    };
    said.set(Some("正在读取和核对……".to_owned()));
    leptos::task::spawn_local(async move {
        let name = file.name();
        let words = match crate::files::read_picked(file).await {
            Ok(read) => {
                let recognised = read.recognition.is_some();
                let got = compare_published(&report, &read.report, recognised, ours);
                format!("“{name}”：{}", got.words(&code))
            }
            Err(why) => why,
        };
        crate::live::Live::say(&words);
        said.set(Some(words));
    });
}
