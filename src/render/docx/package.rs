//! The parts of a `.docx` package around its body — styles, numbering,
//! settings, running header and footer, comments, document properties —
//! and the zip that holds them, with fixed timestamps and order so that the
//! same input gives the same bytes.
//!
//! The archive's comment carries pacte's mark (`pacte-fingerprint:…`): the
//! end of the file says whether pacte wrote it (`output::inspect`), and a
//! word processor saving the document writes a new archive without it, so
//! a lawyer's edited copy is never replaced without `--force`.

use crate::render::print::PrintInfo;
use crate::render::print::markup::escape;
use crate::render::print::page::{furniture, geometry, metadata};
use std::io::Write;
use zip::write::SimpleFileOptions;

/// What the package is made of.
pub struct Parts<'a> {
    pub info: &'a PrintInfo,
    /// `<w:body>`'s content, up to the section properties.
    pub body: &'a str,
    /// Each comment's paragraphs, by id.
    pub comments: &'a [String],
    /// The date of the document, its revisions and comments (W3C form).
    pub date: &'a str,
    /// The document's language tag (`fr-CA`).
    pub locale: &'a str,
    /// Whether Word keeps tracking changes (a comparison).
    pub track: bool,
    /// Who the comments are by (escaped).
    pub author: &'a str,
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// Zips the package.
pub fn zip(parts: &Parts<'_>) -> std::io::Result<Vec<u8>> {
    let has_comments = !parts.comments.is_empty();
    let mut files: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", content_types(has_comments)),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core(parts)),
        ("docProps/app.xml", app()),
        ("word/document.xml", document(parts)),
        ("word/_rels/document.xml.rels", document_rels(has_comments)),
        (
            "word/styles.xml",
            styles(parts.locale, text_width(parts.info)),
        ),
        ("word/numbering.xml", numbering()),
        ("word/settings.xml", settings(parts)),
        ("word/header1.xml", header(parts.info)),
        ("word/footer1.xml", footer(parts.info)),
        ("word/header2.xml", empty_part("w:hdr")),
        ("word/footer2.xml", empty_part("w:ftr")),
    ];
    if has_comments {
        files.push(("word/comments.xml", comments(parts)));
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // No clock: every entry dated 1980-01-01, the zip epoch.
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(zip::DateTime::default());
    for (name, content) in files {
        zip.start_file(name, options)?;
        zip.write_all(content.as_bytes())?;
    }
    zip.set_comment(format!(
        "{}{}",
        crate::output::DOCX_MARK,
        parts.info.fingerprint
    ))?;
    let cursor = zip.finish()?;
    Ok(cursor.into_inner())
}

fn content_types(comments: bool) -> String {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let comments = if comments {
        format!(r#"<Override PartName="/word/comments.xml" ContentType="{main}.comments+xml"/>"#)
    } else {
        String::new()
    };
    format!(
        r#"{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="{main}.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="{main}.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="{main}.numbering+xml"/><Override PartName="/word/settings.xml" ContentType="{main}.settings+xml"/><Override PartName="/word/header1.xml" ContentType="{main}.header+xml"/><Override PartName="/word/footer1.xml" ContentType="{main}.footer+xml"/><Override PartName="/word/header2.xml" ContentType="{main}.header+xml"/><Override PartName="/word/footer2.xml" ContentType="{main}.footer+xml"/>{comments}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#
    )
}

fn package_rels() -> String {
    format!(
        r#"{XML_DECL}<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/></Relationships>"#
    )
}

fn document_rels(comments: bool) -> String {
    let comments = if comments {
        format!(r#"<Relationship Id="rId8" Type="{REL}/comments" Target="comments.xml"/>"#)
    } else {
        String::new()
    };
    format!(
        r#"{XML_DECL}<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="{REL}/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="{REL}/settings" Target="settings.xml"/><Relationship Id="rId4" Type="{REL}/header" Target="header1.xml"/><Relationship Id="rId5" Type="{REL}/footer" Target="footer1.xml"/><Relationship Id="rId6" Type="{REL}/header" Target="header2.xml"/><Relationship Id="rId7" Type="{REL}/footer" Target="footer2.xml"/>{comments}</Relationships>"#
    )
}

/// Title, subject, author (the parties), keywords, language and dates: the
/// PDF's metadata, in Word's document properties.
fn core(parts: &Parts<'_>) -> String {
    let meta = metadata(parts.info);
    let keywords = meta.keywords.join(", ");
    format!(
        r#"{XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><cp:keywords>{}</cp:keywords><dc:language>{}</dc:language><cp:lastModifiedBy>pacte</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified></cp:coreProperties>"#,
        escape(&meta.title),
        escape(&meta.subject),
        escape(&meta.author),
        escape(&keywords),
        parts.locale,
        date = parts.date,
    )
}

fn app() -> String {
    format!(
        r#"{XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>pacte {}</Application></Properties>"#,
        env!("CARGO_PKG_VERSION")
    )
}

/// The body and its one section: the paper and margins of the PDF, the
/// running header and footer on every page but the title page.
fn document(parts: &Parts<'_>) -> String {
    let geo = geometry(parts.info);
    let twips = |pt: f32| (pt * 20.0).round() as u32;
    format!(
        r#"{XML_DECL}<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}<w:sectPr><w:headerReference w:type="default" r:id="rId4"/><w:footerReference w:type="default" r:id="rId5"/><w:headerReference w:type="first" r:id="rId6"/><w:footerReference w:type="first" r:id="rId7"/><w:pgSz w:w="{width}" w:h="{height}"/><w:pgMar w:top="{top}" w:right="{side}" w:bottom="{bottom}" w:left="{side}" w:header="{header}" w:footer="{footer}" w:gutter="0"/><w:titlePg/></w:sectPr></w:body></w:document>"#,
        body = parts.body,
        width = twips(geo.width),
        height = twips(geo.height),
        top = twips(geo.margin_top),
        bottom = twips(geo.margin_bottom),
        side = twips(geo.margin_x),
        header = twips(geo.margin_top / 2.0 - 6.0),
        footer = twips(geo.margin_bottom / 2.0 - 6.0),
    )
}

/// The styles: Liberation Serif's metric twin (Times New Roman, which
/// LibreOffice maps back to Liberation Serif), 11-point text, the
/// document's language on every style through the defaults.
fn styles(locale: &str, width: u32) -> String {
    let para = |id: &str, name: &str, extra_p: &str, extra_r: &str| {
        format!(
            r#"<w:style w:type="paragraph" w:customStyle="{custom}" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/><w:pPr>{extra_p}</w:pPr><w:rPr>{extra_r}</w:rPr></w:style>"#,
            custom = u8::from(
                id.starts_with("Pacte")
                    || matches!(id, "TitlePage" | "TableText" | "TableHeading" | "Rule")
            ),
        )
    };
    let mut out = format!(
        r#"{XML_DECL}<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="{locale}" w:eastAsia="{locale}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#
    );
    out.push_str(&para(
        "Title",
        "Title",
        r#"<w:jc w:val="center"/><w:spacing w:before="240" w:after="240"/>"#,
        r#"<w:b/><w:sz w:val="36"/><w:szCs w:val="36"/>"#,
    ));
    out.push_str(&para(
        "TitlePage",
        "Title Page Text",
        r#"<w:jc w:val="center"/><w:spacing w:after="200"/>"#,
        r#"<w:sz w:val="26"/><w:szCs w:val="26"/>"#,
    ));
    out.push_str(&para(
        "Heading1",
        "heading 1",
        r#"<w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/>"#,
        r#"<w:b/><w:sz w:val="26"/><w:szCs w:val="26"/>"#,
    ));
    out.push_str(&para(
        "Heading2",
        "heading 2",
        r#"<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/>"#,
        r#"<w:b/>"#,
    ));
    out.push_str(&para(
        "BodyText",
        "Body Text",
        r#"<w:jc w:val="both"/>"#,
        "",
    ));
    out.push_str(&para(
        "ListBullet",
        "List Bullet",
        r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/><w:jc w:val="both"/>"#,
        "",
    ));
    // A numbered item's number is its text (`3. `), hanging like a bullet.
    out.push_str(&para(
        "ListNumber",
        "List Number",
        r#"<w:ind w:left="567" w:hanging="283"/><w:spacing w:after="60"/><w:jc w:val="both"/>"#,
        "",
    ));
    out.push_str(&para(
        "Quote",
        "Quote",
        r#"<w:ind w:left="567"/><w:pBdr><w:left w:val="single" w:sz="8" w:space="8" w:color="808080"/></w:pBdr>"#,
        r#"<w:sz w:val="19"/><w:szCs w:val="19"/>"#,
    ));
    out.push_str(&para(
        "Signature",
        "Signature",
        r#"<w:keepNext/><w:keepLines/><w:spacing w:after="60"/>"#,
        "",
    ));
    out.push_str(&para(
        "TableText",
        "Table Text",
        r#"<w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/>"#,
        r#"<w:sz w:val="19"/><w:szCs w:val="19"/>"#,
    ));
    out.push_str(&para(
        "TableHeading",
        "Table Heading",
        r#"<w:keepNext/><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/>"#,
        r#"<w:b/><w:sz w:val="19"/><w:szCs w:val="19"/>"#,
    ));
    out.push_str(&para(
        "TOCHeading",
        "TOC Heading",
        r#"<w:keepNext/><w:spacing w:before="240" w:after="200"/>"#,
        r#"<w:b/><w:sz w:val="26"/><w:szCs w:val="26"/>"#,
    ));
    out.push_str(&para(
        "TOC1",
        "toc 1",
        &format!(r#"<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{width}"/></w:tabs><w:spacing w:after="60"/>"#),
        "",
    ));
    out.push_str(&para(
        "Rule",
        "Rule",
        r#"<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="808080"/></w:pBdr><w:spacing w:after="240"/>"#,
        "",
    ));
    out.push_str(&para(
        "Header",
        "header",
        r#"<w:spacing w:after="0"/><w:jc w:val="center"/>"#,
        r#"<w:i/><w:color w:val="595959"/><w:sz w:val="17"/><w:szCs w:val="17"/>"#,
    ));
    out.push_str(&para(
        "Footer",
        "footer",
        r#"<w:spacing w:after="0"/>"#,
        r#"<w:color w:val="595959"/><w:sz w:val="17"/><w:szCs w:val="17"/>"#,
    ));
    // Review notes: the sans the PDF sets them in.
    out.push_str(&para(
        "CommentText",
        "annotation text",
        r#"<w:spacing w:after="60"/>"#,
        r#"<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="18"/><w:szCs w:val="18"/>"#,
    ));
    out.push_str(r#"<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>"#);
    out.push_str(r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#);
    let grid = r#"<w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>"#;
    out.push_str(&format!(r#"<w:style w:type="table" w:customStyle="1" w:styleId="PacteTable"><w:name w:val="Pacte Table"/><w:basedOn w:val="TableNormal"/><w:tblPr>{grid}</w:tblPr></w:style>"#));
    out.push_str(r#"<w:style w:type="table" w:customStyle="1" w:styleId="Columns"><w:name w:val="Two Languages"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="200" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#);
    out.push_str(r#"<w:style w:type="table" w:customStyle="1" w:styleId="SignatureGrid"><w:name w:val="Signature Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="200" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#);
    out.push_str("</w:styles>");
    out
}

/// One bulleted list, with the PDF's en dash.
fn numbering() -> String {
    format!(
        r#"{XML_DECL}<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="–"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="283"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    )
}

fn settings(parts: &Parts<'_>) -> String {
    let track = if parts.track {
        "<w:trackRevisions/>"
    } else {
        ""
    };
    format!(
        r#"{XML_DECL}<w:settings xmlns:w="{W}">{track}<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="{}"/></w:settings>"#,
        parts.locale
    )
}

/// The running header: the short title, and a draft's mark.
fn header(info: &PrintInfo) -> String {
    let furniture = furniture(info);
    let mut paragraphs = format!(
        r#"<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        escape(&furniture.header)
    );
    if let Some(mark) = &furniture.watermark {
        paragraphs.push_str(&format!(
            r#"<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:rPr><w:b/><w:i w:val="0"/><w:color w:val="C00000"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
            escape(mark)
        ));
    }
    format!(r#"{XML_DECL}<w:hdr xmlns:w="{W}">{paragraphs}</w:hdr>"#)
}

/// The footer: the reference on the left, « Page 3 de 14 » in the middle
/// (Word's `PAGE` and `NUMPAGES` fields), the fingerprint on the right.
fn footer(info: &PrintInfo) -> String {
    let furniture = furniture(info);
    let width = text_width(info);
    let text = |s: &str| {
        if s.is_empty() {
            String::new()
        } else {
            format!(
                r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
                escape(s)
            )
        }
    };
    let field = |name: &str, shown: &str| {
        format!(
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {name} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{shown}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
        )
    };
    let mut label = String::new();
    let mut rest = furniture.page_label.as_str();
    while let Some(at) = rest.find('{') {
        label.push_str(&text(&rest[..at]));
        let after = &rest[at..];
        if let Some(tail) = after.strip_prefix("{n}") {
            label.push_str(&field("PAGE", "1"));
            rest = tail;
        } else if let Some(tail) = after.strip_prefix("{total}") {
            label.push_str(&field("NUMPAGES", "1"));
            rest = tail;
        } else {
            label.push_str(&text("{"));
            rest = &after[1..];
        }
    }
    label.push_str(&text(rest));
    format!(
        r#"{XML_DECL}<w:ftr xmlns:w="{W}"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:tabs><w:tab w:val="center" w:pos="{center}"/><w:tab w:val="right" w:pos="{width}"/></w:tabs></w:pPr>{reference}<w:r><w:tab/></w:r>{label}<w:r><w:tab/></w:r>{fingerprint}</w:p></w:ftr>"#,
        center = width / 2,
        reference = text(&furniture.reference),
        fingerprint = text(&furniture.fingerprint),
    )
}

/// The width of the text block in twentieths of a point (Word's unit): the
/// PDF's measure.
pub fn text_width(info: &PrintInfo) -> u32 {
    (geometry(info).text_width() * 20.0).round() as u32
}

/// The title page's header and footer: empty, as in the PDF.
fn empty_part(tag: &str) -> String {
    format!(r#"{XML_DECL}<{tag} xmlns:w="{W}"><w:p/></{tag}>"#)
}

fn comments(parts: &Parts<'_>) -> String {
    let mut out = format!(r#"{XML_DECL}<w:comments xmlns:w="{W}">"#);
    for (id, paragraphs) in parts.comments.iter().enumerate() {
        let paragraphs = if paragraphs.is_empty() {
            "<w:p/>"
        } else {
            paragraphs
        };
        out.push_str(&format!(
            r#"<w:comment w:id="{id}" w:author="{}" w:date="{}">{paragraphs}</w:comment>"#,
            parts.author, parts.date
        ));
    }
    out.push_str("</w:comments>");
    out
}
