//! Labels folded for comparison: the same words however a page, a PDF or a
//! Word file wrote them — spaces and line breaks inside them gone, full- and
//! half-width punctuation alike, Traditional characters as Simplified.

/// Traditional → Simplified for the characters of the formats' labels and
/// headings (spec §13.6: some reports are published in Traditional script).
const TRADITIONAL: &[(char, char)] = &[
    ('開', '开'),
    ('請', '请'),
    ('數', '数'),
    ('處', '处'),
    ('於', '于'),
    ('機', '机'),
    ('關', '关'),
    ('資', '资'),
    ('訊', '讯'),
    ('訴', '诉'),
    ('議', '议'),
    ('複', '复'),
    ('復', '复'),
    ('結', '结'),
    ('轉', '转'),
    ('維', '维'),
    ('糾', '纠'),
    ('審', '审'),
    ('總', '总'),
    ('計', '计'),
    ('無', '无'),
    ('與', '与'),
    ('項', '项'),
    ('規', '规'),
    ('製', '制'),
    ('發', '发'),
    ('廢', '废'),
    ('現', '现'),
    ('條', '条'),
    ('許', '许'),
    ('罰', '罚'),
    ('強', '强'),
    ('費', '费'),
    ('業', '业'),
    ('會', '会'),
    ('組', '组'),
    ('織', '织'),
    ('構', '构'),
    ('務', '务'),
    ('權', '权'),
    ('護', '护'),
    ('內', '内'),
    ('過', '过'),
    ('執', '执'),
    ('詢', '询'),
    ('補', '补'),
    ('確', '确'),
    ('認', '认'),
    ('獲', '获'),
    ('報', '报'),
    ('訪', '访'),
    ('舉', '举'),
    ('級', '级'),
    ('經', '经'),
    ('類', '类'),
    ('國', '国'),
    ('險', '险'),
    ('穩', '稳'),
    ('單', '单'),
    ('應', '应'),
    ('題', '题'),
    ('況', '况'),
    ('動', '动'),
    ('緊', '紧'),
    ('專', '专'),
    ('齊', '齐'),
    ('門', '门'),
    ('體', '体'),
    ('據', '据'),
    ('圍', '围'),
    ('協', '协'),
    ('覆', '复'),
    ('從', '从'),
    ('購', '购'),
    ('採', '采'),
    ('額', '额'),
    ('單', '单'),
    ('負', '负'),
    ('責', '责'),
    ('總', '总'),
    ('廣', '广'),
    ('東', '东'),
    ('區', '区'),
    ('縣', '县'),
    ('鄉', '乡'),
    ('鎮', '镇'),
    ('後', '后'),
    ('時', '时'),
    ('間', '间'),
    ('問', '问'),
    ('聯', '联'),
    ('網', '网'),
    ('統', '统'),
    ('實', '实'),
    ('際', '际'),
    ('歷', '历'),
    ('積', '积'),
    ('說', '说'),
    ('明', '明'),
    ('為', '为'),
    ('這', '这'),
    ('個', '个'),
    ('見', '见'),
    ('進', '进'),
    ('個', '个'),
    ('書', '书'),
    ('記', '记'),
    ('錄', '录'),
];

/// `s` folded: no white space of any width, `(` `（` alike, `、` `．` as `.`,
/// quotes and a few look-alikes dropped, Traditional as Simplified.
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '\u{3000}' | '\u{a0}' | '“' | '”' | '"' | '\'' | '‘' | '’'
                )
        })
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '、' | '．' | '。' => '.',
            '，' => ',',
            '：' => ':',
            '／' => '/',
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => TRADITIONAL
                .iter()
                .find(|(t, _)| *t == c)
                .map_or(c, |(_, s)| *s),
        })
        .collect()
}

/// How much of `label` (folded) `text` (folded) covers, in order: the length
/// of their longest common subsequence over the label's length. A typo or a
/// lost character still covers most of it; an annotation added after it
/// does not lower it.
pub fn coverage(label: &str, text: &str) -> f32 {
    let a: Vec<char> = label.chars().collect();
    let b: Vec<char> = text.chars().collect();
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut prev = vec![0u16; b.len() + 1];
    let mut row = vec![0u16; b.len() + 1];
    for &x in &a {
        for (j, &y) in b.iter().enumerate() {
            row[j + 1] = if x == y {
                prev[j] + 1
            } else {
                row[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut row);
    }
    f32::from(prev[b.len()]) / a.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_width_spaces_and_script() {
        assert_eq!(
            fold("（二）部分公开（区分处理的，只计这一情 形，不"),
            "(二)部分公开(区分处理的,只计这一情形,不"
        );
        assert_eq!(
            fold("一、本年新收政府信息公開申請數量"),
            "一.本年新收政府信息公开申请数量"
        );
        assert_eq!(fold("3.危及“三安全一稳定”"), "3.危及三安全一稳定");
        assert_eq!(fold("商业 企业"), "商业企业");
    }

    #[test]
    fn coverage_forgives_a_lost_character_and_an_annotation() {
        let label = fold("2.其他法律行政法规禁止公开");
        assert!(coverage(&label, &fold("2.其他法律行政止公开")) >= 0.75);
        assert!(
            coverage(
                &fold("（一）予以公开"),
                &fold("(一)予以公开（说明：含部分）")
            ) == 1.0
        );
        assert!(coverage(&fold("3.其他"), &fold("2.其他法律行政法规禁止公开")) < 1.0);
    }
}
