//! Prints the 一图读懂 SVG of a report file (the app's JSON), optionally with
//! last year's: `cargo run -p nianbao-core --example infographic -- report.json [last.json] [a4|web]`.

use nianbao_core::json::read_current;
use nianbao_core::render::infographic::{infographic_svg, Canvas};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let read = |p: &str| {
        read_current(&std::fs::read_to_string(p).expect("readable file")).expect("a report")
    };
    let report = read(args.first().expect("a report file"));
    let previous = args
        .get(1)
        .filter(|a| a.ends_with(".json"))
        .map(|p| read(p));
    let canvas = args
        .iter()
        .find_map(|a| Canvas::from_key(a))
        .unwrap_or(Canvas::Web);
    print!("{}", infographic_svg(&report, previous.as_ref(), canvas));
}
