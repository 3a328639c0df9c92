//! 报送包: the one file a unit sends the office that collects reports — the
//! report, its export-stage counts, when and with which version it was made,
//! and its fingerprint: SM3 (GB/T 32905) and SHA-256 of the report's canonical
//! serialisation, with a short code a person can quote on the phone and that
//! the 体检报告 and the published HTML print. Read strictly; a package whose
//! report no longer matches its fingerprint is refused in words.

use serde::{Deserialize, Serialize};
use sha2::Digest;

use crate::json::{to_envelope, Envelope, ExportCheck};
use crate::report::Report;
use crate::review::Reply;

pub const SCHEMA_ID: &str = "nianbao.submission";
/// 2: a package may carry the unit's replies to a 退回意见.
pub const VERSION: u32 = 2;

/// The canonical serialisation a fingerprint is taken of: the report as the
/// app's compact JSON — fields in the declared order, no whitespace, counts
/// as integers, money as its shortest decimal, text as written (JSON
/// escapes only where JSON requires them). Stable: reading it back and
/// writing it again gives the same bytes.
pub fn canonical(report: &Report) -> String {
    crate::json::to_json_compact(report)
}

/// A report's fingerprint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Fingerprint {
    /// SM3 of the canonical serialisation, 64 lowercase hex digits.
    pub sm3: String,
    /// SHA-256 of the same bytes, 64 lowercase hex digits.
    pub sha256: String,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// SM3 of `bytes`, as hex.
pub fn sm3_hex(bytes: &[u8]) -> String {
    hex(&sm3::Sm3::digest(bytes))
}

/// SHA-256 of `bytes`, as hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&sha2::Sha256::digest(bytes))
}

impl Fingerprint {
    pub fn of(report: &Report) -> Fingerprint {
        let text = canonical(report);
        Fingerprint {
            sm3: sm3_hex(text.as_bytes()),
            sha256: sha256_hex(text.as_bytes()),
        }
    }

    /// The short code a person quotes: SM3's first 12 hex digits in groups of
    /// four, upper case ("SM3 1A2B-3C4D-5E6F"): a one-in-2⁴⁸ chance that two
    /// different reports share it.
    pub fn code(&self) -> String {
        let head: Vec<String> = self.sm3.as_bytes()[..12]
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).to_uppercase())
            .collect();
        format!("SM3 {}", head.join("-"))
    }
}

/// What a package carries besides the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Submission {
    /// The report as the app's document (its reasons for warnings in it).
    pub report: Envelope,
    /// The export stage's counts when the package was made.
    pub export_check: ExportCheck,
    /// When it was made (ISO 8601, the unit's clock).
    pub made_at: String,
    /// The app's version that made it.
    pub app_version: String,
    pub fingerprint: Fingerprint,
    /// The short code, as printed.
    pub code: String,
    /// The unit's replies to the office's 退回意见 (version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<Reply>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Package {
    pub schema: String,
    pub schema_version: u32,
    pub submission: Submission,
}

/// The package of `report` (its export-stage counts `check`, made at
/// `made_at` by `app_version`), as pretty JSON.
pub fn package(
    report: &Report,
    check: ExportCheck,
    made_at: &str,
    app_version: &str,
    replies: Vec<Reply>,
) -> String {
    let fingerprint = Fingerprint::of(report);
    let p = Package {
        schema: SCHEMA_ID.to_owned(),
        schema_version: VERSION,
        submission: Submission {
            report: to_envelope(report),
            export_check: check,
            made_at: made_at.to_owned(),
            app_version: app_version.to_owned(),
            code: fingerprint.code(),
            fingerprint,
            replies,
        },
    };
    serde_json::to_string_pretty(&p).expect("packages always serialise")
}

/// A package read back: the report, and what the package says of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Received {
    pub report: Report,
    pub export_check: ExportCheck,
    pub made_at: String,
    pub app_version: String,
    pub fingerprint: Fingerprint,
    pub replies: Vec<Reply>,
}

/// A package's submission block as read (the report read on its own, by
/// the report reader).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SubmissionIn {
    report: serde_json::Value,
    export_check: ExportCheck,
    made_at: String,
    app_version: String,
    fingerprint: Fingerprint,
    code: String,
    #[serde(default)]
    replies: Vec<Reply>,
}

/// Reads a package strictly: duplicate keys refused, its schema and version,
/// the report by the same reader as a report file (any version it reads), and
/// the fingerprint checked against the report it carries.
pub fn read_package(text: &str) -> Result<Received, String> {
    if text.len() > crate::json::MAX_BYTES {
        return Err(crate::json::DecodeError::TooLarge { bytes: text.len() }.to_string());
    }
    let value = crate::json::parse(text).map_err(|e| e.to_string())?;
    let schema = value.get("schema").and_then(serde_json::Value::as_str);
    if schema != Some(SCHEMA_ID) {
        return Err(
            "这不是报送包（没有“nianbao.submission”标记）。如果是报告文件，请用“导入”打开。"
                .to_owned(),
        );
    }
    let version = value
        .get("schemaVersion")
        .and_then(serde_json::Value::as_u64);
    match version {
        Some(v) if v >= 1 && v <= u64::from(VERSION) => {}
        Some(v) if v > u64::from(VERSION) => {
            return Err(format!(
                "这个报送包由更新版本的程序生成（第 {v} 版），本页只能读到第 {VERSION} 版。请使用最新版本。"
            ))
        }
        _ => return Err("报送包的版本号缺失或无效。".to_owned()),
    }
    let block = value
        .get("submission")
        .cloned()
        .ok_or("报送包缺少“submission”部分。")?;
    let s: SubmissionIn = serde_json::from_value(block)
        .map_err(|e| crate::json::strict::plain("submission", &e.to_string()))?;
    if s.code != s.fingerprint.code() {
        return Err(
            "报送包上写的指纹代码与它的指纹不一致：文件被改动过。请向报送单位索取原文件。"
                .to_owned(),
        );
    }
    let report =
        crate::json::from_value(s.report).map_err(|e| format!("报送包中的报告不能读取：{e}"))?;
    let actual = Fingerprint::of(&report);
    if actual != s.fingerprint {
        return Err(format!(
            "报送包中的报告与它的指纹不符：报送后被改动过，或文件已损坏（包上写的是 {}，按报告算出的是 {}）。请向报送单位索取原文件。",
            s.fingerprint.code(),
            actual.code()
        ));
    }
    Ok(Received {
        report,
        export_check: s.export_check,
        made_at: s.made_at,
        app_version: s.app_version,
        fingerprint: actual,
        replies: s.replies,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sm3_and_sha256_match_the_standard_test_vectors() {
        // GB/T 32905-2016, appendix A.
        assert_eq!(
            sm3_hex(b"abc"),
            "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
        );
        assert_eq!(
            sm3_hex(&b"abcd".repeat(16)),
            "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"
        );
        // FIPS 180-2.
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn the_code_is_sm3s_first_twelve_digits_grouped() {
        let f = Fingerprint {
            sm3: "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0".into(),
            sha256: String::new(),
        };
        assert_eq!(f.code(), "SM3 66C7-F0F4-62EE");
    }
}
