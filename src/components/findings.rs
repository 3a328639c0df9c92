//! Where findings show: the error summary at the top (GOV.UK pattern), a
//! badge per section, and a list under each table — all in the same words.

use leptos::prelude::*;
use nianbao_core::edit::Edit;
use nianbao_core::rules::{counts, counts_explained, Finding};
use nianbao_core::template::{TableId, Template};
use nianbao_core::{Section, Severity};

use super::keys::{focus_id, select_in};
use crate::state::Editor;

/// The element a finding points at: its first cell, else its first field.
pub fn target_id(template: &Template, f: &Finding) -> String {
    match (f.cells.first(), f.fields.first()) {
        (Some(c), _) => template.def(*c).dom_id(),
        (None, Some(field)) => field.key(),
        (None, None) => "main".to_owned(),
    }
}

fn item(f: &Finding, target: String) -> impl IntoView {
    let editor = Editor::get();
    let template = editor.template.get_untracked().get();
    let replace = f.recomputable_total(template).map(|cell| {
        view! {
            " "
            <button type="button" class="link-button" on:click=move |_| editor.replace_totals(vec![cell])>
                "用计算值替换"
            </button>
        }
    });
    let href = format!("#{target}");
    let quote = f.quote.clone();
    let select = quote.as_ref().map(|q| (q.field.key(), q.at));
    let message = quoted_message(f);
    let label = f.severity.label();
    let class = match f.severity {
        Severity::Error => "finding finding-error",
        Severity::Warning => "finding finding-warning",
    };
    let explain = (f.severity == Severity::Warning)
        .then(|| view! { <Explain key=f.key(editor.template.get_untracked().get()) /> });
    view! {
        <li class=class>
            <span class="finding-kind">{if f.severity == Severity::Error { "✖ " } else { "⚠ " }}{label}</span>
            " "
            <a
                href=href
                on:click=move |ev| {
                    ev.prevent_default();
                    match &select {
                        Some((id, (a, b))) => select_in(id, *a, *b),
                        None => focus_id(&target),
                    }
                }
            >
                {message}
            </a>
            <span class="rule-id">{format!("（{}）", f.rule.code())}</span>
            {replace}
            {explain}
        </li>
    }
}

/// A warning's reason: given, shown as 已说明 (the warning stays), changed
/// or taken back. Kept in the draft and the exported files.
#[component]
fn Explain(key: String) -> impl IntoView {
    let editor = Editor::get();
    let key = StoredValue::new(key);
    let reason = Memo::new(move |_| {
        editor.with_fields(|r| key.with_value(|k| r.explanations.get(k).cloned()))
    });
    let editing = RwSignal::new(false);
    let refused = RwSignal::new(None::<String>);
    super::live::announce(move || refused.get());
    let input = NodeRef::<leptos::html::Input>::new();
    let save = move || {
        let Some(el) = input.get_untracked() else {
            return;
        };
        let text = el.value();
        if text.trim().is_empty() {
            return;
        }
        // Counted where it is typed: the 501st reason is refused here, never
        // written into a draft its own reader would refuse.
        let has_previous = editor.previous.with_untracked(Option::is_some);
        let findings = editor.findings.get_untracked();
        let explained = editor.apply(Edit::Explain {
            key: key.get_value(),
            reason: text,
            findings,
            has_previous,
        });
        match explained {
            Ok(_) => {
                refused.set(None);
                editing.set(false);
            }
            Err(why) => refused.set(Some(why)),
        }
    };
    let remove = move |_| {
        editor.edit(Edit::Unexplain(key.get_value()));
    };
    let start = move |_| {
        editing.set(true);
        request_animation_frame(move || {
            if let Some(i) = input.get_untracked() {
                let _ = i.focus();
            }
        });
    };
    move || {
        if editing.get() {
            let text = reason.get_untracked().unwrap_or_default();
            return reason_form(input, text, save, editing, refused);
        }
        match reason.get() {
            Some(text) => view! {
                <span class="explained">
                    " "
                    <span class="explained-mark">"已说明："</span>{text}
                    " "
                    <button type="button" class="link-button" hidden=move || editor.read_only.get() on:click=start>"修改说明"</button>
                    " "
                    <button type="button" class="link-button" hidden=move || editor.read_only.get() on:click=remove>"删除说明"</button>
                </span>
            }
            .into_any(),
            None => view! {
                " "
                <button type="button" class="link-button" hidden=move || editor.read_only.get() on:click=start>"说明原因"</button>
            }
            .into_any(),
        }
    }
}

/// The box a reason is typed into: Enter saves, Esc cancels.
fn reason_form(
    input: NodeRef<leptos::html::Input>,
    text: String,
    save: impl Fn() + Copy + 'static,
    editing: RwSignal<bool>,
    refused: RwSignal<Option<String>>,
) -> AnyView {
    view! {
        <span class="explain-form">
            " "
            <input node_ref=input type="text" class="explain-input" aria-label="说明原因"
                maxlength=nianbao_core::limits::MAX_REASON_CHARS
                placeholder="例如：机构改革，上年由原机关办理"
                prop:value=text
                on:keydown=move |ev| {
                    if super::keys::guard_composition(&ev) { return; }
                    if ev.key() == "Enter" { ev.prevent_default(); save(); }
                    if ev.key() == "Escape" { editing.set(false); }
                } />
            " "
            <button type="button" class="link-button" on:click=move |_| save()>"保存说明"</button>
            " "
            <button type="button" class="link-button" on:click=move |_| editing.set(false)>"取消"</button>
            {move || refused.get().map(|why| view! { <span class="field-error">" " {why}</span> })}
        </span>
    }
    .into_any()
}

/// A finding's words; the sentence it quotes with the figure marked.
fn quoted_message(f: &Finding) -> AnyView {
    let parts = f.quote.as_ref().and_then(|q| {
        let sentence = q.sentence.trim();
        let (before, after) = f.message.split_once(sentence)?;
        let chars: Vec<char> = sentence.chars().collect();
        let (a, b) = q.figure.unwrap_or((chars.len(), chars.len()));
        let (a, b) = (a.min(chars.len()), b.min(chars.len()));
        let piece = |r: std::ops::Range<usize>| chars[r].iter().collect::<String>();
        Some((
            before.to_owned(),
            piece(0..a),
            piece(a..b),
            piece(b..chars.len()),
            after.to_owned(),
        ))
    });
    match parts {
        Some((before, lead, figure, tail, after)) => view! {
            {before}
            <q class="finding-quote">{lead}{(!figure.is_empty()).then(|| view! { <mark>{figure}</mark> })}{tail}</q>
            {after}
        }
        .into_any(),
        None => f.message.clone().into_any(),
    }
}

#[component]
pub fn ErrorSummary() -> impl IntoView {
    let editor = Editor::get();
    move || {
        // What 检查 (or an export) found, kept up to date from then on. Before
        // it, findings show at their cells, under their table and beside the
        // section heading: a list growing and shrinking above the form while
        // someone types would move the whole page under their hands.
        let checked = editor.check_all.get();
        if !checked {
            return None;
        }
        editor.shown.with(|shown| {
            if shown.is_empty() {
                return checked.then(|| {
                    view! {
                        <div class="check-ok" id="error-summary" tabindex="-1">
                            <h2 class="summary-title">"检查完成：没有发现问题"</h2>
                            <Checklist />
                        </div>
                    }
                    .into_any()
                });
            }
            let (errors, warnings, explained) = editor.with_fields(|r| counts_explained(shown, r));
            let template = editor.template.get().get();
            let sums = shown.iter().filter_map(|f| f.recomputable_total(template)).count();
            let items = shown
                .iter()
                .map(|f| item(f, target_id(template, f)))
                .collect_view();
            Some(
                view! {
                    <div class="error-summary" id="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
                        <h2 class="summary-title" id="error-summary-title">
                            {format!("有 {} 个问题需要处理", shown.len())}
                        </h2>
                        <p class="summary-counts">{format!(
                            "{errors} 个错误，{warnings} 个提示{}。点击一项可跳到对应位置；提示可以说明原因。",
                            if explained > 0 { format!("（其中 {explained} 个已说明原因）") } else { String::new() }
                        )}</p>
                        {(sums > 1).then(|| view! {
                            <p>
                                <button type="button" on:click=move |_| editor.replace_totals(Vec::new())>
                                    {format!("全部用计算值替换（{sums} 个合计）")}
                                </button>
                            </p>
                        })}
                        <ul class="finding-list">{items}</ul>
                        <Checklist />
                    </div>
                }
                .into_any(),
            )
        })
    }
}

/// The list before publishing (six sections, tables, 信息处理费, date, year,
/// findings resolved or explained), read off the export-stage findings.
#[component]
fn Checklist() -> impl IntoView {
    let editor = Editor::get();
    let items = Memo::new(move |_| {
        editor.shown.with(|shown| {
            editor.with_fields(|r| nianbao_core::rules::checklist::checklist(r, shown))
        })
    });
    view! {
        <div class="checklist">
            <h3 class="checklist-title">"发布前检查清单"</h3>
            <ul id="checklist">
                {move || items.get().into_iter().map(|i| view! {
                    <li class=if i.ok { "check-item check-done" } else { "check-item check-open" }>
                        <span aria-hidden="true">{if i.ok { "✓ " } else { "✗ " }}</span>
                        <span class="sr-only">{if i.ok { "已完成：" } else { "未完成：" }}</span>
                        {i.label}
                        {(!i.detail.is_empty()).then(|| format!("：{}", i.detail))}
                    </li>
                }).collect_view()}
            </ul>
            <p>
                <button type="button" id="download-check-report" on:click=move |_| crate::exports::download_check_report(editor)>
                    "下载体检报告"
                </button>
                " 列出全部问题、两边的数值和说明的原因，可打印或随报告报送。"
            </p>
        </div>
    }
}

/// The error and warning counts of one section, beside its heading.
#[component]
pub fn SectionBadge(section: Section) -> impl IntoView {
    let editor = Editor::get();
    let counts = Memo::new(move |_| {
        let template = editor.template.get().get();
        editor.shown.with(|shown| {
            let mine: Vec<Finding> = shown
                .iter()
                .filter(|f| f.section_in(template) == section)
                .cloned()
                .collect();
            counts(&mine)
        })
    });
    move || {
        let (e, w) = counts.get();
        (e + w > 0).then(|| {
            let mut parts = Vec::new();
            if e > 0 {
                parts.push(format!("✖ {e} 个错误"));
            }
            if w > 0 {
                parts.push(format!("⚠ {w} 个提示"));
            }
            let class = if e > 0 { "badge badge-error" } else { "badge" };
            view! {
                <span class=class>{parts.join(" ")}</span>
            }
        })
    }
}

/// Where a list of findings stands: under one text field (the findings that
/// quote a sentence of it) or under one table (those of its cells).
#[derive(Clone, Copy)]
enum Under {
    Field(nianbao_core::report::Field),
    Table(TableId),
}

impl Under {
    fn holds(self, f: &Finding, template: &Template) -> bool {
        match self {
            Under::Field(field) => f.quote.as_ref().is_some_and(|q| q.field == field),
            Under::Table(table) => f
                .cells
                .first()
                .is_some_and(|c| template.def(*c).table == table),
        }
    }
}

/// The findings that quote a sentence of one text field, under it.
#[component]
pub fn FieldFindings(field: nianbao_core::report::Field) -> impl IntoView {
    findings_under(Under::Field(field))
}

/// The findings of one table, under it, in full words.
#[component]
pub fn TableFindings(table: TableId) -> impl IntoView {
    findings_under(Under::Table(table))
}

/// One list for both places (one copy of its code).
fn findings_under(under: Under) -> impl IntoView {
    let editor = Editor::get();
    let mine = Memo::new(move |_| {
        let template = editor.template.get().get();
        editor.shown.with(|shown| {
            shown
                .iter()
                .filter(|f| under.holds(f, template))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let any = Memo::new(move |_| mine.with(|m| !m.is_empty()));
    // Keyed by the whole finding: when the checks run again, only the items
    // that came or went touch the page.
    move || {
        any.get().then(|| {
            let title = match under {
                Under::Table(table) => Some(view! {
                    <p class="table-findings-title">{format!("{}的问题：", table.name())}</p>
                }),
                Under::Field(_) => None,
            };
            let class = match under {
                Under::Table(_) => "finding-list",
                Under::Field(_) => "finding-list field-findings",
            };
            view! {
                <div class:table-findings=matches!(under, Under::Table(_))>
                    {title}
                    <ul class=class>
                        <For each=move || mine.get() key=|f| (f.rule, f.message.clone()) let:f>
                            {item(&f, target_id(editor.template.get_untracked().get(), &f))}
                        </For>
                    </ul>
                </div>
            }
        })
    }
}

/// Tells screen-reader users how the checks stand (in the page's live
/// region), only after typing pauses — never on every keystroke.
pub fn announce_findings() {
    let editor = Editor::get();
    let counts_now = Memo::new(move |_| editor.shown.with(|s| counts(s)));
    let timer = crate::debounce::Debounce::new(ANNOUNCE_AFTER_MS);
    Effect::new(move |first: Option<()>| {
        let (e, w) = counts_now.get();
        if first.is_none() {
            return;
        }
        let message = if e + w == 0 {
            "检查结果：没有发现问题。".to_owned()
        } else {
            format!("检查结果：{e} 个错误，{w} 个提示。")
        };
        timer.call(move || super::live::Live::say(&message));
    });
}

/// Announcements wait for this pause in typing.
pub const ANNOUNCE_AFTER_MS: u64 = 1500;
