//! Reading a file's bytes as text, strictly. Exports are UTF-8; a file saved
//! again by another program may be GB18030/GBK (decoded by the caller with
//! the browser's own decoder), and a UTF-8 file with a damaged byte must be
//! refused, never shown as mojibake.

/// What the bytes are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bytes {
    /// Valid UTF-8 (a byte-order mark removed).
    Utf8(String),
    /// UTF-16 (by its byte-order mark, or by the zero bytes of mostly ASCII
    /// markup): decoded strictly; `None` when it is damaged.
    Utf16(Option<String>),
    /// UTF-8 text with damaged bytes: refuse, naming where.
    DamagedUtf8 { at: usize, bad: usize },
    /// Not UTF-8 at all: try the legacy Chinese encoding (GB18030).
    Legacy,
}

/// UTF-16 text: by its byte-order mark, else when one byte of every pair is
/// zero in most of the first kilobyte (ASCII markup saved as UTF-16 without
/// a mark). Little-endian or not, and where the text starts.
fn utf16_kind(bytes: &[u8]) -> Option<(bool, usize)> {
    if bytes.starts_with(b"\xFF\xFE") {
        return Some((true, 2));
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some((false, 2));
    }
    let head = &bytes[..bytes.len().min(1024) & !1];
    if head.len() < 16 {
        return None;
    }
    let pairs = head.len() / 2;
    let zero_at = |odd: usize| head.chunks(2).filter(|p| p[odd] == 0).count();
    let (even, odd) = (zero_at(0), zero_at(1));
    // Text never holds NUL; markup in UTF-16 holds one in every ASCII pair.
    if odd * 10 >= pairs * 7 && even == 0 {
        Some((true, 0))
    } else if even * 10 >= pairs * 7 && odd == 0 {
        Some((false, 0))
    } else {
        None
    }
}

fn decode_utf16(bytes: &[u8], little: bool) -> Option<String> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|p| {
            if little {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        })
        .collect();
    String::from_utf16(&units).ok()
}

/// The encoding a page declares in its first kilobyte (`<meta charset=…>` or
/// `content="text/html; charset=…"`), lower-cased; `None` when it declares none.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = super::find(&lower, b"charset", from) {
        from = at + 7;
        let rest = &lower[from..];
        let rest = rest.strip_prefix(b" ").unwrap_or(rest);
        let Some(rest) = rest.strip_prefix(b"=") else {
            continue;
        };
        let rest = rest
            .iter()
            .skip_while(|b| matches!(b, b' ' | b'"' | b'\''))
            .copied();
        let label: String = rest
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
            .map(char::from)
            .collect();
        if !label.is_empty() {
            return Some(label);
        }
    }
    None
}

/// The encodings people call GBK: one decoder reads them all.
pub fn is_gbk_family(label: &str) -> bool {
    matches!(
        label,
        "gbk"
            | "gb2312"
            | "gb18030"
            | "x-gbk"
            | "chinese"
            | "csgb2312"
            | "iso-ir-58"
            | "gb_2312-80"
            | "gb_2312"
    )
}

/// A name for a declared encoding, in words.
pub fn charset_name(label: &str) -> String {
    match label {
        "big5" | "big5-hkscs" | "cn-big5" | "x-x-big5" | "csbig5" => "Big5（繁体中文）".to_owned(),
        l if is_gbk_family(l) => "GB18030（GBK）".to_owned(),
        l => l.to_ascii_uppercase(),
    }
}

/// Decides what `bytes` are.
pub fn classify(bytes: &[u8]) -> Bytes {
    if let Some((little, start)) = utf16_kind(bytes) {
        let text = decode_utf16(&bytes[start..], little);
        return Bytes::Utf16(text.map(|t| t.trim_start_matches('\u{feff}').to_owned()));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut rest = bytes;
    let mut first_bad = None;
    let (mut good_multibyte, mut bad) = (0usize, 0usize);
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                good_multibyte += s.chars().filter(|c| c.len_utf8() > 1).count();
                break;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                // Safe: the prefix was just checked.
                let ok = std::str::from_utf8(&rest[..valid]).unwrap_or_default();
                good_multibyte += ok.chars().filter(|c| c.len_utf8() > 1).count();
                first_bad.get_or_insert(bytes.len() - rest.len() + valid);
                // Bad bytes next to each other are one damaged place.
                if valid > 0 || bad == 0 {
                    bad += 1;
                }
                let skip = e.error_len().unwrap_or(rest.len() - valid).max(1);
                rest = &rest[valid + skip..];
            }
        }
    }
    match first_bad {
        None => Bytes::Utf8(String::from_utf8_lossy(bytes).into_owned()),
        // A UTF-8 file has far more good multi-byte characters than damaged ones;
        // GB18030 text read as UTF-8 has almost none good.
        Some(at) if good_multibyte > bad * 4 => Bytes::DamagedUtf8 { at, bad },
        Some(_) => Bytes::Legacy,
    }
}

/// The refusal for damaged UTF-8, in words.
pub fn damaged_message(at: usize, bad: usize) -> String {
    format!(
        "文件已损坏：从第 {} 个字节起有 {bad} 处不是有效的 UTF-8 文字（可能在传输或编辑时被改动）。为免读错，文件没有导入。请使用原始文件，或重新导出。",
        at + 1
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_legacy_and_damaged_files_are_told_apart() {
        let text = "{\"schema\":\"nianbao.report\",\"name\":\"东里街道办事处政府信息公开\"}";
        assert_eq!(classify(text.as_bytes()), Bytes::Utf8(text.into()));
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(classify(&bom), Bytes::Utf8(text.into()));
        // 东里 in GBK.
        let gbk = b"{\"name\":\"\xB6\xAB\xC0\xEF\xBD\xD6\xB5\xC0\"}";
        assert_eq!(classify(gbk), Bytes::Legacy);
        // One flipped byte inside a UTF-8 Chinese character, wherever it is.
        for (ch, byte) in [('里', 1), ('东', 1), ('东', 2), ('政', 0)] {
            let mut flipped = text.as_bytes().to_vec();
            let at = text.find(ch).unwrap();
            flipped[at + byte] ^= 0x40;
            assert!(
                matches!(classify(&flipped), Bytes::DamagedUtf8 { bad: 1 | 2, .. }),
                "{ch} byte {byte}: {:?}",
                classify(&flipped)
            );
        }
        assert!(damaged_message(9, 1).contains("第 10 个字节"));
    }

    #[test]
    fn utf16_with_or_without_a_mark_and_declared_charsets() {
        let page = "<html><meta charset=\"utf-16\"><body>年报 2024</body></html>";
        let le: Vec<u8> = page.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = page.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [
            [b"\xFF\xFE".as_slice(), &le].concat(),
            [b"\xFE\xFF".as_slice(), &be].concat(),
            le.clone(),
            be.clone(),
        ] {
            assert_eq!(classify(&bytes), Bytes::Utf16(Some(page.to_owned())));
        }
        // An unpaired surrogate: UTF-16, damaged.
        let mut bad = [b"\xFF\xFE".as_slice(), &le].concat();
        bad.extend_from_slice(&[0x00, 0xD8]);
        assert_eq!(classify(&bad), Bytes::Utf16(None));
        assert_eq!(
            declared_charset(
                b"<meta http-equiv=Content-Type content=\"text/html; charset=GB2312\">"
            ),
            Some("gb2312".into())
        );
        assert_eq!(
            declared_charset(b"<meta charset='big5'>"),
            Some("big5".into())
        );
        assert_eq!(declared_charset(b"<p>charset</p>"), None);
        assert!(charset_name("big5").contains("Big5"));
    }
}
