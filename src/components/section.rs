//! One of the six official sections with what it holds.

use std::sync::Arc;

use leptos::prelude::*;
use nianbao_core::edit::Edit;
use nianbao_core::report::{Aspect, Field};
use nianbao_core::template::TableId;
use nianbao_core::Section;

use super::details::InfoFeeForm;
use super::findings::SectionBadge;
use super::table::TableEditor;
use super::text::{FieldText, TextBox};
use crate::state::Editor;

#[component]
pub fn ReportSection(section: Section) -> impl IntoView {
    let heading_id = format!("h-{}", section.key());
    let labelled_by = heading_id.clone();
    let body = match section {
        Section::Overview => view! { <Overview /> }.into_any(),
        Section::Proactive => view! { <TableEditor table=TableId::Proactive /> }.into_any(),
        Section::Requests => view! {
            <TableEditor table=TableId::Requests />
            <super::compose::TableTools nil=true />
        }
        .into_any(),
        Section::ReviewLitigation => view! {
            <TableEditor table=TableId::ReviewLitigation />
            <super::compose::TableTools nil=false />
        }
        .into_any(),
        Section::Problems => view! {
            <FieldText field=Field::Problems label="存在的主要问题及改进情况".to_owned()
                hint="写明本年度存在的问题和改进措施，以及上年度问题的整改情况；不要照抄上年报告。".to_owned()
                multiline=true />
        }
        .into_any(),
        Section::Other => view! { <OtherMatters /> }.into_any(),
    };
    view! {
        <section class="report-section" id=format!("section-{}", section.key()) aria-labelledby=labelled_by>
            <div class="section-head">
                <h2 id=heading_id>{section.heading()}</h2>
                <SectionBadge section />
            </div>
            {body}
        </section>
    }
}

#[component]
fn Overview() -> impl IntoView {
    let editor = Editor::get();
    move || {
        if editor.template.get().overview_by_aspects() {
            view! {
            <FieldText field=Field::OverviewText label="总述".to_owned()
                hint="本年度政府信息公开工作的总体情况。以下五个方面是2021年版格式要求的内容。".to_owned()
                multiline=true />
            {Aspect::ALL
                .into_iter()
                .map(|a| view! { <FieldText field=Field::Aspect(a) label=a.title().to_owned() multiline=true /> })
                .collect_view()}
        }
        .into_any()
        } else {
            view! {
                <FieldText field=Field::OverviewText label="总体情况".to_owned() multiline=true />
                <Parts />
            }
            .into_any()
        }
    }
}

/// F2019's optional titled sub-parts of 总体情况.
#[component]
fn Parts() -> impl IntoView {
    let editor = Editor::get();
    let count = Memo::new(move |_| editor.with_fields(|r| r.overview.parts.len()));
    let add = move |_| {
        editor.edit(Edit::AddPart);
    };
    view! {
        {move || {
            (0..count.get())
                .map(|i| {
                    let get_title = Arc::new(move || {
                        editor.with_report_untracked(|r| r.overview.parts.get(i).map(|p| p.title.clone()).unwrap_or_default())
                    });
                    let set_title = Arc::new(move |t: String| {
                        editor.edit(Edit::SetPartTitle { part: i, title: t });
                    });
                    let remove = move |_| {
                        editor.edit(Edit::RemovePart(i));
                    };
                    view! {
                        <div class="part">
                            <TextBox id=format!("overview-part-title-{i}") label=format!("第 {} 部分小标题", i + 1)
                                multiline=false get=get_title set=set_title />
                            <FieldText field=Field::Part(i) label=format!("第 {} 部分内容", i + 1) multiline=true />
                            <button type="button" class="link-button" on:click=remove>{format!("删除第 {} 部分", i + 1)}</button>
                        </div>
                    }
                })
                .collect_view()
        }}
        <button type="button" class="secondary" on:click=add disabled=move || count.get() >= nianbao_core::limits::MAX_PARTS>"添加一个小标题部分"</button>
    }
}

#[component]
fn OtherMatters() -> impl IntoView {
    let editor = Editor::get();
    view! {
        <FieldText field=Field::OtherText label="其他需要报告的事项".to_owned()
            hint="应报告信息处理费的收取情况；没有其他事项的写“无。”".to_owned()
            multiline=true />
        {move || editor.template.get().has_info_fee().then(|| view! { <InfoFeeForm /> })}
    }
}
