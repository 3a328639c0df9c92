//! What the summary's buttons do: each asks the editor (`nianbao_web::host`),
//! which edits its document and says so. A reason kept or taken back shows at
//! once here; the report the editor sends next agrees.

use leptos::prelude::*;
use nianbao_core::host::Request;
use nianbao_core::template::{CellId, Template, TemplateId};
use nianbao_web::findings::Acts;
use nianbao_web::host::request;
use nianbao_web::live::Live;

use crate::Shown;

impl Acts for Shown {
    fn template(&self) -> &'static Template {
        self.checked
            .with_untracked(|c| c.as_ref().map(|c| c.report.template_id()))
            .unwrap_or(TemplateId::F2021)
            .get()
    }
    fn reason(&self, key: &str) -> Option<String> {
        self.checked
            .with(|c| c.as_ref()?.report.explanations.get(key).cloned())
    }
    fn read_only(&self) -> bool {
        self.read_only.get()
    }
    fn replace(&self, cells: Vec<CellId>) {
        let cells = cells.into_iter().map(|c| c.0).collect();
        said(request(&Request::ReplaceTotals { cells }));
    }
    fn explain(&self, key: String, reason: String) -> Result<(), String> {
        request(&Request::Explain {
            key: key.clone(),
            reason: reason.clone(),
        })?;
        self.checked.update(|c| {
            if let Some(c) = c {
                c.report.explanations.insert(key, reason);
            }
        });
        Ok(())
    }
    fn unexplain(&self, key: String) {
        if said(request(&Request::Unexplain { key: key.clone() })) {
            self.checked.update(|c| {
                if let Some(c) = c {
                    c.report.explanations.remove(&key);
                }
            });
        }
    }
}

/// Says why the editor did not do it (it says what it did itself).
fn said(answer: Result<String, String>) -> bool {
    match answer {
        Ok(_) => true,
        Err(why) => {
            Live::say(&why);
            false
        }
    }
}
