//! The row and column keys that logic outside the declarations needs (rules,
//! carry-over, conversion), each named once. The declarations in `tables.rs`
//! use the same constants, and a test checks that every one is declared, so
//! a misspelt key cannot quietly switch a check off.

// 表二
pub const REGULATIONS: &str = "regulations";
pub const NORMATIVE_DOCS: &str = "normativeDocs";
pub const MADE: &str = "made";
pub const REPEALED: &str = "repealed";
pub const VALID: &str = "valid";
pub const DECISIONS: &str = "decisions";
pub const NEW_PUBLISHED: &str = "newPublished";
pub const TOTAL_PUBLIC: &str = "totalPublic";
pub const PREV_COUNT: &str = "prevCount";
pub const DELTA: &str = "delta";
pub const LICENSING: &str = "licensing";
pub const OTHER_SERVICES: &str = "otherServices";
pub const PENALTY: &str = "penalty";
pub const COERCION: &str = "coercion";
pub const ADMIN_FEES: &str = "adminFees";

// 表三
pub const NEW_RECEIVED: &str = "newReceived";
pub const CARRIED_OVER: &str = "carriedOver";
pub const RESULT_TOTAL: &str = "resultTotal";
pub const CARRY_FORWARD: &str = "carryForward";
/// 表三's result rows and groups (a group names its items by prefix).
pub const GRANTED: &str = "granted";
pub const PARTIAL: &str = "partial";
pub const DENIED: &str = "denied";
pub const UNABLE: &str = "unable";
pub const NOT_PROCESSED: &str = "notProcessed";
/// F2019's single （六）其他处理 row.
pub const OTHER: &str = "other";
/// F2021's three （六） rows.
pub const OTHER_NO_CORRECTION: &str = "other.noCorrection";
pub const OTHER_FEE_UNPAID: &str = "other.feeUnpaid";
pub const OTHER_OTHER: &str = "other.other";
/// The first column of 表三 (自然人), present in every row.
pub const NATURAL: &str = "natural";
/// The 总计 column of 表三 and 表四.
pub const TOTAL: &str = "total";

// 表四: its three groups, and the results that are not 结果维持.
pub const REVIEW: &str = "review";
pub const LIT_DIRECT: &str = "litDirect";
pub const LIT_AFTER_REVIEW: &str = "litAfterReview";
pub const MAINTAIN: &str = "maintain";
pub const CORRECTED: &str = "correct";
pub const OTHER_RESULT: &str = "other";
pub const PENDING: &str = "pending";

/// Every key above, for the test that they are all declared.
pub const ALL: &[&str] = &[
    REGULATIONS,
    NORMATIVE_DOCS,
    MADE,
    REPEALED,
    VALID,
    DECISIONS,
    NEW_PUBLISHED,
    TOTAL_PUBLIC,
    PREV_COUNT,
    DELTA,
    LICENSING,
    OTHER_SERVICES,
    PENALTY,
    COERCION,
    ADMIN_FEES,
    NEW_RECEIVED,
    CARRIED_OVER,
    RESULT_TOTAL,
    CARRY_FORWARD,
    GRANTED,
    PARTIAL,
    DENIED,
    UNABLE,
    NOT_PROCESSED,
    OTHER,
    OTHER_NO_CORRECTION,
    OTHER_FEE_UNPAID,
    OTHER_OTHER,
    NATURAL,
    TOTAL,
    REVIEW,
    LIT_DIRECT,
    LIT_AFTER_REVIEW,
    MAINTAIN,
    CORRECTED,
    OTHER_RESULT,
    PENDING,
];
