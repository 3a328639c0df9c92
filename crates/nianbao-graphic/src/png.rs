//! The picture as PNG: the browser draws the SVG onto a canvas (its own
//! system fonts, nothing fetched) and encodes it.

use leptos::wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Pixels across for a canvas: A4 at 150 dpi, the web version as it is.
pub fn width_for(canvas: nianbao_core::render::infographic::Canvas) -> u32 {
    match canvas {
        nianbao_core::render::infographic::Canvas::A4 => 1240,
        nianbao_core::render::infographic::Canvas::Web => 1080,
    }
}

/// The SVG drawn `width` pixels wide on white, as a `data:image/png` URL.
pub async fn png_url(svg: &str, width: u32) -> Result<String, String> {
    let fail = |_| "浏览器没能把图片画成 PNG。可以改为下载 SVG。".to_owned();
    let document = leptos::prelude::document();
    let img = web_sys::HtmlImageElement::new().map_err(fail)?;
    let encoded: String = js_sys::encode_uri_component(svg).into();
    img.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
    JsFuture::from(img.decode()).await.map_err(fail)?;
    let (w, h) = (img.natural_width().max(1), img.natural_height().max(1));
    let height = (f64::from(width) * f64::from(h) / f64::from(w)).round() as u32;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| fail(JsValue::NULL))?;
    canvas.set_width(width);
    canvas.set_height(height);
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(fail)?
        .ok_or_else(|| fail(JsValue::NULL))?
        .dyn_into()
        .map_err(|_| fail(JsValue::NULL))?;
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, f64::from(width), f64::from(height));
    ctx.draw_image_with_html_image_element_and_dw_and_dh(
        &img,
        0.0,
        0.0,
        f64::from(width),
        f64::from(height),
    )
    .map_err(fail)?;
    canvas.to_data_url_with_type("image/png").map_err(fail)
}

/// Offers a `data:` URL as a file.
pub fn download_url(url: &str, name: &str) -> bool {
    let run = || -> Option<()> {
        let document = web_sys::window()?.document()?;
        let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(url);
        a.set_download(name);
        document.body()?.append_child(&a).ok()?;
        a.click();
        a.remove();
        Some(())
    };
    run().is_some()
}
