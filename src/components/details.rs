//! Report details: agency, type, region, year, signing date — and the
//! 信息处理费 figures of section 六.

use leptos::prelude::*;
use nianbao_core::edit::Edit;
use nianbao_core::json::YEARS;
use nianbao_core::report::{Date, Field};
use nianbao_core::{AgencyKind, CellKind};

use super::keys::guard_composition;
use super::number::NumberBox;
use super::text::FieldText;
use crate::state::Editor;

#[component]
pub fn DetailsForm() -> impl IntoView {
    view! {
        <section class="details" aria-labelledby="details-title">
            <h2 id="details-title" class="details-title">"报告信息"</h2>
            <div class="details-grid">
                <FieldText field=Field::AgencyName hint="例如：某某市某某区人民政府办公室".to_owned() multiline=false />
                <KindField />
                <FieldText field=Field::Region multiline=false />
                <YearField />
                <SignedDate />
                <DeadlineField />
            </div>
        </section>
    }
}

#[component]
fn KindField() -> impl IntoView {
    let editor = Editor::get();
    let kind = Memo::new(move |_| editor.with_fields(|r| r.agency.kind));
    let on_kind = move |ev: leptos::ev::Event| {
        let k = AgencyKind::from_key(&event_target_value(&ev));
        editor.edit(Edit::SetKind(k));
    };
    view! {
        <div class="field">
            <label for="agency-kind">"机关类型"</label>
            <select id="agency-kind" disabled=move || editor.read_only.get() on:change=on_kind on:blur=move |_| editor.visit_field(Field::AgencyKind)>
                <option value="" selected=move || kind.get().is_none()>"请选择"</option>
                {AgencyKind::ALL
                    .into_iter()
                    .map(|k| view! {
                        <option value=k.key() selected=move || kind.get() == Some(k)>{k.label()}</option>
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

#[component]
fn YearField() -> impl IntoView {
    let editor = Editor::get();
    let year = Memo::new(move |_| editor.with_fields(|r| r.year));
    let year_error = RwSignal::new(None::<String>);
    super::live::announce(move || year_error.get());
    let on_year = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        match text.trim().parse::<i32>() {
            Ok(y) if YEARS.contains(&y) => {
                year_error.set(None);
                editor.edit(Edit::SetYear(y));
            }
            _ => year_error.set(Some(format!(
                "“{text}”不是有效的报告年度：请填写 {} 至 {} 之间的年份，例如 2025。",
                YEARS.start(),
                YEARS.end()
            ))),
        }
    };
    view! {
        <div class="field">
            <label for="year">"报告年度"</label>
            <p class="hint" id="year-hint">{move || editor.template.get().title()}</p>
            <input
                id="year"
                type="number"
                readonly=move || editor.read_only.get()
                inputmode="numeric"
                min=*YEARS.start()
                max=*YEARS.end()
                aria-describedby="year-hint year-error"
                prop:value=move || year.get().to_string()
                on:change=on_year
            />
            <p class="field-error" id="year-error">{move || year_error.get()}</p>
        </div>
    }
}

/// The signing date, with how the deadline stands today beside it.
#[component]
fn SignedDate() -> impl IntoView {
    let editor = Editor::get();
    let date = Memo::new(move |_| editor.with_fields(|r| r.signed_date));
    let status = move || editor.with_fields(|r| r.deadline_words(crate::exports::today()?));
    let on_date = move |ev: leptos::ev::Event| {
        let d = Date::parse(&event_target_value(&ev));
        editor.edit(Edit::SetSignedDate(d));
    };
    view! {
        <div class="field">
            <label for="signed-date">"落款日期"</label>
            <input
                id="signed-date"
                type="date"
                readonly=move || editor.read_only.get()
                prop:value=move || date.get().map(|d| d.iso()).unwrap_or_default()
                on:change=on_date
                on:blur=move |_| editor.visit_field(Field::SignedDate)
                aria-describedby="deadline-status"
            />
            <p id="deadline-status" class=move || if status().is_some_and(|s| s.0) { "deadline deadline-late" } else { "deadline" }>
                {move || status().map(|s| s.1)}
            </p>
        </div>
    }
}

/// A locally set deadline (乡镇、街道), remembered in this browser for the
/// next report.
#[component]
fn DeadlineField() -> impl IntoView {
    let editor = Editor::get();
    let session = expect_context::<crate::session::Session>();
    let kind = Memo::new(move |_| editor.with_fields(|r| r.agency.kind));
    let deadline = Memo::new(move |_| editor.with_fields(|r| r.agency.deadline));
    let deadline_error = RwSignal::new(None::<String>);
    super::live::announce(move || deadline_error.get());
    let on_deadline = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if text.trim().is_empty() {
            deadline_error.set(None);
            editor.edit(Edit::SetDeadline(None));
            return;
        }
        match Date::parse_month_day(&text) {
            Some(md) => {
                deadline_error.set(None);
                editor.edit(Edit::SetDeadline(Some(md)));
                session.set_setting("deadline", &format!("{:02}-{:02}", md.0, md.1));
            }
            None => deadline_error.set(Some(format!(
                "“{text}”不是有效的日期：请写月和日，例如 2月20日。"
            ))),
        }
    };
    let remembered = move || {
        // Read the signals first: they decide when this runs again.
        let unset = deadline.get().is_none()
            && matches!(
                kind.get(),
                Some(AgencyKind::Township | AgencyKind::Subdistrict)
            );
        let (m, d) = session
            .setting("deadline")
            .as_deref()
            .and_then(Date::parse_month_day)?;
        unset.then_some((m, d))
    };
    view! {
        <div class="field">
            <label for="deadline">"本地发布期限（可不填）"</label>
            <p class="hint" id="deadline-hint">"不填按规定：部门1月31日，县级以上人民政府3月31日；乡镇、街道按本地规定填写，例如 2月20日。"</p>
            <input
                id="deadline"
                type="text"
                readonly=move || editor.read_only.get()
                aria-describedby="deadline-hint deadline-error"
                placeholder="例如 2月20日"
                prop:value=move || deadline.get().map(|(m, d)| format!("{m}月{d}日")).unwrap_or_default()
                on:change=on_deadline
            />
            {move || remembered().map(|(m, d)| view! {
                <p class="hint">
                    <button type="button" class="link-button" on:click=move |_| {
                        editor.edit(Edit::SetDeadline(Some((m, d))));
                    }>{format!("使用上次设置的 {m}月{d}日")}</button>
                </p>
            })}
            <p class="field-error" id="deadline-error">{move || deadline_error.get()}</p>
        </div>
    }
}

/// One 信息处理费 figure: a number box like a table cell (same parsing, same
/// kept text and error, same input-method guard, journalled the same way).
#[component]
fn FeeInput(field: Field) -> impl IntoView {
    let editor = Editor::get();
    let kind = field.fee_kind().unwrap_or(CellKind::Count);
    let value = Memo::new(move |_| editor.with_fields(|r| r.fee(field)));
    let number = NumberBox::new(kind, field.key(), value.into());
    let error = number.error;
    super::live::announce(move || error.get());
    let id = field.key();
    let error_id = format!("{id}-error");
    let commit = move |text: &str| {
        editor.edit(Edit::TypeFee {
            field,
            raw: text.to_owned(),
        });
    };
    // Typing, an input method (Enter and Tab kept with it), a visit: one
    // listener (see `listen`).
    let wrap = NodeRef::<leptos::html::Div>::new();
    super::listen::listen_all(wrap, &FEE_EVENTS, move |ev| match ev.type_().as_str() {
        "input" => number.on_input(&ev, commit),
        "compositionstart" => number.on_composition_start(),
        "compositionend" => number.on_composition_end(&ev, commit),
        "keydown" => {
            if let Some(key) = leptos::wasm_bindgen::JsCast::dyn_ref(&ev) {
                guard_composition(key);
            }
        }
        "focusout" => editor.visit_field(field),
        _ => {}
    });
    view! {
        <div class="field" node_ref=wrap>
            <label for=id.clone()>{field.label()}</label>
            <input
                node_ref=number.input
                id=id
                type="text"
                inputmode="decimal"
                autocomplete="off"
                readonly=move || editor.read_only.get()
                aria-describedby=error_id.clone()
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                prop:value=number.initial()
            />
            <p class="field-error" id=error_id>{move || error.get()}</p>
        </div>
    }
}

/// What a 信息处理费 figure's box listens to (on its field, where they bubble).
const FEE_EVENTS: [&str; 5] = [
    "input",
    "compositionstart",
    "compositionend",
    "keydown",
    "focusout",
];

/// The structured 信息处理费 figures (F2021).
#[component]
pub fn InfoFeeForm() -> impl IntoView {
    view! {
        <fieldset class="fee">
            <legend>"信息处理费（《政府信息公开信息处理费管理办法》）"</legend>
            <div class="details-grid">
                <FeeInput field=Field::FeeNotices />
                <FeeInput field=Field::FeeBilled />
                <FeeInput field=Field::FeeCollected />
            </div>
        </fieldset>
    }
}
