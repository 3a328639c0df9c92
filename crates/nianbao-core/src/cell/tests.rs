use super::*;

const WAN: CellKind = CellKind::Money(MoneyUnit::Wan);
const YUAN: CellKind = CellKind::Money(MoneyUnit::Yuan);

fn ok(input: &str, kind: CellKind) -> Option<i64> {
    parse_cell(input, kind).unwrap_or_else(|e| panic!("{input:?}: {e}"))
}

#[test]
fn blank_is_not_zero() {
    assert_eq!(ok("", CellKind::Count), None);
    assert_eq!(ok("  \u{3000} ", CellKind::Count), None);
    assert_eq!(ok("0", CellKind::Count), Some(0));
}

#[test]
fn plain_full_width_grouped_and_unit_counts() {
    for (input, want) in [
        ("12", 12),
        (" 12 ", 12),
        ("１２", 12),
        ("1,234", 1234),
        ("1，234", 1234),
        ("１，２３４", 1234),
        ("12件", 12),
        ("12 件", 12),
        ("+12", 12),
        ("12.0", 12),
        ("1,234,567", 1_234_567),
        ("\u{feff}7\t", 7),
    ] {
        assert_eq!(ok(input, CellKind::Count), Some(want), "{input}");
    }
}

#[test]
fn dash_slash_and_wu_mean_zero() {
    for input in ["—", "——", "-", "/", "／", "无", "－"] {
        assert_eq!(ok(input, CellKind::Count), Some(0), "{input}");
    }
}

#[test]
fn signed_counts_keep_their_sign() {
    assert_eq!(ok("+1036", CellKind::SignedCount), Some(1036));
    assert_eq!(ok("-3", CellKind::SignedCount), Some(-3));
    assert_eq!(ok("－3", CellKind::SignedCount), Some(-3));
    assert_eq!(ok("0", CellKind::SignedCount), Some(0));
}

#[test]
fn money_is_exact_to_four_decimals_of_wan() {
    assert_eq!(ok("12.5", WAN), Some(125_000));
    assert_eq!(ok("0.0001", WAN), Some(1));
    assert_eq!(ok("3万元", WAN), Some(30_000));
    assert_eq!(ok("1,000.25", WAN), Some(10_002_500));
    assert_eq!(
        ok("12。5", WAN),
        Some(125_000),
        "Chinese full stop from an IME"
    );
    assert_eq!(ok(".5", WAN), Some(5_000));
    assert_eq!(ok("100.10元", YUAN), Some(1_001_000));
}

#[test]
fn errors_name_what_is_wrong() {
    use CellError::*;
    let cases: Vec<(&str, CellKind, CellError)> = vec![
        (
            "12a",
            CellKind::Count,
            NotANumber {
                input: "12a".into(),
                found: 'a',
            },
        ),
        (
            "1e9",
            CellKind::Count,
            NotANumber {
                input: "1e9".into(),
                found: 'e',
            },
        ),
        (
            "12.5",
            CellKind::Count,
            NotWhole {
                input: "12.5".into(),
            },
        ),
        ("-1", CellKind::Count, Negative { input: "-1".into() }),
        ("-1", CellKind::Total, Negative { input: "-1".into() }),
        (
            "1.23456",
            WAN,
            TooManyDecimals {
                input: "1.23456".into(),
                unit: MoneyUnit::Wan,
                max: 4,
            },
        ),
        (
            "1.234",
            YUAN,
            TooManyDecimals {
                input: "1.234".into(),
                unit: MoneyUnit::Yuan,
                max: 2,
            },
        ),
        (
            "500元",
            WAN,
            WrongUnit {
                input: "500元".into(),
                found: "元",
                expected: "万元",
            },
        ),
        (
            "5万元",
            CellKind::Count,
            WrongUnit {
                input: "5万元".into(),
                found: "万元",
                expected: "件",
            },
        ),
        (
            "12,34",
            CellKind::Count,
            BadGrouping {
                input: "12,34".into(),
            },
        ),
        (
            "99999999999999999999",
            CellKind::Count,
            TooLarge {
                input: "99999999999999999999".into(),
                max: "99,999,999".into(),
            },
        ),
        (
            "922337203685477.5808",
            WAN,
            TooLarge {
                input: "922337203685477.5808".into(),
                max: "99,999,999.9999 万元".into(),
            },
        ),
        ("3", CellKind::NotApplicable, NotApplicable),
        (
            "1.2.3",
            WAN,
            NotANumber {
                input: "1.2.3".into(),
                found: '.',
            },
        ),
        (
            "12 34",
            CellKind::Count,
            InnerSpace {
                input: "12 34".into(),
            },
        ),
        (
            "12%",
            CellKind::Count,
            NotANumber {
                input: "12%".into(),
                found: '%',
            },
        ),
    ];
    for (input, kind, want) in cases {
        assert_eq!(parse_cell(input, kind), Err(want), "{input}");
    }
}

#[test]
fn error_messages_are_plain_chinese_and_quote_the_input() {
    let e = parse_cell("12a", CellKind::Count).unwrap_err().to_string();
    assert!(e.contains("“12a”") && e.contains("“a”"), "{e}");
    let e = parse_cell("500元", WAN).unwrap_err().to_string();
    assert!(e.contains("万元") && e.contains("换算"), "{e}");
}

#[test]
fn formatting_round_trips_through_parsing() {
    for (value, kind, shown) in [
        (12, CellKind::Count, "12"),
        (125_000, WAN, "12.5"),
        (1, WAN, "0.0001"),
        (30_000, WAN, "3"),
        (5, CellKind::SignedCount, "+5"),
        (-5, CellKind::SignedCount, "-5"),
        (0, CellKind::SignedCount, "0"),
    ] {
        assert_eq!(format_value(value, kind), shown);
        assert_eq!(parse_cell(shown, kind), Ok(Some(value)));
    }
}

#[test]
fn never_panics_on_odd_input() {
    for input in [
        "+", "-+", ".", ",", ",,", "1..", "..1", "元", "万元", "﻿", "١٢", "𝟙𝟚", "+-1", "1 2 3",
    ] {
        for kind in [CellKind::Count, CellKind::SignedCount, WAN, YUAN] {
            let _ = parse_cell(input, kind);
        }
    }
}
