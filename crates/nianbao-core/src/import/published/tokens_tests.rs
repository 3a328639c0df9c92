use super::*;

fn labels_and_values(text: &str) -> Vec<Tok> {
    let lines: Vec<&str> = text.lines().collect();
    tokenize(&lines, 0).into_iter().map(|t| t.tok).collect()
}

#[test]
fn a_row_per_line_keeps_its_blank_cells() {
    let toks = labels_and_values("规章 | 0 |  | 5 |\n行政许可 | 3 |");
    assert_eq!(
        toks,
        [
            Tok::Label("规章".into()),
            Tok::Value("0".into()),
            Tok::Blank,
            Tok::Value("5".into()),
            Tok::Break,
            Tok::Label("行政许可".into()),
            Tok::Value("3".into()),
            Tok::Break,
        ]
    );
}

#[test]
fn pdf_text_rows_and_footers() {
    let toks =
        labels_and_values("4 0 0 0 0 0 4\n计其他情形）\n- 3 -\n1.属于国家秘密 1 0 0 0 0 0 1");
    assert_eq!(toks.iter().filter(|t| **t == Tok::Break).count(), 2);
    let tokens = tokenize(
        &"4 0 0 0 0 0 4\n计其他情形）\n- 3 -\n1.属于国家秘密 1 0 0 0 0 0 1"
            .lines()
            .collect::<Vec<_>>(),
        0,
    );
    // The page number stays as an empty run: it holds its place (a
    // table three cells wide may have a row `— 3 —`).
    let r = runs(&tokens);
    assert_eq!(r.len(), 3);
    assert_eq!(r[0].cells.len(), 7);
    assert!(r[1].cells.is_empty() && tokens[r[1].start].tok == Tok::Unsure(3));
    assert_eq!(r[2].cells.len(), 7);
    assert!(
        is_footer("- 3 -")
            && is_footer("— 12 —")
            && !is_footer("— —")
            && is_footer("第 3 页")
            && !is_footer("3.补正后申请内容仍不明确")
    );
}

#[test]
fn numbers_marked_unreadable_are_one_mark_per_line_and_no_values() {
    let t = tokenize(&["3.其他 1（？） 0（？） 12（？）", "102（？） 7"], 0);
    let toks: Vec<&Tok> = t.iter().map(|t| &t.tok).collect();
    assert_eq!(
        toks,
        [&Tok::Label("3.其他".into()), &Tok::Unread, &Tok::Unread]
    );
    let r = runs(&t);
    assert!(r.len() == 2 && r.iter().all(|r| r.cells.is_empty()));
    // Among rows rebuilt with pipes, a line without pipes is read alike.
    let t = tokenize(&["| 2.重复申请 | 0 | 1 |", "3.其他 1（？） 0（？）"], 0);
    assert_eq!(t[t.len() - 2].tok, Tok::Label("3.其他".into()));
    assert_eq!(t[t.len() - 1].tok, Tok::Unread);
}

#[test]
fn one_cell_per_line_with_pipe_separators() {
    let tokens = tokenize(
        &"自然人 |\n一、本年新收 |\n49 |\n0 |\n||\n二、上年结转 |\n8 |"
            .lines()
            .collect::<Vec<_>>(),
        0,
    );
    let r = runs(&tokens);
    assert_eq!(r.iter().map(|r| r.cells.len()).collect::<Vec<_>>(), [2, 1]);
    let lone = tokenize(&"行政许可 |\n76 |\n|\n|\n||".lines().collect::<Vec<_>>(), 0);
    assert_eq!(runs(&lone)[0].cells, [Some("76".to_owned()), None, None]);
    assert_eq!(runs(&lone)[0].exactly(1).map(|r| r.cells.len()), Some(1));
    assert_eq!(runs(&lone)[0].exactly(2).map(|r| r.cells.len()), Some(2));
    assert_eq!(runs(&lone)[0].fitted(4), None);
    assert_eq!(runs(&lone)[0].fitted(3).map(|r| r.cells.len()), Some(3));
}
