//! 审核: the office reads a unit's package, sees how the unit answered the
//! last round's comments (已修改 / 说明 / 未答复), writes comments at cells or
//! sections, and passes the package or returns it — downloading the 退回意见
//! file the unit imports. The comments are the core's (`review::Review`).

use leptos::prelude::*;
use nianbao_core::collect::Unit;
use nianbao_core::review::{targets, At, Decision, Review};
use nianbao_core::template::Template;
use nianbao_web::download::{download, file_name};
use nianbao_web::modal::Modal;

use crate::actions::Ws;
use crate::desk::DeskState;

/// The round being written for `u`: the office's word on this version if
/// it has one, else a new one.
fn started(u: &Unit, desk: DeskState) -> Review {
    desk.desk
        .with_untracked(|d| d.review(&u.code).cloned())
        .unwrap_or(Review {
            agency: u.report.agency.name.trim().to_owned(),
            year: u.report.year,
            code: u.code.clone(),
            decision: Decision::Returned,
            made_at: String::new(),
            comments: Vec::new(),
        })
}

/// The last round on an earlier version of the same report, with how this
/// version answered each comment.
fn answered(u: &Unit, desk: DeskState) -> Vec<(String, String)> {
    desk.desk.with_untracked(|d| {
        let Some(before) = d
            .reviews
            .iter()
            .rev()
            .find(|r| r.code != u.code && r.is_for(&u.report))
        else {
            return Vec::new();
        };
        before
            .comments
            .iter()
            .map(|c| {
                let said = format!(
                    "第{}条（{}）：{}",
                    c.id,
                    c.at.label(u.report.template()),
                    c.text
                );
                let reply = u
                    .replies
                    .iter()
                    .find(|r| r.comment == c.id)
                    .map_or("未答复".to_owned(), |r| r.words());
                (said, reply)
            })
            .collect()
    })
}

fn now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// The dialog for the unit `desk.reviewing` names.
#[component]
pub(crate) fn ReviewDialog(ws: Ws, desk: DeskState) -> impl IntoView {
    let open = Signal::derive(move || desk.reviewing.with(Option::is_some));
    let unit = Memo::new(move |_| {
        desk.reviewing
            .get()
            .and_then(|id| ws.units.with_untracked(|w| w.get(&id).cloned()))
    });
    let round = RwSignal::new(None::<Review>);
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        round.set(unit.with(|u| u.as_ref().map(|u| started(u, desk))));
        error.set(None);
    });
    let close = move || desk.reviewing.set(None);
    let decide = move |decision: Decision| {
        let (Some(u), Some(mut r)) = (unit.get_untracked(), round.get_untracked()) else {
            return;
        };
        if decision == Decision::Returned && r.comments.is_empty() {
            return error.set(Some(
                "退回前请至少写一条意见，说明需要修改什么。".to_owned(),
            ));
        }
        r.decision = decision;
        r.made_at = now();
        let text = r.to_file();
        desk.change(|d| d.decide(r));
        let name = u.name().to_owned();
        let said = match decision {
            Decision::Passed => format!("“{name}”的报送包（{}）已通过。", u.code),
            Decision::Returned => {
                let file = file_name(&format!("{}（退回意见）", u.report.title()), "json");
                if download(&file, "application/json", &text) {
                    format!("已退回“{name}”，并下载了“{file}”：请把它交给该单位，对方用“导入”打开后可以看到每条意见。")
                } else {
                    format!("已退回“{name}”，但浏览器没有下载退回意见文件。请在“报送情况”中再点“审核…”，重新退回以下载。")
                }
            }
        };
        desk.said.set(Some(said));
        close();
    };
    view! {
        <Modal open on_close=move |_| close() labelledby="review-title" class="dialog dialog-wide">
            {move || unit.get().map(|u| view! {
                <h2 id="review-title">{format!("审核：{}", u.report.title())}</h2>
                <p>{format!("来自“{}”，报告指纹 {}。{} 个错误，{} 个提示。", u.file, u.code, u.summary.errors, u.summary.warnings)}</p>
                <Answers list=answered(&u, desk) />
                <Write u=u.clone() round error />
                <PublishedCheck u />
            })}
            {move || error.get().map(|e| view! { <p class="field-error" id="review-error">{e}</p> })}
            <div class="actions">
                <button type="button" class="primary" id="review-return" on:click=move |_| decide(Decision::Returned)>"退回修改（下载退回意见）"</button>
                <button type="button" id="review-pass" on:click=move |_| decide(Decision::Passed)>"通过"</button>
                <button type="button" on:click=move |_| close()>"取消"</button>
            </div>
        </Modal>
    }
}

/// The places a comment can be at, grouped for the picker: the text
/// sections, then each table's cells (by its name, 表二…表四), in order.
fn groups(template: &Template, places: &[(At, String)]) -> Vec<(String, Vec<(usize, String)>)> {
    let mut out: Vec<(String, Vec<(usize, String)>)> = Vec::new();
    for (i, (at, name)) in places.iter().enumerate() {
        let group = match at {
            At::Cell(key) => template
                .cell_by_dom_id(key)
                .map_or_else(String::new, |c| template.def(c).table.name().to_owned()),
            At::Field(_) => "文字部分".to_owned(),
        };
        match out.last_mut() {
            Some((g, list)) if *g == group => list.push((i, name.clone())),
            _ => out.push((group, vec![(i, name.clone())])),
        }
    }
    out
}

/// The last round's comments and this version's answers.
#[component]
fn Answers(list: Vec<(String, String)>) -> impl IntoView {
    (!list.is_empty()).then(|| {
        view! {
            <h3>"上一轮意见的答复"</h3>
            <ul class="finding-list" id="review-answers">
                {list.into_iter().map(|(said, reply)| view! {
                    <li class="finding finding-warning">{said}<br/><strong>{reply}</strong></li>
                }).collect_view()}
            </ul>
        }
    })
}

/// The comments of this round: the list, and a new one at a cell or section.
#[component]
fn Write(
    u: Unit,
    round: RwSignal<Option<Review>>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let places = StoredValue::new(targets(u.report.template()));
    let at = NodeRef::<leptos::html::Select>::new();
    let text = NodeRef::<leptos::html::Textarea>::new();
    let report = StoredValue::new(u.report.clone());
    let add = move |_| {
        let (Some(at), Some(text)) = (at.get(), text.get()) else {
            return;
        };
        let i: usize = at.value().parse().unwrap_or(usize::MAX);
        let Some((place, _)) = places.with_value(|p| p.get(i).cloned()) else {
            return error.set(Some("请选择意见针对的单元格或栏目。".to_owned()));
        };
        let mut result = Ok(());
        round.update(|r| {
            if let Some(r) = r {
                result = report.with_value(|rep| r.comment(rep, place, &text.value()));
            }
        });
        match result {
            Ok(()) => {
                text.set_value("");
                error.set(None);
            }
            Err(why) => error.set(Some(why)),
        }
    };
    let template = u.report.template();
    view! {
        <h3>"本轮意见"</h3>
        <ol class="review-comments" id="review-comments">
            {move || round.get().map(|r| r.comments.into_iter().map(|c| {
                let id = c.id;
                view! {
                    <li>
                        {format!("{}：{}", c.at.label(template), c.text)}
                        " "
                        <button type="button" class="link-button" on:click=move |_| round.update(|r| {
                            if let Some(r) = r { r.comments.retain(|x| x.id != id) }
                        })>"删除"</button>
                    </li>
                }
            }).collect_view())}
        </ol>
        <p><label>"针对 "
            <select node_ref=at id="review-at">
                {places.with_value(|p| groups(template, p)).into_iter().map(|(group, list)| view! {
                    <optgroup label=group>
                        {list.into_iter().map(|(i, name)| view! { <option value=i.to_string()>{name}</option> }).collect_view()}
                    </optgroup>
                }).collect_view()}
            </select>
        </label></p>
        <p><label>"意见 "<textarea node_ref=text id="review-text" rows="2"></textarea></label></p>
        <p><button type="button" id="review-add" on:click=add>"添加意见"</button></p>
    }
}

/// 核对已发布的报告: a published page, its PDF or the HTML export, read by
/// the importer, against this package: identical, or which figures differ.
#[component]
fn PublishedCheck(u: Unit) -> impl IntoView {
    let said = RwSignal::new(None::<String>);
    let file = NodeRef::<leptos::html::Input>::new();
    let sent = StoredValue::new((u.report, u.code));
    let on_pick = move |ev: leptos::ev::Event| {
        nianbao_web::published::pick(&ev, said, Some(sent.get_value()), "报送包");
    };
    view! {
        <h3>"发布后有无变动"</h3>
        <p>
            <button type="button" on:click=move |_| { if let Some(f) = file.get() { f.click() } }>"核对已发布的报告…"</button>
            <input node_ref=file type="file" class="sr-only" id="review-published" tabindex="-1"
                aria-label="选择已发布的报告（网页、PDF 或 HTML）" accept=".html,.htm,.pdf,.txt,.json,.docx" on:change=on_pick />
        </p>
        {move || said.get().map(|s| view! { <p id="review-published-result">{s}</p> })}
    }
}
