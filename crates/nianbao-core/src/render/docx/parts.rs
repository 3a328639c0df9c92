//! The Word package's parts besides the document: styles (GB/T 9704 as
//! offices apply it), the font table with fallbacks, the footer's page
//! number, settings, relationships, content types, the core properties and
//! the report's own data with the export-stage counts (a custom XML part).

use super::*;

fn fonts(x: &mut Xml, east_asia: &str) {
    x.empty(
        "w:rFonts",
        &[
            ("w:ascii", "Times New Roman"),
            ("w:hAnsi", "Times New Roman"),
            ("w:eastAsia", east_asia),
            ("w:cs", "Times New Roman"),
        ],
    );
}

/// A paragraph style: font, size, indent, alignment, outline level.
struct Style<'a> {
    id: &'a str,
    name: &'a str,
    font: &'a str,
    size: &'a str,
    indent: bool,
    jc: Option<&'a str>,
    outline: Option<&'a str>,
    line: Option<&'a str>,
}

fn style(x: &mut Xml, s: &Style) {
    x.open("w:style", &[("w:type", "paragraph"), ("w:styleId", s.id)])
        .empty("w:name", &[("w:val", s.name)])
        .empty("w:basedOn", &[("w:val", "Normal")])
        .empty("w:qFormat", &[])
        .open("w:pPr", &[]);
    if let Some(line) = s.line {
        x.empty(
            "w:spacing",
            &[
                ("w:before", "0"),
                ("w:after", "0"),
                ("w:line", line),
                ("w:lineRule", "exact"),
            ],
        );
    } else {
        // Single spacing: tables and the footer do not take the 28 pt line.
        x.empty(
            "w:spacing",
            &[
                ("w:before", "0"),
                ("w:after", "0"),
                ("w:line", "240"),
                ("w:lineRule", "auto"),
            ],
        );
    }
    if s.indent {
        x.empty(
            "w:ind",
            &[("w:firstLineChars", "200"), ("w:firstLine", "640")],
        );
    } else {
        x.empty("w:ind", &[("w:firstLineChars", "0"), ("w:firstLine", "0")]);
    }
    if let Some(jc) = s.jc {
        x.empty("w:jc", &[("w:val", jc)]);
    }
    // A heading stays on the page of what follows it; so does the agency
    // under the signature with its date.
    if s.outline.is_some() || s.id == "Signature" {
        x.empty("w:keepNext", &[]);
    }
    if let Some(level) = s.outline {
        x.empty("w:outlineLvl", &[("w:val", level)]);
    }
    x.close("w:pPr").open("w:rPr", &[]);
    fonts(x, s.font);
    x.empty("w:sz", &[("w:val", s.size)])
        .empty("w:szCs", &[("w:val", s.size)])
        .close("w:rPr")
        .close("w:style");
}

pub(super) fn styles() -> String {
    let mut x = Xml::part();
    x.open("w:styles", &[("xmlns:w", W)])
        .open("w:docDefaults", &[]);
    x.open("w:rPrDefault", &[]).open("w:rPr", &[]);
    fonts(&mut x, BODY_FONT);
    x.empty("w:sz", &[("w:val", SIZE_BODY)])
        .empty("w:szCs", &[("w:val", SIZE_BODY)])
        .empty("w:lang", &[("w:val", "en-US"), ("w:eastAsia", "zh-CN")])
        .close("w:rPr")
        .close("w:rPrDefault");
    x.open("w:pPrDefault", &[]).open("w:pPr", &[]);
    x.empty("w:spacing", &[("w:line", "560"), ("w:lineRule", "exact")])
        .empty("w:jc", &[("w:val", "both")])
        .close("w:pPr")
        .close("w:pPrDefault")
        .close("w:docDefaults");
    x.open(
        "w:style",
        &[
            ("w:type", "paragraph"),
            ("w:default", "1"),
            ("w:styleId", "Normal"),
        ],
    )
    .empty("w:name", &[("w:val", "Normal")])
    .empty("w:qFormat", &[])
    .close("w:style");
    let body = |id, name, indent, jc| Style {
        id,
        name,
        font: BODY_FONT,
        size: SIZE_BODY,
        indent,
        jc,
        outline: None,
        line: Some("560"),
    };
    for s in [
        Style {
            id: "Title",
            name: "Title",
            font: TITLE_FONT,
            size: SIZE_TITLE,
            indent: false,
            jc: Some("center"),
            outline: None,
            line: Some("700"),
        },
        Style {
            outline: Some("0"),
            font: HEADING_FONT,
            ..body("Heading1", "heading 1", true, None)
        },
        Style {
            outline: Some("1"),
            font: SUBHEADING_FONT,
            ..body("Heading2", "heading 2", true, None)
        },
        body("BodyText", "Body Text", true, None),
        body("Signature", "Signature", false, Some("right")),
        Style {
            size: SIZE_TABLE,
            line: None,
            ..body("TableText", "Table Text", false, Some("center"))
        },
        Style {
            size: "28",
            line: None,
            ..body("Footer", "footer", false, Some("center"))
        },
    ] {
        style(&mut x, &s);
    }
    // The tables: a single rule around and between every cell.
    x.open(
        "w:style",
        &[("w:type", "table"), ("w:styleId", "ReportTable")],
    )
    .empty("w:name", &[("w:val", "Report Table")])
    .open("w:tblPr", &[])
    .open("w:tblBorders", &[]);
    for side in [
        "w:top",
        "w:left",
        "w:bottom",
        "w:right",
        "w:insideH",
        "w:insideV",
    ] {
        x.empty(
            side,
            &[
                ("w:val", "single"),
                ("w:sz", "4"),
                ("w:space", "0"),
                ("w:color", "000000"),
            ],
        );
    }
    x.close("w:tblBorders").open("w:tblCellMar", &[]);
    for side in ["w:left", "w:right"] {
        x.empty(side, &[("w:w", "57"), ("w:type", "dxa")]);
    }
    x.close("w:tblCellMar")
        .close("w:tblPr")
        .close("w:style")
        .close("w:styles");
    x.finish()
}

pub(super) fn font_table() -> String {
    let mut x = Xml::part();
    x.open("w:fonts", &[("xmlns:w", W)]);
    for (name, alt) in FONTS {
        x.open("w:font", &[("w:name", name)])
            .empty("w:altName", &[("w:val", alt)])
            .empty("w:charset", &[("w:val", "86")])
            .empty("w:family", &[("w:val", "auto")])
            .close("w:font");
    }
    x.close("w:fonts");
    x.finish()
}

/// The page number, centred: — 1 —.
pub(super) fn footer() -> String {
    let mut x = Xml::part();
    x.open("w:ftr", &[("xmlns:w", W), ("xmlns:r", R)])
        .open("w:p", &[])
        .open("w:pPr", &[])
        .empty("w:pStyle", &[("w:val", "Footer")])
        .close("w:pPr");
    run(&mut x, "— ", None);
    x.open("w:r", &[])
        .empty("w:fldChar", &[("w:fldCharType", "begin")])
        .close("w:r")
        .open("w:r", &[])
        .open("w:instrText", &[("xml:space", "preserve")])
        .text(" PAGE ")
        .close("w:instrText")
        .close("w:r")
        .open("w:r", &[])
        .empty("w:fldChar", &[("w:fldCharType", "separate")])
        .close("w:r");
    run(&mut x, "1", None);
    x.open("w:r", &[])
        .empty("w:fldChar", &[("w:fldCharType", "end")])
        .close("w:r");
    run(&mut x, " —", None);
    x.close("w:p").close("w:ftr");
    x.finish()
}

pub(super) fn settings() -> String {
    let mut x = Xml::part();
    x.open("w:settings", &[("xmlns:w", W)])
        .empty("w:defaultTabStop", &[("w:val", "420")])
        .empty(
            "w:characterSpacingControl",
            &[("w:val", "compressPunctuation")],
        )
        .open("w:compat", &[])
        .empty(
            "w:compatSetting",
            &[
                ("w:name", "compatibilityMode"),
                ("w:uri", "http://schemas.microsoft.com/office/word"),
                ("w:val", "15"),
            ],
        )
        .close("w:compat")
        .close("w:settings");
    x.finish()
}

pub(super) fn relationships(rels: &[(&str, &str, &str)]) -> String {
    let mut x = Xml::part();
    x.open(
        "Relationships",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/relationships",
        )],
    );
    for (id, kind, target) in rels {
        x.empty(
            "Relationship",
            &[("Id", id), ("Type", kind), ("Target", target)],
        );
    }
    x.close("Relationships");
    x.finish()
}

pub(super) const OFFICE_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

pub(super) fn content_types() -> String {
    let mut x = Xml::part();
    x.open(
        "Types",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        )],
    )
    .empty(
        "Default",
        &[
            ("Extension", "rels"),
            (
                "ContentType",
                "application/vnd.openxmlformats-package.relationships+xml",
            ),
        ],
    )
    .empty(
        "Default",
        &[("Extension", "xml"), ("ContentType", "application/xml")],
    );
    for (part, kind) in [
        ("/word/document.xml", format!("{WML}.document.main+xml")),
        ("/word/styles.xml", format!("{WML}.styles+xml")),
        ("/word/fontTable.xml", format!("{WML}.fontTable+xml")),
        ("/word/settings.xml", format!("{WML}.settings+xml")),
        ("/word/footer1.xml", format!("{WML}.footer+xml")),
        (
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml".to_owned(),
        ),
        (
            "/customXml/itemProps1.xml",
            "application/vnd.openxmlformats-officedocument.customXmlProperties+xml".to_owned(),
        ),
    ] {
        x.empty("Override", &[("PartName", part), ("ContentType", &kind)]);
    }
    x.close("Types");
    x.finish()
}

/// The title, and the export-stage counts as the description (Word's and
/// WPS's 备注; python-docx's `core_properties.comments`), so the file says
/// what was checked without opening its data part.
pub(super) fn core_properties(report: &Report, check: ExportCheck) -> String {
    let mut x = Xml::part();
    x.open(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
        ],
    )
    .open("dc:title", &[])
    .text(&report.title())
    .close("dc:title")
    .open("dc:description", &[])
    .text(&check.words())
    .close("dc:description")
    .open("dc:language", &[])
    .text("zh-CN")
    .close("dc:language")
    .close("cp:coreProperties");
    x.finish()
}

/// The namespace of the report's data in the package (`customXml/item1.xml`).
pub const DATA_NS: &str = "urn:nianbao:report";

/// The report's own data, as this app's JSON with the export-stage counts,
/// in a custom XML part: Word and WPS keep such parts when the file is saved
/// again, and the importer reads the report back from it exactly (and says
/// where the visible tables were changed).
pub(super) fn data_part(report: &Report, check: ExportCheck) -> String {
    let mut x = Xml::part();
    x.open("nianbao", &[("xmlns", DATA_NS)])
        .text(&to_json_export(report, check))
        .close("nianbao");
    x.finish()
}

pub(super) fn data_props() -> String {
    let mut x = Xml::part();
    x.open(
        "ds:datastoreItem",
        &[
            ("ds:itemID", "{6E1A7C52-4B3F-4F0A-9C2D-1A2B3C4D5E6F}"),
            (
                "xmlns:ds",
                "http://schemas.openxmlformats.org/officeDocument/2006/customXml",
            ),
        ],
    )
    .open("ds:schemaRefs", &[])
    .empty("ds:schemaRef", &[("ds:uri", DATA_NS)])
    .close("ds:schemaRefs")
    .close("ds:datastoreItem");
    x.finish()
}
