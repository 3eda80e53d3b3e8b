//! Export: laid-out pages to PDF bytes with printpdf. The only file that
//! imports printpdf, so its API changes stay here.

use super::PdfError;
use super::fonts::{BYTES, Fonts, Style};
use super::layout::{Geometry, Item, Layout};
use crate::render::print::{Furniture, Metadata};
use printpdf::{
    Actions, BorderArray, Color, Destination, DictItem, Greyscale, Line, LinePoint, LinkAnnotation,
    Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt,
    Rect, TextItem, TextMatrix,
};

pub fn export(
    layout: Layout,
    contents: &[(String, usize)],
    geo: Geometry,
    furniture: &Furniture,
    meta: &Metadata,
    fonts: &Fonts,
) -> Result<Vec<u8>, PdfError> {
    let measure = |text: &str, style: Style, size: f32| fonts.width(text, style, size);
    let mut doc = PdfDocument::new(&meta.title);
    // Only the faces the document uses are parsed and embedded (a bold
    // italic is rare); the furniture's are always there.
    let mut used = [false; BYTES.len()];
    for style in [Style::Regular, Style::Italic, Style::Bold] {
        used[style.index()] = true;
    }
    for item in layout.pages.iter().flat_map(|p| &p.items) {
        if let Item::Text { style, .. } = item {
            used[style.index()] = true;
        }
    }
    let mut font_ids = Vec::new();
    for (bytes, used) in BYTES.iter().zip(used) {
        font_ids.push(if used {
            let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
                .ok_or_else(|| PdfError::Fonts("embedded font could not be parsed".into()))?;
            Some(doc.add_font(&font))
        } else {
            None
        });
    }
    let regular = font_ids[Style::Regular.index()]
        .clone()
        .ok_or_else(|| PdfError::Fonts("the regular face is not embedded".into()))?;
    // A face not parsed is never asked for: the regular one stands in.
    let font = |style: Style| {
        PdfFontHandle::External(
            font_ids[style.index()]
                .clone()
                .unwrap_or_else(|| regular.clone()),
        )
    };
    let total = layout.pages.len();
    let gray = |percent: f32| {
        Color::Greyscale(Greyscale {
            percent,
            icc_profile: None,
        })
    };

    let mut pages = Vec::with_capacity(total);
    // Each page's laid-out words are dropped as soon as its drawing
    // operations exist: one copy of a thousand-page document, not two.
    let Layout {
        pages: laid_pages,
        elements,
        ..
    } = layout;
    // For each page, the structure element of each marked run, by MCID.
    let mut marks: Vec<Vec<usize>> = Vec::with_capacity(total);
    for (n, page) in laid_pages.into_iter().enumerate() {
        let mut ops = Vec::new();
        let mut page_marks = Vec::new();
        // Furniture, rules and shades are artifacts: not part of the text a
        // reader reads out.
        let artifact = |ops: &mut Vec<Op>, draw: &mut dyn FnMut(&mut Vec<Op>)| {
            ops.push(Op::BeginMarkedContent {
                tag: "Artifact".into(),
            });
            draw(ops);
            ops.push(Op::EndMarkedContent);
        };
        // Furniture (the running header, the footer's reference) is a
        // convention's own text too: each piece in the face that draws it,
        // in the order the bidirectional algorithm gives.
        let text = |ops: &mut Vec<Op>, x: f32, y: f32, s: &str, style: Style, size: f32| {
            let mut x = x;
            for (piece, face) in furniture_runs(fonts, s, style) {
                let shaped = face.is_fallback();
                ops.push(Op::StartTextSection);
                ops.push(Op::SetFont {
                    font: font(face),
                    size: Pt(size),
                });
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(x), Pt(y)),
                });
                let items = if shaped {
                    shaped_items(fonts, &piece, face)
                } else {
                    vec![TextItem::Text(piece.clone())]
                };
                ops.push(Op::ShowText { items });
                ops.push(Op::EndTextSection);
                x += fonts.width(&piece, face, size);
            }
        };
        let furniture_width = |s: &str, style: Style, size: f32| -> f32 {
            furniture_runs(fonts, s, style)
                .iter()
                .map(|(piece, face)| fonts.width(piece, *face, size))
                .sum()
        };
        ops.push(Op::BeginMarkedContent {
            tag: "Artifact".into(),
        });
        if let Some(mark) = &furniture.watermark {
            // Behind everything, light, across the page.
            let size = 96.0;
            let width = measure(mark, Style::Bold, size);
            let angle: f32 = 45.0;
            let (cx, cy) = (geo.width / 2.0, geo.height / 2.0);
            let (dx, dy) = (
                width / 2.0 * angle.to_radians().cos(),
                width / 2.0 * angle.to_radians().sin(),
            );
            ops.push(Op::SetFillColor { col: gray(0.82) });
            ops.push(Op::StartTextSection);
            ops.push(Op::SetFont {
                font: font(Style::Bold),
                size: Pt(size),
            });
            // A positive angle turns counter-clockwise: the mark rises to the right.
            ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::TranslateRotate(Pt(cx - dx), Pt(cy - dy), angle),
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::Text(mark.clone())],
            });
            ops.push(Op::EndTextSection);
        }
        ops.push(Op::SetFillColor { col: gray(0.0) });
        ops.push(Op::SetOutlineColor { col: gray(0.0) });
        ops.push(Op::EndMarkedContent);
        let mut i = 0;
        while i < page.items.len() {
            let item = &page.items[i];
            i += 1;
            match item {
                Item::Text {
                    x,
                    y,
                    text: first,
                    style,
                    size,
                    element,
                } => {
                    // The words that follow on the same baseline in the same
                    // face go into one text object, each placed by an offset
                    // from where the previous one ended: one object per line
                    // rather than per word keeps a thousand-page PDF in
                    // memory a fraction of the size, and the spaces between
                    // words are real characters for search and copy.
                    let mut items = Vec::new();
                    let space = measure(" ", *style, *size);
                    let mut word = first.clone();
                    let mut end = *x + measure(first, *style, *size);
                    while let Some(Item::Text {
                        x: nx,
                        y: ny,
                        text: next,
                        style: ns,
                        size: nz,
                        element: ne,
                    }) = page.items.get(i)
                    {
                        if ny != y
                            || ns != style
                            || nz != size
                            || *nx < end
                            || ne != element
                            || style.is_fallback()
                        {
                            break;
                        }
                        if !word.ends_with(' ') && !next.starts_with(' ') {
                            word.push(' ');
                            end += space;
                        }
                        items.push(TextItem::Text(std::mem::take(&mut word)));
                        let shift = (end - *nx) / *size * 1000.0;
                        if shift.abs() > 0.01 {
                            items.push(TextItem::Offset(shift));
                        }
                        word = next.clone();
                        end = *nx + measure(next, *style, *size);
                        i += 1;
                    }
                    // Shaped text is drawn glyph by glyph, each glyph
                    // standing for its letters in the font's ToUnicode map;
                    // readers put right-to-left text back in logical order.
                    if style.is_fallback() {
                        items.extend(shaped_items(fonts, &word, *style));
                    } else {
                        items.push(TextItem::Text(word));
                    }
                    // Marked as part of its structure element, or as an
                    // artifact.
                    if *element == super::layout::ARTIFACT {
                        ops.push(Op::BeginMarkedContent {
                            tag: "Artifact".into(),
                        });
                    } else {
                        let mcid = page_marks.len();
                        page_marks.push(*element);
                        ops.push(Op::BeginMarkedContentWithProperties {
                            tag: elements
                                .get(*element)
                                .map_or("P", |e| e.role.name())
                                .to_string(),
                            properties: DictItem::Dict {
                                map: std::iter::once((
                                    "MCID".to_string(),
                                    DictItem::Int(mcid as i64),
                                ))
                                .collect(),
                            },
                        });
                    }
                    ops.push(Op::StartTextSection);
                    ops.push(Op::SetFont {
                        font: font(*style),
                        size: Pt(*size),
                    });
                    ops.push(Op::SetTextMatrix {
                        matrix: TextMatrix::Translate(Pt(*x), Pt(*y)),
                    });
                    ops.push(Op::ShowText { items });
                    ops.push(Op::EndTextSection);
                    ops.push(Op::EndMarkedContent);
                }
                Item::Shade {
                    x,
                    y,
                    width,
                    height,
                } => artifact(&mut ops, &mut |ops| {
                    ops.push(Op::SetFillColor { col: gray(0.93) });
                    ops.push(Op::DrawRectangle {
                        rectangle: Rect {
                            mode: Some(PaintMode::Fill),
                            ..Rect::from_xywh(Pt(*x), Pt(*y), Pt(*width), Pt(*height))
                        },
                    });
                    ops.push(Op::SetFillColor { col: gray(0.0) });
                }),
                Item::Link {
                    x1,
                    y1,
                    x2,
                    y2,
                    page,
                } => ops.push(Op::LinkAnnotation {
                    link: LinkAnnotation::new(
                        Rect::from_xywh(Pt(*x1), Pt(*y1), Pt(x2 - x1), Pt(y2 - y1)),
                        Actions::go_to(Destination::Xyz {
                            page: *page,
                            left: None,
                            top: None,
                            zoom: None,
                        }),
                        Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                        None,
                        None,
                    ),
                }),
                Item::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                } => artifact(&mut ops, &mut |ops| {
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: vec![
                                LinePoint {
                                    p: Point {
                                        x: Pt(*x1),
                                        y: Pt(*y1),
                                    },
                                    bezier: false,
                                },
                                LinePoint {
                                    p: Point {
                                        x: Pt(*x2),
                                        y: Pt(*y2),
                                    },
                                    bezier: false,
                                },
                            ],
                            is_closed: false,
                        },
                    });
                }),
            }
        }
        // Running header and footer.
        ops.push(Op::BeginMarkedContent {
            tag: "Artifact".into(),
        });
        ops.push(Op::SetFillColor { col: gray(0.35) });
        let small = 8.5;
        let (left, right) = (geo.margin_x, geo.width - geo.margin_x);
        if !page.title_page {
            let w = furniture_width(&furniture.header, Style::Italic, small);
            text(
                &mut ops,
                (geo.width - w) / 2.0,
                geo.height - geo.margin_top / 2.0,
                &furniture.header,
                Style::Italic,
                small,
            );
        }
        let footer_y = geo.margin_bottom / 2.0;
        let label = furniture
            .page_label
            .replace("{n}", &(n + 1).to_string())
            .replace("{total}", &total.to_string());
        let w = furniture_width(&label, Style::Regular, small);
        text(
            &mut ops,
            (geo.width - w) / 2.0,
            footer_y,
            &label,
            Style::Regular,
            small,
        );
        text(
            &mut ops,
            left,
            footer_y,
            &furniture.reference,
            Style::Regular,
            small,
        );
        let w = furniture_width(&furniture.fingerprint, Style::Regular, small);
        text(
            &mut ops,
            right - w,
            footer_y,
            &furniture.fingerprint,
            Style::Regular,
            small,
        );
        ops.push(Op::EndMarkedContent);
        marks.push(page_marks);
        pages.push(PdfPage::new(
            Mm(geo.width * 25.4 / 72.0),
            Mm(geo.height * 25.4 / 72.0),
            ops,
        ));
    }

    // printpdf sorts bookmarks by (page, title): zero-pad article numbers so
    // "Article 10" follows "Article 9" when both start on the same page.
    for (title, page) in contents {
        doc.add_bookmark(&bookmark_title(title), *page);
    }
    let date = printpdf::OffsetDateTime::from_unix_timestamp(meta.timestamp)
        .map_err(|e| PdfError::Export(e.to_string()))?;
    let info = &mut doc.metadata.info;
    info.document_title = meta.title.clone();
    info.subject = meta.subject.clone();
    info.author = meta.author.clone();
    info.keywords = meta.keywords.clone();
    info.creator = format!("pacte {}", env!("CARGO_PKG_VERSION"));
    info.producer = crate::output::pdf_producer();
    info.identifier = meta.identifier.clone();
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    let options = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    doc.with_pages(pages);
    let mut lo = doc.to_lopdf_document(&options, &mut Vec::new());
    // The drawing operations and parsed fonts are in `lo` now: freed before
    // it is finished, compressed and written.
    drop(doc);
    let keywords = meta.keywords.join(",");
    super::archive::finish(
        &mut lo,
        &elements,
        &marks,
        &super::archive::Description {
            title: &meta.title,
            author: &meta.author,
            subject: &meta.subject,
            keywords: &keywords,
            creator: &format!("pacte {}", env!("CARGO_PKG_VERSION")),
            producer: &crate::output::pdf_producer(),
            timestamp: meta.timestamp,
            identifier: &meta.identifier,
            lang: meta.lang,
        },
    )?;
    compress(&mut lo);
    let mut out = Vec::new();
    // A classic cross-reference table, not object streams: the document
    // information stays where pacte (`output::inspect`) and any reader find
    // it from the trailer, and an incremental update made elsewhere (a
    // signature) is seen as the newest word on the file.
    lo.save_to(&mut out)
        .map_err(|e| PdfError::Export(e.to_string()))?;
    Ok(out)
}

/// Deflates every stream not yet filtered, at the level that costs least
/// for what it saves (lopdf's own uses the slowest, for a few percent).
fn compress(doc: &mut lopdf::Document) {
    use std::io::Write;
    for object in doc.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = object
            && stream.allows_compression
            && stream.dict.get(b"Filter").is_err()
        {
            let mut encoder =
                flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(COMPRESSION));
            if encoder.write_all(&stream.content).is_err() {
                continue;
            }
            if let Ok(compressed) = encoder.finish()
                && compressed.len() + 19 < stream.content.len()
            {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(compressed);
            }
        }
    }
}

/// A line of furniture in the pieces it is drawn in, left to right: cut
/// where its direction changes (Unicode bidirectional algorithm), then
/// where the face that draws it changes. Right-to-left text in a Latin face
/// (punctuation) runs backwards, brackets turned; shaped text is the
/// shaper's to order.
fn furniture_runs(fonts: &Fonts, text: &str, style: Style) -> Vec<(String, Style)> {
    if text.is_ascii() {
        return vec![(text.to_string(), style)];
    }
    let by_face = |slice: &str| {
        let mut out: Vec<(String, Style)> = Vec::new();
        for c in slice.chars() {
            let face = fonts.face_for(c, style);
            match out.last_mut() {
                Some((piece, f)) if *f == face => piece.push(c),
                _ => out.push((c.to_string(), face)),
            }
        }
        out
    };
    let bidi = unicode_bidi::BidiInfo::new(text, Some(unicode_bidi::Level::ltr()));
    let Some(paragraph) = bidi.paragraphs.first() else {
        return by_face(text);
    };
    let (levels, runs) = bidi.visual_runs(paragraph, paragraph.range.clone());
    let mut out = Vec::new();
    for run in runs {
        let rtl = levels.get(run.start).is_some_and(|l| l.is_rtl());
        let mut pieces = by_face(&text[run]);
        if rtl {
            pieces.reverse();
            for (piece, face) in &mut pieces {
                if !face.is_fallback() {
                    *piece = piece.chars().rev().map(super::layout::mirrored).collect();
                }
            }
        }
        out.extend(pieces);
    }
    out
}

/// Shaped text as glyphs in visual order: each placed by its shaped advance
/// and offset (the viewer advances by the glyph's own width after it; the
/// numbers between glyphs make up the difference), each with the text it
/// stands for in the font's ToUnicode map.
fn shaped_items(fonts: &Fonts, text: &str, style: Style) -> Vec<TextItem> {
    let units = f32::from(fonts.units_per_em(style));
    let glyphs = fonts.shape(text, style);
    let mut items = Vec::with_capacity(2);
    // A TJ number moves the pen left by a thousandth of the size: negative
    // moves it right, to the first glyph's offset.
    let first = glyphs.first().map_or(0, |g| g.x_offset);
    if first != 0 {
        items.push(TextItem::Offset(-(first as f32) * 1000.0 / units));
    }
    let codepoints = glyphs
        .iter()
        .enumerate()
        .map(|(n, g)| {
            let own = f32::from(fonts.glyph_advance(style, g.id));
            let next = glyphs.get(n + 1).map_or(0, |g| g.x_offset);
            let offset =
                (own + g.x_offset as f32 - g.advance as f32 - next as f32) * 1000.0 / units;
            printpdf::Codepoint::with_cid(g.id, offset, g.text.clone())
        })
        .collect();
    items.push(TextItem::GlyphIds(codepoints));
    items
}

/// The deflate level of streams: see the `render` benchmark.
const COMPRESSION: u32 = 3;

/// "Article 9 — Audit" → "Article 09 — Audit"; "Article 1er" → "Article 01er".
pub fn bookmark_title(title: &str) -> String {
    let Some(rest) = title.strip_prefix("Article ") else {
        return title.to_string();
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() == 1 {
        format!("Article 0{rest}")
    } else {
        title.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::bookmark_title;

    #[test]
    fn bookmark_titles_sort_in_article_order() {
        let mut titles: Vec<String> = [
            "Article 10 — Plan",
            "Article 9 — Structure",
            "Article 1er — Définitions",
            "Annexe A — Conseil",
        ]
        .iter()
        .map(|t| bookmark_title(t))
        .collect();
        titles.sort();
        assert_eq!(
            titles,
            [
                "Annexe A — Conseil",
                "Article 01er — Définitions",
                "Article 09 — Structure",
                "Article 10 — Plan"
            ]
        );
    }
}
