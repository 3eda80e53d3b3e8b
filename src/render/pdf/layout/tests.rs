//! The layout's unit tests.

use super::lines::FRENCH_MONTHS;
use super::*;
use crate::lang::Lang;
use crate::render::print::Style as Emphasis;
use crate::render::print::text::superscript;

fn layout(
    blocks: &[Block],
    fonts: &Fonts,
    geo: Geometry,
    toc_title: &str,
    toc: Option<&[(String, usize)]>,
) -> Layout {
    super::layout(blocks, Lang::Fr, fonts, geo, toc_title, toc)
}

fn heading(text: &str) -> Block {
    Block::Heading {
        runs: vec![Run::new(text, Emphasis::Regular)],
        anchor: None,
    }
}

fn para(text: &str) -> Block {
    Block::Paragraph {
        runs: vec![Run::new(text, Emphasis::Regular)],
        quote: false,
    }
}

fn lines_of(page: &Page) -> Vec<f32> {
    let mut ys: Vec<f32> = page
        .items
        .iter()
        .filter_map(|i| {
            if let Item::Text { y, .. } = i {
                Some(*y)
            } else {
                None
            }
        })
        .collect();
    ys.dedup();
    ys
}

#[test]
fn insertions_are_underlined_and_deletions_struck_through() {
    let fonts = Fonts::load().unwrap();
    let geo = Geometry::a4();
    let run = |text: &str, mark| Run {
        text: text.into(),
        style: Emphasis::Regular,
        mark,
    };
    let block = Block::Paragraph {
        runs: vec![
            run("Le quorum est de ", Mark::None),
            run("cinq membres", Mark::Deleted),
            run(" ", Mark::None),
            run("six membres", Mark::Inserted),
            run(".", Mark::None),
        ],
        quote: false,
    };
    let l = layout(&[block], &fonts, geo, "", None);
    let items = &l.pages[0].items;
    let text_at = |word: &str| {
        items.iter().find_map(|i| match i {
            Item::Text { x, y, text, .. } if text == word => Some((*x, *y)),
            _ => None,
        })
    };
    let lines: Vec<(f32, f32, f32)> = items
        .iter()
        .filter_map(|i| match i {
            Item::Line { x1, x2, y1, .. } => Some((*x1, *x2, *y1)),
            _ => None,
        })
        .collect();
    let (cinq_x, baseline) = text_at("cinq").unwrap();
    let (six_x, _) = text_at("six").unwrap();
    // The struck line crosses the deleted words above the baseline and
    // runs on through the space between them.
    let strike = lines
        .iter()
        .find(|(x1, ..)| (*x1 - cinq_x).abs() < 0.01)
        .unwrap();
    assert!(strike.2 > baseline, "{strike:?} {baseline}");
    assert!(strike.1 > cinq_x + 10.0);
    // The underline sits below the baseline of the inserted words.
    let under = lines
        .iter()
        .find(|(x1, ..)| (*x1 - six_x).abs() < 0.01)
        .unwrap();
    assert!(under.2 < baseline, "{under:?} {baseline}");
    // Unmarked words carry no line.
    let (le_x, _) = text_at("Le").unwrap();
    assert!(lines.iter().all(|(x1, ..)| (*x1 - le_x).abs() > 0.01));
}

#[test]
fn justified_lines_fill_the_measure_and_the_last_is_ragged() {
    let fonts = Fonts::load().unwrap();
    let geo = Geometry::a4();
    let text = "Les parties conviennent de collaborer de bonne foi à la réalisation de leur mission commune. ".repeat(6);
    let l = layout(&[para(&text)], &fonts, geo, "", None);
    let right = geo.width - geo.margin_x;
    let page = &l.pages[0];
    let ys = lines_of(page);
    assert!(ys.len() > 3);
    let line_end = |y: f32| {
        page.items
            .iter()
            .filter_map(|i| match i {
                Item::Text {
                    x,
                    y: iy,
                    text,
                    style,
                    size,
                    ..
                } if (*iy - y).abs() < 0.01 => Some(x + fonts.width(text, *style, *size)),
                _ => None,
            })
            .fold(0.0, f32::max)
    };
    for y in &ys[..ys.len() - 1] {
        assert!(
            (line_end(*y) - right).abs() < 0.5,
            "justified line ends at {} not {right}",
            line_end(*y)
        );
    }
    assert!(
        line_end(*ys.last().unwrap()) < right - 5.0,
        "last line is ragged"
    );
}

#[test]
fn a_heading_is_never_last_on_a_page_and_tables_repeat_their_header() {
    let fonts = Fonts::load().unwrap();
    let mut blocks: Vec<Block> = (0..44).map(|_| para("Ligne de texte courte.")).collect();
    blocks.push(heading("Article 9 — Audit"));
    blocks.push(para("Premier paragraphe de l'article."));
    let l = layout(&blocks, &fonts, Geometry::a4(), "", None);
    let page = l.headings[0];
    let last_on_previous = l.pages[page - 2].items.iter().rev().find_map(|i| {
        if let Item::Text { text, .. } = i {
            Some(text.clone())
        } else {
            None
        }
    });
    assert_ne!(last_on_previous.as_deref(), Some("Audit"));

    let cell = |s: &str| vec![Run::new(s, Emphasis::Regular)];
    let rows: Vec<Vec<Vec<Run>>> = (0..120)
        .map(|i| vec![cell(&format!("Poste {i}")), cell("1 000,00 $")])
        .collect();
    let l = layout(
        &[Block::Table {
            align: Vec::new(),
            header: vec![cell("Poste"), cell("Montant")],
            rows,
        }],
        &fonts,
        Geometry::a4(),
        "",
        None,
    );
    assert!(l.pages.len() >= 2);
    for page in &l.pages {
        let first = page.items.iter().find_map(|i| {
            if let Item::Text { text, style, .. } = i {
                Some((text.clone(), *style))
            } else {
                None
            }
        });
        assert_eq!(
            first,
            Some(("Poste".to_string(), Style::Bold)),
            "each page starts with the header row"
        );
    }
    // Tagged once: the repeats are artifacts a reader does not hear.
    let headers = l.elements.iter().filter(|e| e.role == Role::TH).count();
    assert_eq!(headers, 2);
    let repeated = l.pages[1].items.iter().find_map(|i| match i {
        Item::Text { text, element, .. } if text == "Poste" => Some(*element),
        _ => None,
    });
    assert_eq!(repeated, Some(ARTIFACT));
}

#[test]
fn columns_start_level_and_share_their_pages() {
    let fonts = Fonts::load().unwrap();
    let geo = Geometry::a4();
    // The left column runs over two pages, the right fits on one.
    let mut left = vec![heading("Article 2 — Durée")];
    left.extend((0..70).map(|_| para("Une ligne de texte en français.")));
    let mut right = vec![heading("Article 2 — Term")];
    right.extend((0..5).map(|_| para("A line of English text.")));
    let blocks = vec![
        para("Avant."),
        Block::Columns {
            rule: true,
            left,
            right,
        },
        para("Après."),
    ];
    let l = layout(&blocks, &fonts, geo, "", None);
    // Both headings on the first page; the contents join them
    // (`tree::contents`, for every printer).
    assert_eq!(l.headings, [1, 1]);
    let find = |word: &str| {
        l.pages.iter().enumerate().find_map(|(n, p)| {
            p.items.iter().find_map(|i| match i {
                Item::Text { x, y, text, .. } if text == word => Some((n, *x, *y)),
                _ => None,
            })
        })
    };
    let (left_page, left_x, left_y) = find("Durée").unwrap();
    let (right_page, right_x, right_y) = find("Term").unwrap();
    assert_eq!((left_page, left_y), (right_page, right_y), "level");
    assert!(right_x > geo.width / 2.0 && left_x < geo.width / 2.0);
    assert!(l.pages.len() >= 2);
    // The text after the pair comes below the longer column, full width.
    let (after_page, after_x, _) = find("Après.").unwrap();
    assert_eq!(after_page, l.pages.len() - 1);
    assert!((after_x - geo.margin_x).abs() < 0.01);
    // The right column's words stay on the first page, in its half.
    let english = l.pages[1..]
        .iter()
        .flat_map(|p| &p.items)
        .any(|i| matches!(i, Item::Text { text, .. } if text == "English"));
    assert!(!english);
}

#[test]
fn a_long_run_of_keep_with_next_marks_is_laid_out_in_linear_time() {
    let fonts = Fonts::load().unwrap();
    let mut blocks = vec![Block::KeepWithNext; 100_000];
    blocks.push(para("Texte."));
    assert_eq!(
        layout(&blocks, &fonts, Geometry::a4(), "", None)
            .pages
            .len(),
        1
    );
}

#[test]
fn a_review_note_is_shaded_and_set_in_the_sans_the_text_in_the_serif() {
    let fonts = Fonts::load().unwrap();
    let mut quoted = para("Raison d’être de la clause : une note.");
    if let Block::Paragraph { runs, quote } = &mut quoted {
        runs[0].style = Emphasis::Italic;
        *quote = true;
    }
    let blocks = vec![
        para("Article premier."),
        Block::Note(vec![quoted]),
        para("Article deux."),
    ];
    let l = layout(&blocks, &fonts, Geometry::a4(), "", None);
    let items = &l.pages[0].items;
    let style_of = |needle: &str| {
        items.iter().find_map(|i| match i {
            Item::Text { text, style, .. } if text.contains(needle) => Some(*style),
            _ => None,
        })
    };
    assert_eq!(style_of("premier"), Some(Style::Regular));
    assert_eq!(style_of("note"), Some(Style::SansItalic));
    assert_eq!(style_of("deux"), Some(Style::Regular));
    assert!(items.iter().any(|i| matches!(i, Item::Shade { .. })));
    // The shade sets the quotation apart: no quotation rule inside it.
    assert!(!items.iter().any(|i| matches!(i, Item::Line { .. })));
}

#[test]
fn an_arabic_name_in_french_text_reads_right_to_left_in_its_place() {
    let fonts = Fonts::load().unwrap();
    let blocks = vec![para(
        "représentée par Karim Benjelloun (كريم بنجلون), maire, au 88 (شارع سان جان 88).",
    )];
    let l = layout(&blocks, &fonts, Geometry::a4(), "", None);
    let items = &l.pages[0].items;
    let at = |needle: &str| {
        items
            .iter()
            .find_map(|i| match i {
                Item::Text { text, x, style, .. } if text == needle => Some((*x, *style)),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{needle:?} not drawn alone: {items:?}"))
    };
    let (first, style) = at("كريم");
    let (second, _) = at("بنجلون");
    assert_eq!(style, Style::Arabic);
    // The first word read is the rightmost.
    assert!(first > second, "{first} > {second}");
    // The name stays between « Benjelloun ( » and « ), maire ».
    let (before, _) = at("Benjelloun");
    let (after, _) = at("),");
    assert!(before < second && first < after);
    // A number inside Arabic text stays a number, drawn to the left of
    // the words it follows (« 88 » after « شارع سان جان » reads last).
    let street = at("شارع").0;
    let numbers: Vec<f32> = items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, x, .. } if text == "88" => Some(*x),
            _ => None,
        })
        .collect();
    assert_eq!(numbers.len(), 2);
    assert!(
        numbers.iter().any(|&x| x < street && street - x < 120.0),
        "{numbers:?} {street}"
    );
}

#[test]
fn hebrew_is_shaped_and_reads_right_to_left_too() {
    let fonts = Fonts::load().unwrap();
    let l = layout(
        &[para("Le jardin « שלום עולם » ouvre.")],
        &fonts,
        Geometry::a4(),
        "",
        None,
    );
    let x = |needle: &str| {
        l.pages[0]
            .items
            .iter()
            .find_map(|i| match i {
                Item::Text { text, x, style, .. } if text == needle => Some((*x, *style)),
                _ => None,
            })
            .unwrap()
    };
    let (first, style) = x("שלום");
    assert_eq!(style, Style::Symbols);
    assert!(first > x("עולם").0);
}

fn texts(l: &Layout) -> Vec<String> {
    l.pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn common_words_are_hyphenated_and_names_amounts_and_dates_never() {
    let fonts = Fonts::load().unwrap();
    let geo = Geometry::a4().for_document(true);
    let text = "Les parties conviennent expressément que l’administration, la coordination et \
                l’évaluation des interventions communautaires relèvent conjointement de \
                Rivière-aux-Saules et Saint-Aurèle, pour 480 000,00 $ au 31 décembre 2027, \
                le 2 septembre, le 28 novembre et le 9 février. "
        .repeat(4);
    let blocks = vec![
        Block::Lang(crate::lang::Lang::Fr),
        Block::Columns {
            rule: true,
            left: vec![para(&text)],
            right: Vec::new(),
        },
    ];
    let l = layout(&blocks, &fonts, geo, "", None);
    let words = texts(&l);
    let broken: Vec<&String> = words.iter().filter(|w| w.ends_with('-')).collect();
    assert!(!broken.is_empty(), "a narrow column hyphenates: {words:?}");
    for w in &broken {
        let w = w.trim_end_matches('-');
        assert!(
            w.chars().count() >= 2 && w.chars().all(|c| c.is_alphabetic() || c == '’'),
            "{w}"
        );
        assert!(
            w.chars().next().is_some_and(|c| c.is_lowercase()),
            "no proper noun: {w}"
        );
        assert!(
            !FRENCH_MONTHS.iter().any(|m| m.starts_with(w)),
            "no date cut: {w}"
        );
    }
    // Whole again in the text of a line that does not end in it.
    assert!(
        words
            .iter()
            .any(|w| w == "expressément" || w == "expres-" || w == "expressé-")
    );
}

#[test]
fn a_paragraph_leaves_no_line_alone_at_the_foot_or_head_of_a_page() {
    let fonts = Fonts::load().unwrap();
    let geo = Geometry::a4();
    let long =
        "Texte suivi d’un paragraphe de plusieurs lignes qui doit se couper proprement. ".repeat(5);
    for filler in 25..40 {
        let mut blocks: Vec<Block> = (0..filler).map(|_| para("Ligne.")).collect();
        blocks.push(para(&long));
        blocks.push(para("Fin."));
        let l = layout(&blocks, &fonts, geo, "", None);
        // Lines of the long paragraph on each page.
        for page in &l.pages {
            let ys: Vec<f32> = page
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Text { y, text, .. } if text != "Ligne." && text != "Fin." => Some(*y),
                    _ => None,
                })
                .collect();
            let mut lines = ys.clone();
            lines.dedup();
            assert!(lines.len() != 1, "filler {filler}: a lone line {lines:?}");
        }
    }
}

#[test]
fn french_ordinals_and_numero_are_raised() {
    let fonts = Fonts::load().unwrap();
    let blocks = [
        Block::Lang(crate::lang::Lang::Fr),
        para("Le 1er mars, la résolution n° 12 du 2e conseil."),
    ];
    let l = layout(&blocks, &fonts, Geometry::a4(), "", None);
    let item = |t: &str| {
        l.pages[0].items.iter().find_map(|i| match i {
            Item::Text { text, y, size, .. } if text == t => Some((*y, *size)),
            _ => None,
        })
    };
    let (base_y, base_size) = item("1").unwrap();
    for raised in ["er", "o", "e"] {
        let (y, size) = item(raised).unwrap();
        assert!(y > base_y && size < base_size, "{raised}");
    }
    assert_eq!(superscript("2023"), None);
    assert_eq!(superscript("nord"), None);
    assert_eq!(superscript("1er,"), Some(("1", "er", ",")));
    assert_eq!(
        superscript("1er\u{a0}mai\u{a0}2028"),
        Some(("1", "er", "\u{a0}mai\u{a0}2028"))
    );
    assert_eq!(superscript("1erement"), None);
}

#[test]
fn keep_groups_are_not_split() {
    let fonts = Fonts::load().unwrap();
    let mut blocks: Vec<Block> = (0..46).map(|_| para("Ligne.")).collect();
    blocks.push(Block::Keep(
        [
            "Ville de Saint-Aurèle",
            "Signature : ____",
            "Nadine Lavoie, mairesse",
            "Date : ____",
        ]
        .map(para)
        .to_vec(),
    ));
    let l = layout(&blocks, &fonts, Geometry::a4(), "", None);
    let page_of = |needle: &str| {
        l.pages.iter().position(|p| {
            p.items
                .iter()
                .any(|i| matches!(i, Item::Text { text, .. } if text.contains(needle)))
        })
    };
    assert_eq!(page_of("Saint-Aurèle"), page_of("mairesse"));
    assert_eq!(page_of("Saint-Aurèle"), page_of("Date"));
}

#[test]
fn the_closing_formula_stays_with_the_signatures_across_a_change_of_language() {
    let fonts = Fonts::load().unwrap();
    let signature = || {
        Block::Keep(
            ["Ville", "Signature : ____", "Nom, titre", "Date : ____"]
                .map(para)
                .to_vec(),
        )
    };
    for filler in 20..40 {
        let mut blocks: Vec<Block> = (0..filler).map(|_| para("Ligne.")).collect();
        blocks.extend([
            Block::KeepWithNext,
            para("EN FOI DE QUOI, les parties ont signé."),
            Block::Lang(Lang::Fr),
            Block::Columns {
                rule: false,
                left: vec![signature()],
                right: vec![signature()],
            },
        ]);
        let l = layout(&blocks, &fonts, Geometry::a4(), "", None);
        let page_of = |needle: &str| {
            l.pages.iter().position(|p| {
                p.items
                    .iter()
                    .any(|i| matches!(i, Item::Text { text, .. } if text.contains(needle)))
            })
        };
        assert_eq!(page_of("QUOI,"), page_of("Ville"), "filler {filler}");
    }
}

/// A column aligned by its template (`|:---:|`, `|:---|`) is set so, an
/// amount included; a column that says nothing sets amounts flush right.
#[test]
fn table_columns_keep_their_template_alignment() {
    use crate::render::print::tree::Align as Column;
    let fonts = Fonts::load().unwrap();
    let cell = |s: &str| vec![Run::new(s, Emphasis::Regular)];
    let l = layout(
        &[Block::Table {
            align: vec![Column::Center, Column::Left, Column::Auto],
            header: vec![cell("Statut"), cell("Montant"), cell("Total")],
            rows: vec![vec![cell("Oui"), cell("1 000,00 $"), cell("2 000,00 $")]],
        }],
        &fonts,
        Geometry::a4(),
        "",
        None,
    );
    let x = |word: &str| {
        l.pages[0].items.iter().find_map(|i| match i {
            Item::Text { x, text, .. } if text.starts_with(word) => Some(*x),
            _ => None,
        })
    };
    let (status, yes) = (x("Statut").unwrap(), x("Oui").unwrap());
    // Centred: « Oui », narrower than « Statut », starts further right.
    assert!(yes > status + 1.0, "{yes} {status}");
    // Left: the amount starts where its header does.
    assert!((x("1").unwrap() - x("Montant").unwrap()).abs() < 0.5);
    // Auto: the amount ends flush right, past where its header starts.
    assert!(x("2").unwrap() > x("Total").unwrap() + 1.0);
}

/// A heading long enough for two lines keeps them, and the first lines of
/// its article, on one page, wherever the page turns (the gardens example
/// left « Article 6 — Remboursement des sommes non utilisées ou mal
/// employées » alone at a page's foot).
#[test]
fn a_two_line_heading_is_never_last_on_a_page() {
    let fonts = Fonts::load().unwrap();
    let title = "Article 6 — Remboursement des sommes non utilisées ou mal employées dans le cadre du partenariat";
    // Room to sign, a point at a time, moves the heading down the page.
    for n in 0..120 {
        let mut blocks: Vec<Block> = (0..28).map(|_| para("Ligne de texte courte.")).collect();
        blocks.push(Block::Space(n as f32 * 2.0));
        blocks.push(heading(title));
        blocks.push(para("Premier paragraphe de l'article : la Coopérative rembourse à l'autre partie toute somme reçue en vertu de la présente convention et utilisée à d'autres fins que celles qui y sont prévues, dans les soixante jours de la demande écrite de l'autre partie, sans préjudice des autres recours de celle-ci."));
        blocks.push(para("Second paragraphe."));
        let l = layout(&blocks, &fonts, Geometry::a4(), "", None);
        let page_of = |word: &str| {
            l.pages.iter().position(|p| {
                p.items
                    .iter()
                    .any(|i| matches!(i, Item::Text { text, .. } if text == word))
            })
        };
        assert_eq!(
            page_of("employées"),
            page_of("Premier"),
            "{n}: room before the heading"
        );
        assert_eq!(
            page_of("Remboursement"),
            page_of("Premier"),
            "{n}: room before the heading"
        );
    }
}
