//! 起草: the paragraphs drafted for a text field, shown beside its text before
//! anything is written; 插入到光标处 or 替换现有文字 asks the editor (one
//! undoable step), never without a click.

use leptos::prelude::*;
use nianbao_core::draft::{draft, insert, target_for, Paragraph};
use nianbao_core::host::Request;
use nianbao_web::modal::Modal;

/// The paragraphs a report can have drafted (信息处理费 only in F2021).
fn offered(sent: &crate::Sent) -> Vec<Paragraph> {
    let fee = sent.report.template_id().has_info_fee();
    Paragraph::ALL
        .into_iter()
        .filter(|p| fee || *p != Paragraph::Fee)
        .collect()
}

/// The drafted text of the chosen paragraphs, and why others could not be.
fn drafted(sent: &crate::Sent, chosen: &[Paragraph]) -> (String, Vec<String>) {
    let (mut text, mut why) = (String::new(), Vec::new());
    for p in chosen {
        match draft(&sent.report, sent.previous.as_ref(), *p) {
            Ok(d) => text.push_str(&d.text()),
            Err(w) => why.push(w),
        }
    }
    (text, why)
}

/// Asks the editor to write `drafted` into the field: at the cursor it had
/// when 起草 opened, or in place of its text (the editor says which).
fn write(shown: crate::Shown, drafted: String, replace: bool) -> Result<(), String> {
    let field = shown.field.get_untracked().ok_or("")?;
    let (have, (start, end)) = shown
        .sent
        .with_untracked(|s| {
            s.as_ref().map(|s| {
                (
                    s.report.field_text(field).unwrap_or_default().to_owned(),
                    s.cursor,
                )
            })
        })
        .ok_or("")?;
    let text = if replace {
        drafted
    } else {
        insert(&have, &drafted, start, end).0
    };
    let label = field.label();
    let said = if replace {
        format!("已用起草的文字替换“{label}”原有的文字（可撤销）。")
    } else {
        format!("已把起草的文字插入“{label}”（可撤销）。")
    };
    nianbao_web::host::request(&Request::Write {
        cells: Vec::new(),
        field: field.key(),
        text,
        said,
    })
    .map(|_| ())
}

#[component]
pub fn DraftDialog() -> impl IntoView {
    let shown = crate::shown();
    let chosen = RwSignal::new(Vec::<Paragraph>::new());
    let problem = RwSignal::new(None::<String>);
    // A new field opened: its own paragraphs are chosen.
    Effect::new(move |_| {
        let Some(field) = shown.field.get() else {
            return;
        };
        let defaults = shown
            .sent
            .with_untracked(|s| s.as_ref().map(|s| target_for(&s.report, field)))
            .unwrap_or_default();
        chosen.set(defaults);
        problem.set(None);
    });
    let open = Signal::derive(move || shown.field.get().is_some());
    let close = move || shown.field.set(None);
    let preview = Memo::new(move |_| {
        shown.sent.with(|s| {
            s.as_ref()
                .map(|s| chosen.with(|c| drafted(s, c)))
                .unwrap_or_default()
        })
    });
    let existing = move || {
        let field = shown.field.get()?;
        shown
            .sent
            .with(|s| s.as_ref()?.report.field_text(field).map(str::to_owned))
    };
    let label = move || shown.field.get().map(|f| f.label()).unwrap_or_default();
    let write = move |replace: bool| {
        let drafted = preview.with_untracked(|p| p.0.clone());
        match write(shown, drafted, replace) {
            Ok(()) => close(),
            Err(why) => problem.set(Some(why)),
        }
    };
    let empty = move || preview.with(|p| p.0.is_empty());
    let has_text = move || existing().is_some_and(|t| !t.trim().is_empty());
    let previous_year = move || {
        shown
            .sent
            .with(|s| s.as_ref()?.previous.as_ref().map(|p| p.year))
    };
    view! {
        <Modal open on_close=move |_| close() labelledby="compose-title" class="dialog compose">
            <h2 id="compose-title">"起草：" {label}</h2>
            <p class="hint">"根据表格中的数字起草。请核对后选择插入或替换；写入后可以撤销。表格改动后，再点“起草”即按新的数字重新起草。"</p>
            <Choice chosen />
            <p class="hint">{move || match previous_year() {
                Some(y) => format!("已与上年报告（{y}年度）比较，写出增减。"),
                None => "导入上年报告（工具栏“导入上年报告”）后，会写出与上年相比的增减。".to_owned(),
            }}</p>
            <Columns existing preview />
            {move || problem.get().map(|p| view! { <p class="notice notice-error">{p}</p> })}
            <div class="actions">
                <button type="button" class="primary" disabled=empty
                    on:click=move |_| write(false)>"插入到光标处"</button>
                {move || has_text().then(|| view! {
                    <button type="button" disabled=empty
                        on:click=move |_| write(true)>"替换现有文字"</button>
                })}
                <button type="button" on:click=move |_| close()>"关闭"</button>
            </div>
        </Modal>
    }
}

/// The paragraphs to draft, as checkboxes (the report's own ones offered).
#[component]
fn Choice(chosen: RwSignal<Vec<Paragraph>>) -> impl IntoView {
    let shown = crate::shown();
    view! {
        <fieldset class="compose-choice">
                <legend>"起草哪些内容"</legend>
                {move || shown.sent.with(|s| s.as_ref().map(offered)).unwrap_or_default().into_iter().map(|p| {
                    let on = move || chosen.with(|c| c.contains(&p));
                    view! {
                        <label>
                            <input type="checkbox" prop:checked=on on:change=move |_| chosen.update(|c| {
                                if let Some(i) = c.iter().position(|x| *x == p) {
                                    c.remove(i);
                                } else {
                                    c.push(p);
                                    c.sort_by_key(|x| Paragraph::ALL.iter().position(|y| y == x));
                                }
                            }) />
                            {p.title()}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
    }
}

/// The field's text beside the drafted text, and why a paragraph could not be.
#[component]
fn Columns(
    existing: impl Fn() -> Option<String> + Send + Sync + Copy + 'static,
    preview: Memo<(String, Vec<String>)>,
) -> impl IntoView {
    view! {
            <div class="compose-columns">
                <div>
                    <h3>"现有文字"</h3>
                    <p class="compose-text">{move || existing().filter(|t| !t.trim().is_empty()).unwrap_or_else(|| "（空）".to_owned())}</p>
                </div>
                <div>
                    <h3>"起草的文字"</h3>
                    <p class="compose-text" id="compose-preview">{move || preview.with(|p| p.0.clone())}</p>
                    {move || preview.with(|p| p.1.clone()).into_iter().map(|w| view! { <p class="notice notice-info">{w}</p> }).collect_view()}
                </div>
            </div>
    }
}
