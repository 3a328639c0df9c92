//! Where findings show in the editor: a badge per section and a list under
//! each table and text field, all in the same words (`nianbao_web::findings`);
//! the error summary with its checklist, after 检查, is a module of its own
//! (`crates/nianbao-check`), sent the report whenever what it shows changes.

use leptos::prelude::*;
use nianbao_core::edit::Edit;
use nianbao_core::rules::{counts, Finding};
use nianbao_core::template::{CellId, TableId, Template};
use nianbao_core::Section;
use nianbao_web::findings::{item, Acts};

use crate::state::Editor;

impl Acts for Editor {
    fn template(&self) -> &'static Template {
        self.template.get_untracked().get()
    }
    fn reason(&self, key: &str) -> Option<String> {
        self.with_fields(|r| r.explanations.get(key).cloned())
    }
    fn read_only(&self) -> bool {
        self.read_only.get()
    }
    fn replace(&self, cells: Vec<CellId>) {
        self.replace_totals(cells);
    }
    fn explain(&self, key: String, reason: String) -> Result<(), String> {
        // Counted where it is typed: the 501st reason is refused here, never
        // written into a draft its own reader would refuse.
        let has_previous = self.previous.with_untracked(Option::is_some);
        let findings = self.findings.get_untracked();
        self.apply(Edit::Explain {
            key,
            reason,
            findings,
            has_previous,
        })
        .map(|_| ())
    }
    fn unexplain(&self, key: String) {
        self.edit(Edit::Unexplain(key));
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
            // A sentence quoted from it, or a comment or local rule about it.
            Under::Field(field) => {
                f.quote.as_ref().is_some_and(|q| q.field == field)
                    || (f.rule.from_outside()
                        && f.cells.is_empty()
                        && f.fields.first() == Some(&field))
            }
            Under::Table(table) => f
                .cells
                .first()
                .is_some_and(|c| template.def(*c).table == table),
        }
    }
}

/// The findings about one text field (a sentence quoted from it, a comment
/// or a local rule on it), under it.
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
                            {item(editor, &f)}
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
