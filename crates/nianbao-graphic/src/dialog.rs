//! The dialog: the picture and its table, A4 or web, and where it can go.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use nianbao_core::render::infographic::{
    infographic_figure, infographic_print_page, infographic_svg, title, Canvas,
};
use nianbao_web::download::{download, file_name};
use nianbao_web::modal::Modal;
use wasm_bindgen_futures::JsFuture;

/// Prints the A4 picture from a frame of its own (the page stays as it is).
async fn print(page: String) -> Result<(), String> {
    let fail = |_| "浏览器没能打开打印。可以改为下载 SVG 后打印。".to_owned();
    let document = document();
    let frame: web_sys::HtmlIFrameElement = document
        .create_element("iframe")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| fail(leptos::wasm_bindgen::JsValue::NULL))?;
    frame.set_class_name("print-frame");
    frame.set_title("一图读懂（打印）");
    frame.set_srcdoc(&page);
    let loaded = js_sys::Promise::new(&mut |resolve, _| frame.set_onload(Some(&resolve)));
    document
        .body()
        .ok_or("")?
        .append_child(&frame)
        .map_err(fail)?;
    JsFuture::from(loaded).await.map_err(fail)?;
    if let Some(w) = frame.content_window() {
        w.print().map_err(fail)?;
    }
    frame.remove();
    Ok(())
}

#[component]
pub fn GraphicDialog() -> impl IntoView {
    let shown = crate::shown();
    let canvas = RwSignal::new(Canvas::A4);
    let problem = RwSignal::new(None::<String>);
    let close = move || shown.open.set(false);
    let figure = move || {
        shown.sent.with(|s| {
            s.as_ref()
                .map(|s| infographic_figure(&s.report, s.previous.as_ref(), canvas.get()))
                .unwrap_or_default()
        })
    };
    let with_svg = move |f: &dyn Fn(String, String)| {
        shown.sent.with_untracked(|s| {
            if let Some(s) = s {
                let c = canvas.get_untracked();
                let name = format!("{}一图读懂（{}）", title(&s.report), c.label());
                f(infographic_svg(&s.report, s.previous.as_ref(), c), name);
            }
        })
    };
    let svg = move |_| {
        with_svg(&|svg, name| {
            download(&file_name(&name, "svg"), "image/svg+xml", &svg);
        })
    };
    let png = move |_| {
        with_svg(&|svg, name| {
            let width = crate::png::width_for(canvas.get_untracked());
            leptos::task::spawn_local(async move {
                match crate::png::png_url(&svg, width).await {
                    Ok(url) => {
                        crate::png::download_url(&url, &file_name(&name, "png"));
                    }
                    Err(why) => problem.set(Some(why)),
                }
            });
        })
    };
    let print_it = move |_| {
        let page = shown.sent.with_untracked(|s| {
            s.as_ref()
                .map(|s| infographic_print_page(&s.report, s.previous.as_ref()))
        });
        if let Some(page) = page {
            leptos::task::spawn_local(async move {
                if let Err(why) = print(page).await {
                    problem.set(Some(why));
                }
            });
        }
    };
    view! {
        <Modal open=shown.open on_close=move |_| close() labelledby="graphic-title" class="dialog compose graphic">
            <h2 id="graphic-title">"一图读懂"</h2>
            <p class="hint">"根据表格中的数字生成；图中的每个数字也列在图下的表格中。SVG 适合网站和印刷，PNG 适合发布到不能放 SVG 的地方。"</p>
            <fieldset class="compose-choice">
                <legend>"版式"</legend>
                {Canvas::ALL.into_iter().map(|c| view! {
                    <label>
                        <input type="radio" name="graphic-canvas" prop:checked=move || canvas.get() == c
                            on:change=move |_| canvas.set(c) />
                        {c.label()}
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="actions">
                <button type="button" class="primary" on:click=svg>"下载 SVG"</button>
                <button type="button" on:click=png>"下载 PNG"</button>
                <button type="button" on:click=print_it>"打印（A4）"</button>
                <button type="button" on:click=move |_| close()>"关闭"</button>
            </div>
            {move || problem.get().map(|p| view! { <p class="notice notice-error">{p}</p> })}
            <div class="graphic-preview" id="graphic-preview" inner_html=figure></div>
        </Modal>
    }
}
