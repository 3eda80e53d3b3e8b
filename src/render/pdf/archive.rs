//! The accessible, archival PDF: what printpdf does not build, added to its
//! lopdf document before it is written. The structure tree of a tagged PDF
//! (ISO 32000-1 §14.7–14.8: a `StructElem` per heading, paragraph, list
//! item and table cell, pointing at the marked runs of text that export
//! drew), the document's language, and what PDF/A-2b asks (ISO 19005-2):
//! XMP metadata equal to the document information, an sRGB output intent,
//! a document ID, printable annotations. A clerk files these conventions
//! for decades; a screen reader reads them aloud.

use super::PdfError;
use super::layout::Element;
use crate::lang::Lang;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

/// The document information, as the Info dictionary and the XMP both say it.
pub struct Description<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub subject: &'a str,
    pub keywords: &'a str,
    pub creator: &'a str,
    pub producer: &'a str,
    /// Seconds since the epoch: creation and modification.
    pub timestamp: i64,
    /// A stable identifier of the sources: the document ID.
    pub identifier: &'a str,
    pub lang: Lang,
}

/// Adds the structure tree and the PDF/A requirements to `doc`.
/// `marks[page][mcid]` is the element of each marked run of text.
pub fn finish(
    doc: &mut Document,
    elements: &[Element],
    marks: &[Vec<usize>],
    about: &Description<'_>,
) -> Result<(), PdfError> {
    doc.version = "1.7".into();
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let root_id = doc.new_object_id();
    let ids: Vec<ObjectId> = elements.iter().map(|_| doc.new_object_id()).collect();

    // Each element's kids in reading order: its children, then — for the
    // leaves — the runs of text marked with it, page by page.
    let mut kids: Vec<Vec<Object>> = vec![Vec::new(); elements.len()];
    for (i, e) in elements.iter().enumerate().skip(1) {
        if let Some(k) = kids.get_mut(e.parent) {
            k.push(Object::Reference(ids[i]));
        }
    }
    // The marked runs of each element, as (page, MCID).
    let mut runs: Vec<Vec<(usize, usize)>> = vec![Vec::new(); elements.len()];
    let mut parent_tree = Vec::with_capacity(pages.len() * 2);
    for (n, (page, page_marks)) in pages.iter().zip(marks).enumerate() {
        let mut owners = Vec::with_capacity(page_marks.len());
        for (mcid, &element) in page_marks.iter().enumerate() {
            let element = element.min(elements.len().saturating_sub(1));
            runs[element].push((n, mcid));
            owners.push(Object::Reference(ids[element]));
        }
        parent_tree.push(Object::Integer(n as i64));
        parent_tree.push(Object::Array(owners));
        if let Ok(Object::Dictionary(dict)) = doc.get_object_mut(*page) {
            dict.set("StructParents", Object::Integer(n as i64));
            mark_annotations_printable(dict);
        }
    }
    for (i, (e, mut k)) in elements.iter().zip(kids).enumerate() {
        // Runs on one page are bare MCIDs under the element's page; runs
        // over several, references naming their page.
        let first_page = runs[i].first().map(|(p, _)| *p);
        let one_page = runs[i].iter().all(|(p, _)| Some(*p) == first_page);
        for &(page, mcid) in &runs[i] {
            k.push(if one_page {
                Object::Integer(mcid as i64)
            } else {
                Object::Dictionary(Dictionary::from_iter([
                    ("Type", Object::Name(b"MCR".to_vec())),
                    ("Pg", Object::Reference(pages[page])),
                    ("MCID", Object::Integer(mcid as i64)),
                ]))
            });
        }
        let mut dict = Dictionary::from_iter([
            ("Type", Object::Name(b"StructElem".to_vec())),
            ("S", Object::Name(e.role.name().as_bytes().to_vec())),
            (
                "P",
                Object::Reference(if i == 0 { root_id } else { ids[e.parent] }),
            ),
            ("K", Object::Array(k)),
        ]);
        if let (true, Some(page)) = (one_page, first_page) {
            dict.set("Pg", Object::Reference(pages[page]));
        }
        if e.lang != about.lang {
            dict.set("Lang", text(e.lang.code()));
        }
        doc.objects.insert(ids[i], Object::Dictionary(dict));
    }
    doc.objects.insert(
        root_id,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", Object::Name(b"StructTreeRoot".to_vec())),
            ("K", Object::Reference(ids[0])),
            (
                "ParentTree",
                Object::Dictionary(Dictionary::from_iter([(
                    "Nums",
                    Object::Array(parent_tree),
                )])),
            ),
            ("ParentTreeNextKey", Object::Integer(pages.len() as i64)),
        ])),
    );

    let mut xmp = Stream::new(
        Dictionary::from_iter([
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        xmp(about).into_bytes(),
    );
    // An archival reader finds the metadata without decoding anything.
    xmp.allows_compression = false;
    let xmp_id = doc.add_object(xmp);
    let icc_id = doc.add_object(Stream::new(
        Dictionary::from_iter([("N", Object::Integer(3))]),
        srgb_profile(),
    ));

    let catalog = doc
        .catalog_mut()
        .map_err(|e| PdfError::Export(e.to_string()))?;
    catalog.set("StructTreeRoot", Object::Reference(root_id));
    catalog.set(
        "MarkInfo",
        Object::Dictionary(Dictionary::from_iter([("Marked", Object::Boolean(true))])),
    );
    catalog.set("Lang", text(about.lang.code()));
    catalog.set(
        "ViewerPreferences",
        Object::Dictionary(Dictionary::from_iter([(
            "DisplayDocTitle",
            Object::Boolean(true),
        )])),
    );
    catalog.set("Metadata", Object::Reference(xmp_id));
    catalog.set(
        "OutputIntents",
        Object::Array(vec![Object::Dictionary(Dictionary::from_iter([
            ("Type", Object::Name(b"OutputIntent".to_vec())),
            ("S", Object::Name(b"GTS_PDFA1".to_vec())),
            ("OutputConditionIdentifier", text("sRGB IEC61966-2.1")),
            ("Info", text("sRGB IEC61966-2.1")),
            ("DestOutputProfile", Object::Reference(icc_id)),
        ]))]),
    );

    // The Info dictionary says what the XMP says, and nothing of PDF/X.
    if let Ok(Object::Reference(info)) = doc.trailer.get(b"Info").cloned()
        && let Ok(Object::Dictionary(dict)) = doc.get_object_mut(info)
    {
        dict.remove(b"GTS_PDFXVersion");
        dict.remove(b"Trapped");
        let date = info_date(about.timestamp);
        dict.set("CreationDate", text(&date));
        dict.set("ModDate", text(&date));
        for (key, value) in [
            ("Title", about.title),
            ("Author", about.author),
            ("Subject", about.subject),
            ("Keywords", about.keywords),
            ("Creator", about.creator),
            ("Producer", about.producer),
        ] {
            if value.is_empty() {
                dict.remove(key.as_bytes());
            } else {
                dict.set(key, utf16(value));
            }
        }
    }
    let id = document_id(about);
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
    Ok(())
}

/// PDF/A wants every annotation printable (`/F 4`).
fn mark_annotations_printable(page: &mut Dictionary) {
    if let Ok(Object::Array(annots)) = page.get_mut(b"Annots") {
        for annot in annots {
            if let Object::Dictionary(a) = annot {
                a.set("F", Object::Integer(4));
            }
        }
    }
}

fn text(s: &str) -> Object {
    Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
}

/// A text string in UTF-16BE with its byte-order mark, as the Info
/// dictionary holds any text beyond ASCII.
fn utf16(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in s.encode_utf16() {
        bytes.extend(unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn utc(timestamp: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(timestamp, 0).unwrap_or_default()
}

/// `D:20270101120000+00'00'`.
fn info_date(timestamp: i64) -> String {
    utc(timestamp).format("D:%Y%m%d%H%M%S+00'00'").to_string()
}

/// Sixteen bytes derived from the sources' fingerprint and the title: the
/// same document, the same ID.
fn document_id(about: &Description<'_>) -> Vec<u8> {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("{}\n{}", about.identifier, about.title));
    digest[..16].to_vec()
}

fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The XMP packet: PDF/A-2b identification and the document information.
fn xmp(about: &Description<'_>) -> String {
    let date = utc(about.timestamp)
        .format("%Y-%m-%dT%H:%M:%S+00:00")
        .to_string();
    // Each entry of the document information, as the XMP spells it; an
    // empty one is left out of both.
    let entries = [
        (about.title, "dc:title", Some("rdf:Alt")),
        (about.author, "dc:creator", Some("rdf:Seq")),
        (about.subject, "dc:description", Some("rdf:Alt")),
        (about.keywords, "pdf:Keywords", None),
        (about.creator, "xmp:CreatorTool", None),
        (about.producer, "pdf:Producer", None),
    ];
    let mut fields = String::new();
    for (value, tag, container) in entries.iter().filter(|(v, ..)| !v.is_empty()) {
        let value = escape_xml(value);
        let inner = match container {
            Some("rdf:Seq") => format!("<rdf:Seq><rdf:li>{value}</rdf:li></rdf:Seq>"),
            Some(c) => format!("<{c}><rdf:li xml:lang=\"x-default\">{value}</rdf:li></{c}>"),
            None => value,
        };
        fields.push_str(&format!("   <{tag}>{inner}</{tag}>\n"));
    }
    fields.push_str(&format!(
        "   <dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>\n",
        about.lang.code()
    ));
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">
 <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">
  <rdf:Description rdf:about=\"\"
    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"
    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"
    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"
    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
{fields}   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end=\"w\"?>"
    )
}

/// An ICC v2 display profile of sRGB (IEC 61966-2-1), built here rather
/// than shipped: its D50-adapted primaries and its tone curve, sampled.
fn srgb_profile() -> Vec<u8> {
    fn s15(v: f64) -> [u8; 4] {
        ((v * 65536.0).round() as i32).to_be_bytes()
    }
    fn xyz(x: f64, y: f64, z: f64) -> Vec<u8> {
        let mut t = b"XYZ \0\0\0\0".to_vec();
        for v in [x, y, z] {
            t.extend(s15(v));
        }
        t
    }
    let desc = {
        let name = b"sRGB IEC61966-2.1\0";
        let mut t = b"desc\0\0\0\0".to_vec();
        t.extend((name.len() as u32).to_be_bytes());
        t.extend(name);
        // No Unicode or ScriptCode description.
        t.extend([0u8; 4 + 4 + 2 + 1 + 67]);
        t
    };
    let cprt = {
        let mut t = b"text\0\0\0\0".to_vec();
        t.extend(b"No copyright, use freely\0");
        t
    };
    let curve = {
        const POINTS: u32 = 1024;
        let mut t = b"curv\0\0\0\0".to_vec();
        t.extend(POINTS.to_be_bytes());
        for i in 0..POINTS {
            let x = f64::from(i) / f64::from(POINTS - 1);
            let linear = if x <= 0.04045 {
                x / 12.92
            } else {
                ((x + 0.055) / 1.055).powf(2.4)
            };
            t.extend(((linear * 65535.0).round() as u16).to_be_bytes());
        }
        t
    };
    let tags: Vec<(&[u8; 4], Vec<u8>)> = vec![
        (b"desc", desc),
        (b"cprt", cprt),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.4361, 0.2225, 0.0139)),
        (b"gXYZ", xyz(0.3851, 0.7169, 0.0971)),
        (b"bXYZ", xyz(0.1431, 0.0606, 0.7141)),
        (b"rTRC", curve.clone()),
        (b"gTRC", curve.clone()),
        (b"bTRC", curve),
    ];
    let table_len = 4 + 12 * tags.len();
    let mut offset = 128 + table_len;
    let mut table = (tags.len() as u32).to_be_bytes().to_vec();
    let mut data = Vec::new();
    for (sig, body) in &tags {
        table.extend(*sig);
        table.extend((offset as u32).to_be_bytes());
        table.extend((body.len() as u32).to_be_bytes());
        data.extend(body);
        // Each tag starts on a four-byte boundary.
        while data.len() % 4 != 0 {
            data.push(0);
        }
        offset = 128 + table_len + data.len();
    }
    let size = 128 + table.len() + data.len();
    let mut header = Vec::with_capacity(128);
    header.extend((size as u32).to_be_bytes());
    header.extend([0u8; 4]); // preferred CMM
    header.extend([0x02, 0x10, 0, 0]); // version 2.1
    header.extend(b"mntrRGB XYZ ");
    // 2026-01-01 00:00:00: a fixed date, for reproducible files.
    for v in [2026u16, 1, 1, 0, 0, 0] {
        header.extend(v.to_be_bytes());
    }
    header.extend(b"acsp");
    header.extend([0u8; 4 + 4 + 4 + 4 + 8]); // platform, flags, maker, model, attributes
    header.extend([0u8; 4]); // perceptual intent
    for v in [0.9642, 1.0, 0.8249] {
        header.extend(s15(v)); // the D50 illuminant of the connection space
    }
    header.resize(128, 0);
    [header, table, data].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_srgb_profile_is_a_well_formed_icc_v2_display_profile() {
        let p = srgb_profile();
        let u32_at = |i: usize| u32::from_be_bytes(p[i..i + 4].try_into().unwrap());
        assert_eq!(u32_at(0) as usize, p.len());
        assert_eq!(&p[12..20], b"mntrRGB ");
        assert_eq!(&p[36..40], b"acsp");
        let count = u32_at(128) as usize;
        assert_eq!(count, 9);
        for t in 0..count {
            let (offset, size) = (u32_at(132 + 12 * t + 4), u32_at(132 + 12 * t + 8));
            assert_eq!(offset % 4, 0);
            assert!((offset + size) as usize <= p.len());
        }
    }

    #[test]
    fn the_xmp_says_what_the_information_says() {
        let about = Description {
            title: "Convention <Jardins> & co",
            author: "Ville",
            subject: "",
            keywords: "convention",
            creator: "pacte",
            producer: "pacte",
            timestamp: 1_790_000_000,
            identifier: "abc",
            lang: Lang::Fr,
        };
        let x = xmp(&about);
        assert!(x.contains("<pdfaid:part>2</pdfaid:part>"));
        assert!(x.contains("Convention &lt;Jardins&gt; &amp; co"));
        assert!(!x.contains("dc:description"), "no empty subject");
        assert!(x.contains("2026-09-21T14:13:20+00:00"));
        assert_eq!(info_date(1_790_000_000), "D:20260921141320+00'00'");
    }
}
