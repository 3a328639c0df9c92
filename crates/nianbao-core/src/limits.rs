//! One set of limits (spec §8.10), enforced wherever data enters: typing,
//! paste, import, storage and portal messages. Within them every sum the
//! tables imply stays exact in an `i64` and in a JavaScript number (< 2⁵³).

/// Largest count in a cell (表二/三/四, 信息处理费 notices): 99,999,999.
/// F2019 本年增/减 may go as low as its negative.
pub const MAX_COUNT: i64 = 99_999_999;

/// Largest money value in its unit, scaled by `cell::MONEY_SCALE`:
/// 99,999,999.9999.
pub const MAX_MONEY: i64 = 999_999_999_999;

/// Characters (UTF-16 code units, as the browser counts `maxlength`) in one
/// text field.
pub const MAX_TEXT_CHARS: usize = 200_000;

/// F2019 总体情况 sub-parts with their own titles.
pub const MAX_PARTS: usize = 20;

/// Warnings explained with a reason, and the characters of one reason.
pub const MAX_EXPLANATIONS: usize = 500;
pub const MAX_REASON_CHARS: usize = 500;

/// Bytes of a whole document — a stored draft, a JSON file or an HTML
/// export. One limit for all three: the app does not store or export what it
/// would then refuse to read, and every reader takes what the app wrote. A
/// report with every text field full (CJK or escape-heavy text) is far below it.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

// Sums of the largest values stay exact in a JavaScript number: 表三 has 175
// cells and every total sums fewer than 200 of them.
const _: () = assert!(MAX_COUNT * 200 < 1 << 53 && MAX_MONEY * 200 < 1 << 53);

/// Length of `text` as the browser counts it.
pub fn text_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// `text` cut to `MAX_TEXT_CHARS` (at a character boundary), and whether it was cut.
pub fn clip_text(text: &str) -> (&str, bool) {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        units += c.len_utf16();
        if units > MAX_TEXT_CHARS {
            return (&text[..i], true);
        }
    }
    (text, false)
}

/// `bytes` in MB with one decimal, as `format!("{:.1}", bytes as f64 /
/// 1048576.0)` writes it (half to even), without the float formatter (its
/// tables cost the first load).
pub fn megabytes(bytes: usize) -> String {
    // u64, not u128: 128-bit division and its formatter cost the first load.
    const MB: u64 = 1_048_576;
    let tenths = (bytes as u64).saturating_mul(10);
    let (mut q, r) = (tenths / MB, tenths % MB);
    if r > MB / 2 || (r == MB / 2 && q % 2 == 1) {
        q += 1;
    }
    format!("{}.{}", q / 10, q % 10)
}

/// `ratio` (0…1) as a whole percentage, rounded half to even like
/// `format!("{:.0}", ratio * 100.0)`.
pub fn percent(ratio: f64) -> String {
    ((ratio * 100.0).round_ties_even() as i64).to_string()
}

/// A number with thousands separators, as limits are named to people.
pub fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_clipped_at_a_character_boundary() {
        let long = "字".repeat(MAX_TEXT_CHARS + 3);
        let (kept, cut) = clip_text(&long);
        assert!(cut);
        assert_eq!(text_len(kept), MAX_TEXT_CHARS);
        let emoji = format!("{}😀", "a".repeat(MAX_TEXT_CHARS - 1));
        let (kept, cut) = clip_text(&emoji);
        assert!(cut);
        assert_eq!(kept.len(), MAX_TEXT_CHARS - 1);
        assert_eq!(clip_text("短"), ("短", false));
        assert_eq!(grouped(99_999_999), "99,999,999");
        assert_eq!(grouped(-1234), "-1,234");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        /// The same text as the float formatter, half to even included.
        #[test]
        fn megabytes_and_percent_read_as_the_float_formatter_writes(
            bytes in 0usize..(1 << 40),
            ratio in 0.0f64..=1.0,
        ) {
            proptest::prop_assert_eq!(megabytes(bytes), format!("{:.1}", bytes as f64 / 1_048_576.0));
            proptest::prop_assert_eq!(percent(ratio), format!("{:.0}", ratio * 100.0));
        }
    }

    #[test]
    fn megabytes_at_the_halves() {
        for bytes in [
            0,
            1,
            52_428,
            52_429,
            52_428 * 3,
            104_857,
            104_858,
            157_286,
            157_287,
            MAX_BYTES,
            MAX_BYTES + 1,
        ] {
            assert_eq!(
                megabytes(bytes),
                format!("{:.1}", bytes as f64 / 1_048_576.0),
                "{bytes}"
            );
        }
        // 0.25 MB and 0.75 MB exactly: ties go to the even tenth.
        assert_eq!(megabytes(262_144), "0.2");
        assert_eq!(megabytes(786_432), "0.8");
        for r in [0.125, 0.135, 0.005, 0.015, 0.5, 0.925] {
            assert_eq!(percent(r), format!("{:.0}", r * 100.0), "{r}");
        }
    }
}
