use super::*;

fn piece(page: u32, x: f64, y: f64, s: &str) -> Piece {
    Piece {
        page,
        x,
        y,
        w: 6.0 * s.chars().count() as f64,
        h: 10.0,
        s: s.to_owned(),
    }
}

#[test]
fn rows_by_baseline_and_blanks_by_column() {
    let mut p = vec![piece(1, 50.0, 700.0, "三、收到和处理政府信息公开申请情况")];
    // Three rows of a 3-column table; the second leaves its middle blank.
    for (y, label, values) in [
        (680.0, "一、本年新收", ["1", "2", "3"].as_slice()),
        (660.0, "二、上年结转", ["4", "", "6"].as_slice()),
        (640.0, "四、结转下年度", ["7", "8", "15"].as_slice()),
    ] {
        p.push(piece(1, 50.0, y + 0.4, label));
        for (k, v) in values.iter().enumerate() {
            if !v.is_empty() {
                p.push(piece(1, 200.0 + 40.0 * k as f64, y, v));
            }
        }
    }
    p.push(piece(2, 50.0, 700.0, "- 2 -"));
    let t = pdf_text(&p, &[]);
    assert_eq!(
        t.text,
        "三、收到和处理政府信息公开申请情况\n| 一、本年新收 | 1 | 2 | 3 |\n| 二、上年结转 | 4 |  | 6 |\n| 四、结转下年度 | 7 | 8 | 15 |",
        "the page's number is no line of the text"
    );
    assert_eq!(t.places, [(1, 1), (1, 2), (1, 3), (1, 4)]);
}

#[test]
fn pieces_close_together_are_one_segment() {
    let p = vec![
        piece(1, 10.0, 100.0, "本年"),
        piece(1, 22.5, 100.0, "新收"),
        piece(1, 80.0, 100.0, "12"),
    ];
    assert_eq!(pdf_text(&p, &[]).text, "本年新收 12");
}

fn at(x: f64, y: f64, w: f64, s: &str) -> Piece {
    Piece {
        page: 1,
        x,
        y,
        w,
        h: 9.0,
        s: s.to_owned(),
    }
}

#[test]
fn a_decimal_wrapped_in_a_middle_aligned_cell_joins_its_row() {
    // `1.6` over two lines centred on the row; the label set at the top.
    let p = vec![
        at(76.0, 658.6, 54.0, "政府集中采购"),
        at(160.1, 652.6, 9.0, "17"),
        at(180.1, 658.6, 9.0, "1."),
        at(184.6, 646.7, 4.5, "6"),
    ];
    let t = pdf_text(&p, &[]);
    assert!(
        t.text.contains("17") && t.text.contains("1.6"),
        "{}",
        t.text
    );
}

#[test]
fn a_row_like_a_page_number_is_kept_and_a_page_number_dropped() {
    // `— 2 —` spread over three columns is a row; set tight at the
    // page's foot it is the page's number.
    let mut p = vec![at(72.0, 700.0, 40.0, "行政许可")];
    for (k, s) in ["—", "2", "—"].iter().enumerate() {
        p.push(at(200.0 + 60.0 * k as f64, 700.0, 9.0, s));
    }
    p.push(at(280.0, 60.0, 9.0, "—"));
    p.push(at(292.0, 60.0, 9.0, "3"));
    p.push(at(304.0, 60.0, 9.0, "—"));
    let t = pdf_text(&p, &[]);
    assert_eq!(t.text, "| 行政许可 | — | 2 | — |");
}

#[test]
fn a_fragment_between_two_rows_is_read_with_neither() {
    // Unruled, numbers at the top of their cells: `41` under one row and
    // over the next, as near to both.
    let p = vec![
        at(72.0, 700.0, 36.0, "行政处罚"),
        at(200.0, 700.0, 9.0, "3"),
        at(250.0, 700.0, 13.5, "149"),
        at(250.0, 688.0, 9.0, "41"),
        at(72.0, 676.0, 36.0, "行政强制"),
        at(200.0, 676.0, 9.0, "5"),
        at(250.0, 676.0, 13.5, "205"),
    ];
    let t = pdf_text(&p, &[]);
    assert!(
        t.text.contains("149（？）") && t.text.contains("205（？）"),
        "{}",
        t.text
    );
    assert!(
        t.notes.iter().any(|n| n.contains("无法确定")),
        "{:?}",
        t.notes
    );
}

#[test]
fn numbers_set_off_each_others_baseline_are_marked_not_read_in_line_order() {
    // Middle-aligned: 规章's 5414 wrapped as `541` over `4`, around the
    // row's 17 and 10; the next row close below. Read line by line the
    // row would be `规章 541` then `17 10`: 541, 17, 10 in its cells.
    let mut p = vec![
        at(178.7, 639.8, 9.0, "17"),
        at(203.2, 639.8, 9.0, "10"),
        at(225.4, 645.1, 13.5, "541"),
        at(229.9, 634.6, 4.5, "4"),
        at(181.0, 624.0, 4.5, "0"),
        at(205.5, 624.0, 4.5, "0"),
        at(227.7, 624.0, 9.0, "16"),
    ];
    // Labels set one piece per character; the header's last line above.
    for (k, c) in "规章".chars().enumerate() {
        p.push(at(77.0 + 9.0 * k as f64, 645.9, 9.0, &c.to_string()));
    }
    for (k, c) in "行政规范性文件".chars().enumerate() {
        p.push(at(77.0 + 9.0 * k as f64, 624.8, 9.0, &c.to_string()));
    }
    for x in [176.0, 200.5, 225.0] {
        p.push(at(x, 656.5, 9.0, "数"));
    }
    let t = pdf_text(&p, &[]);
    for n in ["541", "17", "10", "4"] {
        assert!(t.text.contains(&format!("{n}（？）")), "{n}: {}", t.text);
    }
    assert!(
        t.notes.iter().any(|n| n.contains("无法确定")),
        "{:?}",
        t.notes
    );
}

#[test]
fn a_numbers_head_above_a_bottom_aligned_row_joins_it() {
    // 900.2 wrapped as `900.` over `2`, the row's baseline at the foot.
    let p = vec![
        at(75.0, 148.8, 54.0, "政府集中采购"),
        at(165.0, 148.0, 4.5, "0"),
        at(192.4, 162.0, 18.0, "900."),
        at(192.4, 148.0, 4.5, "2"),
    ];
    let t = pdf_text(&p, &[]);
    assert!(
        t.text.contains("900.2") && !t.text.contains("| 2 |"),
        "{}",
        t.text
    );
}

#[test]
fn a_number_wrapped_over_three_lines_from_its_head_is_not_read_short() {
    // 0.0013 as `0.` / `00` / `13`, centred on the row: never `0013`.
    let p = vec![
        at(78.0, 664.1, 54.0, "政府集中采购"),
        at(186.0, 653.0, 4.5, "9"),
        at(209.2, 664.1, 9.0, "0."),
        at(209.2, 653.0, 9.0, "00"),
        at(209.2, 641.9, 9.0, "13"),
    ];
    let t = pdf_text(&p, &[]);
    assert!(!t.text.contains("| 0013 |"), "{}", t.text);
    assert!(
        t.text.contains("0.0013") || t.text.contains("13（？）"),
        "{}",
        t.text
    );
}

#[test]
fn a_number_wrapped_over_three_lines_above_a_bottom_aligned_row_is_not_read_short() {
    // 2.5906 as `2.` / `59` / `06`, the row's baseline at the foot: never
    // 5906 (the head on the label's line).
    let p = vec![
        at(78.0, 439.0, 63.0, "政府集中采购"),
        at(182.9, 412.3, 5.2, "0"),
        at(205.2, 439.0, 10.5, "2."),
        at(205.2, 426.2, 10.5, "59"),
        at(205.2, 412.3, 10.5, "06"),
    ];
    let t = pdf_text(&p, &[]);
    assert!(!t.text.contains("| 5906 |"), "{}", t.text);
    assert!(
        t.text.contains("2.5906") || t.text.contains("06（？）"),
        "{}",
        t.text
    );
}

#[test]
fn a_vertical_labels_wu_is_no_zero_of_the_row_beside_it() {
    // （四）无法提供 set one character under another; `无` on the baseline
    // of a row whose second cell is blank: six cells, never seven.
    let mut p = Vec::new();
    for (k, c) in ["（", "四", "）", "无", "法", "提"].iter().enumerate() {
        p.push(at(93.0, 203.0 - 16.9 * k as f64, 9.0, c));
    }
    p.push(at(111.0, 161.5, 90.0, "2.没有现成信息需"));
    for x in [255.6, 364.8, 419.4, 474.0, 528.6, 583.2] {
        p.push(at(x, 152.3, 9.0, "—"));
    }
    let t = pdf_text(&p, &[]);
    assert!(
        !t.text.contains("| 无 |") && !t.text.contains("无 —"),
        "{}",
        t.text
    );
}
