//! Reading a file's bytes as text, strictly. Exports are UTF-8; a file saved
//! again by another program may be GB18030/GBK (decoded by the caller with
//! the browser's own decoder), and a UTF-8 file with a damaged byte must be
//! refused, never shown as mojibake.

/// What the bytes are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bytes {
    /// Valid UTF-8 (a byte-order mark removed).
    Utf8(String),
    /// UTF-8 text with damaged bytes: refuse, naming where.
    DamagedUtf8 { at: usize, bad: usize },
    /// Not UTF-8 at all: try the legacy Chinese encoding (GB18030).
    Legacy,
}

/// Decides what `bytes` are.
pub fn classify(bytes: &[u8]) -> Bytes {
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
}
