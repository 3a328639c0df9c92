//! 一图读懂: the year's figures as one SVG picture — the key numbers (with
//! last year's change when its report is there), 表三's results as a bar,
//! 表四's outcomes, the derived indicators — every figure also as text in the
//! picture, and the same figures as a table for the page around it. Fonts are
//! named, never shipped: the CJK fonts of Windows, 统信/麒麟 and macOS, then
//! any sans-serif.

use maud::{html, Markup, PreEscaped};

use crate::draft::{
    cases, change_words, indicators, percent, Quantity, CARRIED_OVER, CARRY_FORWARD,
    LITIGATION_TOTAL, NEW_RECEIVED, RESULTS, RESULT_TOTAL, REVIEW_TOTAL,
};
use crate::report::Report;
use crate::template::keys as key;
use crate::template::{T4_LITIGATION, T4_RESULTS, T4_REVIEW};

/// The picture's two shapes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Canvas {
    /// A4 portrait, to print (210 × 297 mm).
    A4,
    /// 1080 pixels wide, for a web page or a phone.
    Web,
}

impl Canvas {
    pub const ALL: [Canvas; 2] = [Canvas::A4, Canvas::Web];

    pub const fn key(self) -> &'static str {
        match self {
            Canvas::A4 => "a4",
            Canvas::Web => "web",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            Canvas::A4 => "A4 竖版（打印）",
            Canvas::Web => "网页版（宽 1080 像素）",
        }
    }

    pub fn from_key(key: &str) -> Option<Canvas> {
        Canvas::ALL.into_iter().find(|c| c.key() == key)
    }
}

const FONTS: &str = "'Microsoft YaHei','微软雅黑','PingFang SC','Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei','UOS Sans','SimHei',sans-serif";
const WIDTH: u32 = 1080;
/// A4's height at the picture's width (297 / 210).
const A4_HEIGHT: u32 = 1527;
const INK: &str = "#1a1a1a";
const MUTED: &str = "#4a4a4a";
const ACCENT: &str = "#a61b1b";
/// Bar colours, told apart by more than hue (dark to light) and labelled in text.
const COLOURS: [&str; 6] = [
    "#1d4f91", "#3a7cc4", "#b35c00", "#7a4ea3", "#5c6b73", "#9aa5ab",
];

/// One figure of the picture: its name, value and change (all as text too).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyFigure {
    pub name: String,
    pub value: Option<i64>,
    /// "较上年增加4件（增长4.4%）", when last year's report is there.
    pub change: Option<String>,
}

fn key_figure(name: &str, q: Quantity, r: &Report, previous: Option<&Report>) -> KeyFigure {
    let value = q.value(r);
    let change = match (value, previous.and_then(|p| q.value(p))) {
        (Some(now), Some(last)) => Some(change_words(now, last, "件")),
        _ => None,
    };
    KeyFigure {
        name: name.to_owned(),
        value,
        change,
    }
}

/// The key figures, in the order the picture shows them.
pub fn key_figures(r: &Report, previous: Option<&Report>) -> Vec<KeyFigure> {
    vec![
        key_figure("本年新收申请", NEW_RECEIVED, r, previous),
        key_figure("上年结转申请", CARRIED_OVER, r, previous),
        key_figure("本年办结申请", RESULT_TOTAL, r, previous),
        key_figure("结转下年度", CARRY_FORWARD, r, previous),
        key_figure(T4_REVIEW, REVIEW_TOTAL, r, previous),
        key_figure(T4_LITIGATION, LITIGATION_TOTAL, r, previous),
    ]
}

/// A bar's parts: name and count (blank counts as 0; `None` when all blank).
fn parts(r: &Report, list: &[(String, Quantity)]) -> Option<Vec<(String, i64)>> {
    let values: Vec<Option<i64>> = list.iter().map(|(_, q)| q.value(r)).collect();
    if values.iter().all(Option::is_none) {
        return None;
    }
    Some(
        list.iter()
            .zip(values)
            .map(|((n, _), v)| (n.clone(), v.unwrap_or(0)))
            .collect(),
    )
}

fn result_parts(r: &Report) -> Option<Vec<(String, i64)>> {
    let list: Vec<(String, Quantity)> = RESULTS.iter().map(|q| (q.name.to_owned(), *q)).collect();
    parts(r, &list)
}

fn case_parts(r: &Report, groups: &'static [&'static str]) -> Option<Vec<(String, i64)>> {
    let list: Vec<(String, Quantity)> = T4_RESULTS
        .iter()
        .map(|(col, name)| ((*name).to_owned(), cases("", groups, col)))
        .collect();
    parts(r, &list)
}

const REVIEW: &[&str] = &[key::REVIEW];
const LITIGATION: &[&str] = &[key::LIT_DIRECT, key::LIT_AFTER_REVIEW];

fn shown(v: Option<i64>) -> String {
    v.map_or_else(|| "未填".to_owned(), |v| v.to_string())
}

/// The picture's title: agency, year, 一图读懂.
pub fn title(r: &Report) -> String {
    let agency = r.agency.name.trim();
    let agency = if agency.is_empty() {
        "本机关"
    } else {
        agency
    };
    format!("{agency}{}年政府信息公开工作年度报告", r.year)
}

/// A stacked bar at `y` with a legend row per part below it; its height.
fn bar(out: &mut Vec<Markup>, y: u32, parts: &[(String, i64)]) -> u32 {
    let total: i64 = parts.iter().map(|p| p.1).sum();
    let (x0, width, h) = (60.0_f64, 960.0_f64, 44u32);
    let mut x = x0;
    if total > 0 {
        for (i, (_, v)) in parts.iter().enumerate() {
            let w = width * (*v as f64) / (total as f64);
            if w > 0.0 {
                out.push(html! { rect x=(format!("{x:.1}")) y=(y) width=(format!("{w:.1}")) height=(h) fill=(COLOURS[i % 6]) {} });
            }
            x += w;
        }
    } else {
        out.push(html! { rect x=(x0) y=(y) width=(width) height=(h) fill="#e6e6e6" {} });
    }
    let mut row = y + h + 34;
    for (i, (name, v)) in parts.iter().enumerate() {
        let (col, line) = (i % 2, i / 2);
        let (lx, ly) = (60 + col as u32 * 490, row + line as u32 * 40);
        let share = percent(*v, total).unwrap_or_else(|| "—".to_owned());
        out.push(html! {
            rect x=(lx) y=(ly - 18) width="22" height="22" fill=(COLOURS[i % 6]) {}
            text x=(lx + 32) y=(ly) font-size="24" fill=(INK) { (name) " " (v) "件（" (share) "）" }
        });
    }
    row += parts.len().div_ceil(2) as u32 * 40;
    row - y
}

fn heading(out: &mut Vec<Markup>, y: u32, text: &str) {
    out.push(html! {
        rect x="60" y=(y - 30) width="8" height="36" fill=(ACCENT) {}
        text x="80" y=(y) font-size="30" font-weight="bold" fill=(INK) { (text) }
    });
}

/// The key figures as a grid of boxes, three a row; its height.
fn key_boxes(out: &mut Vec<Markup>, y: u32, figures: &[KeyFigure]) -> u32 {
    for (i, f) in figures.iter().enumerate() {
        let (x, by) = (60 + (i % 3) as u32 * 325, y + (i / 3) as u32 * 170);
        out.push(html! {
            rect x=(x) y=(by) width="305" height="150" rx="10" fill="#f3f6fa" stroke="#c9d3df" {}
            text x=(x + 20) y=(by + 40) font-size="24" fill=(MUTED) { (f.name) }
            text x=(x + 20) y=(by + 98) font-size="48" font-weight="bold" fill="#1d4f91" {
                (shown(f.value)) @if f.value.is_some() { tspan font-size="24" { " 件" } }
            }
            @if let Some(c) = &f.change {
                text x=(x + 20) y=(by + 132) font-size="20" fill=(MUTED) {
                    (arrow(c)) (c.trim_start_matches("较上年"))
                }
            }
        });
    }
    figures.len().div_ceil(3) as u32 * 170
}

/// ▲ / ▼ / = before a change's words (the words say it too).
fn arrow(change: &str) -> &'static str {
    if change.contains("增加") {
        "▲ "
    } else if change.contains("减少") {
        "▼ "
    } else {
        "= "
    }
}

/// The picture as SVG.
pub fn infographic_svg(r: &Report, previous: Option<&Report>, canvas: Canvas) -> String {
    let title = title(r);
    let mut out: Vec<Markup> = Vec::new();
    let mut y = 70;
    out.push(html! {
        rect x="0" y="0" width=(WIDTH) height="130" fill=(ACCENT) {}
        text x="60" y=(y) font-size="34" font-weight="bold" fill="#ffffff" { (title) }
        text x="60" y=(y + 42) font-size="28" fill="#ffffff" { "一图读懂" }
    });
    y = 200;
    heading(&mut out, y, "依申请公开与复议诉讼");
    if let Some(p) = previous {
        out.push(html! { text x="1020" y=(y) font-size="20" text-anchor="end" fill=(MUTED) { "箭头为与" (p.year) "年度相比" } });
    }
    y += 30;
    y += key_boxes(&mut out, y, &key_figures(r, previous)) + 50;
    heading(&mut out, y, "申请的办理结果（表三）");
    y += 30;
    y += match result_parts(r) {
        Some(p) => bar(&mut out, y, &p),
        None => note(&mut out, y, "未填写"),
    } + 40;
    for (name, groups) in [(T4_REVIEW, REVIEW), (T4_LITIGATION, LITIGATION)] {
        heading(&mut out, y, &format!("{name}结果（表四）"));
        y += 30;
        y += match case_parts(r, groups) {
            Some(p) => bar(&mut out, y, &p),
            None => note(&mut out, y, "未填写"),
        } + 40;
    }
    heading(&mut out, y, "派生指标");
    y += 20;
    for (i, ind) in indicators(r).into_iter().enumerate() {
        let (x, iy) = (60 + (i % 3) as u32 * 325, y + 40 + (i / 3) as u32 * 90);
        out.push(html! {
            text x=(x) y=(iy) font-size="22" fill=(MUTED) { (ind.name) }
            text x=(x) y=(iy + 42) font-size="36" font-weight="bold" fill=(INK) { (ind.rate) }
        });
    }
    y += 40 + 2 * 90;
    let footer = format!("数据来源：{title}。比率按表三、表四总计计算。");
    let height = match canvas {
        Canvas::A4 => A4_HEIGHT.max(y + 60),
        Canvas::Web => y + 60,
    };
    // A4 is a page: a longer picture is scaled to fit it, never cut.
    let (w_attr, h_attr) = match canvas {
        Canvas::A4 => ("210mm".to_owned(), "297mm".to_owned()),
        Canvas::Web => (WIDTH.to_string(), height.to_string()),
    };
    let desc = description(r, previous);
    html! {
        svg xmlns="http://www.w3.org/2000/svg" width=(w_attr) height=(h_attr)
            viewBox=(format!("0 0 {WIDTH} {height}")) preserveAspectRatio="xMidYMin meet" role="img" aria-labelledby="ig-title ig-desc"
            font-family=(FONTS) {
            title id="ig-title" { (title) "：一图读懂" }
            desc id="ig-desc" { (desc) }
            rect x="0" y="0" width=(WIDTH) height=(height) fill="#ffffff" {}
            @for m in &out { (m) }
            text x="60" y=(height - 30) font-size="20" fill=(MUTED) { (footer) }
        }
    }
    .into_string()
}

fn note(out: &mut Vec<Markup>, y: u32, text: &str) -> u32 {
    out.push(html! { text x="60" y=(y + 30) font-size="24" fill=(MUTED) { (text) } });
    50
}

/// Every figure of the picture in words, for its `<desc>`.
fn description(r: &Report, previous: Option<&Report>) -> String {
    let mut parts: Vec<String> = key_figures(r, previous)
        .into_iter()
        .map(|f| {
            let c = f.change.map(|c| format!("，{c}")).unwrap_or_default();
            format!("{}{}件{c}", f.name, shown(f.value))
        })
        .collect();
    for i in indicators(r) {
        parts.push(format!("{}{}", i.name, i.rate));
    }
    parts.join("；") + "。"
}

/// The same figures as a table, the picture's text alternative on a page.
pub fn infographic_table(r: &Report, previous: Option<&Report>) -> Markup {
    let rows: Vec<(String, String, String)> = key_figures(r, previous)
        .into_iter()
        .map(|f| (f.name, shown(f.value), f.change.unwrap_or_default()))
        .chain(
            [
                (result_parts(r), ""),
                (case_parts(r, REVIEW), T4_REVIEW),
                (case_parts(r, LITIGATION), T4_LITIGATION),
            ]
            .into_iter()
            .flat_map(|(p, group)| {
                p.unwrap_or_default()
                    .into_iter()
                    .map(move |(n, v)| (format!("{group}{n}"), v.to_string(), String::new()))
            }),
        )
        .chain(
            indicators(r)
                .into_iter()
                .map(|i| (i.name.to_owned(), i.rate, i.formula)),
        )
        .collect();
    html! {
        table.infographic-data {
            caption { (title(r)) "：一图读懂的数据" }
            thead { tr { th scope="col" { "项目" } th scope="col" { "数值" } th scope="col" { "说明" } } }
            tbody {
                @for (name, value, note) in rows {
                    tr { th scope="row" { (name) } td { (value) } td { (note) } }
                }
            }
        }
    }
}

/// The picture wrapped for a page: `<figure>` with its caption and table.
pub fn infographic_figure(r: &Report, previous: Option<&Report>, canvas: Canvas) -> String {
    html! {
        figure.infographic {
            (PreEscaped(infographic_svg(r, previous, canvas)))
            figcaption { (title(r)) "：一图读懂（下表为图中全部数字）" }
            (infographic_table(r, previous))
        }
    }
    .into_string()
}

/// A page that prints the A4 picture on one A4 sheet.
pub fn infographic_print_page(r: &Report, previous: Option<&Report>) -> String {
    html! {
        (maud::DOCTYPE)
        html lang="zh-CN" {
            head {
                meta charset="utf-8";
                title { (title(r)) "：一图读懂" }
                style { "@page{size:A4 portrait;margin:0}html,body{margin:0}svg{display:block;width:210mm;height:297mm}" }
            }
            body { (PreEscaped(infographic_svg(r, previous, Canvas::A4))) }
        }
    }
    .into_string()
}
