use super::*;
use crate::lang::Lang;
use crate::render::print::read;
use crate::render::print::tree::Mark;

fn run(text: &str, style: Style) -> Run {
    Run::new(text, style)
}

fn paragraph(runs: Vec<Run>) -> Block {
    Block::Paragraph { runs, quote: false }
}

fn info() -> PrintInfo {
    PrintInfo::bare(Lang::Fr, crate::render::print::Paper::Letter)
}

fn markdown(blocks: Vec<Block>) -> String {
    write(
        &Printed {
            lang: Lang::Fr,
            blocks,
        },
        &info(),
    )
}

/// The Markdown without its anchors, which only a viewer reads.
fn without_anchors(markdown: &str) -> String {
    markdown
        .lines()
        .filter(|l| !l.trim_start_matches("> ").starts_with("<a id="))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The text and style of each character of each block, read back.
fn read_back(markdown: &str) -> Vec<Vec<(char, Style, Mark)>> {
    // In English: French typography would add its spaces on reading.
    let printed = read(&without_anchors(markdown), Lang::En).expect(markdown);
    let mut out = Vec::new();
    crate::render::print::tree::each_run(&printed, &mut |runs, _, _| {
        out.push(
            runs.iter()
                .flat_map(|r| r.text.chars().map(|c| (c, r.style, r.mark)))
                .collect(),
        )
    });
    out
}

#[test]
fn markup_in_text_is_text() {
    let text = "* [a](b) <b>x</b> &amp; &#x200F; `c` ~~d~~ 1. _e_ \\ #f | g";
    let out = markdown(vec![paragraph(vec![run(text, Style::Regular)])]);
    assert_eq!(
        read_back(&out),
        vec![
            text.chars()
                .map(|c| (c, Style::Regular, Mark::None))
                .collect::<Vec<_>>()
        ],
        "{out}"
    );
}

#[test]
fn a_line_that_would_open_a_block_does_not() {
    for text in [
        "- x", "+ x", "* x", "> x", "# x", "=== x", "12. x", "3) x", "1.5 %", "___", "***",
        "_ _ _", " # x", "    code", "---",
    ] {
        let out = markdown(vec![paragraph(vec![run(text, Style::Regular)])]);
        let back = read_back(&out);
        let printed: String = back.concat().iter().map(|(c, ..)| c).collect();
        // Markdown keeps no space at a line's start.
        assert_eq!(printed, text.trim_start(), "{out}");
    }
}

#[test]
fn what_ends_a_run_is_seen_before_a_tag() {
    // `*` between a no-break space and `<ins>` could open emphasis.
    let runs = vec![
        run("\u{a0}*", Style::Regular),
        Run {
            text: "é".into(),
            style: Style::Italic,
            mark: Mark::Inserted,
        },
        run(")|", Style::Italic),
    ];
    let out = markdown(vec![paragraph(runs)]);
    let printed: String = read_back(&out).concat().iter().map(|(c, ..)| c).collect();
    assert_eq!(printed, "\u{a0}*é)|", "{out}");
    // A no-break space ends a list item as typed.
    let out = markdown(vec![Block::List {
        numbering: Numbering::Bullets,
        items: vec![vec![run("x\u{a0}", Style::Regular)]],
    }]);
    assert_eq!(out, "- x\u{a0}\n");
}

#[test]
fn ordinary_text_keeps_few_backslashes() {
    for (text, expected) in [
        (
            "A & B inc. T.P.S. #123 a > b Dupont_Durand (phase 1)! ~50",
            "A & B inc. T.P.S. #123 a > b Dupont_Durand (phase 1)! \\~50",
        ),
        (
            "https://x.example/charte_2027?lang=fr&format=pdf",
            "<https://x.example/charte_2027?lang=fr&format=pdf>",
        ),
        (
            "julie_tremblay@x.example : 480 000,00 $",
            "julie_tremblay@x.example : 480 000,00 $",
        ),
        ("&amp; &#65; &#x41; &nom", "\\&amp; \\&#65; \\&#x41; &nom"),
        (
            "Code :smile: et 5$/h, $E=mc^2$",
            "Code \\:smile: et 5\\$/h, $E=mc^2\\$",
        ),
    ] {
        let out = markdown(vec![paragraph(vec![run(text, Style::Regular)])]);
        assert_eq!(out, format!("{expected}\n"));
        let printed: String = read_back(&out).concat().iter().map(|(c, ..)| c).collect();
        assert_eq!(printed, text);
    }
    // A web address is one link, its text as typed, ended before the
    // sentence's punctuation and the no-break space before it.
    for (text, expected) in [
        (
            "voir https://a.example/~l/_p_.pdf\u{202f}; ou",
            "voir <https://a.example/~l/_p_.pdf>\u{202f}; ou",
        ),
        (
            "(https://a.example/Plan_(2027)).",
            "(<https://a.example/Plan_(2027)>).",
        ),
        (
            "«\u{a0}https://a.b/y\u{a0}»",
            "«\u{a0}<https://a.b/y>\u{a0}»",
        ),
        ("- [ ] Loi", "\\- [ ] Loi"),
        ("[x] Loi", "\\[x] Loi"),
        ("a < 10 000 $ <b>", "a < 10 000 $ \\<b>"),
    ] {
        let out = markdown(vec![paragraph(vec![run(text, Style::Regular)])]);
        assert_eq!(out, format!("{expected}\n"));
        let printed: String = read_back(&out).concat().iter().map(|(c, ..)| c).collect();
        assert_eq!(printed, text);
    }
    // A bold run starting with a star keeps its bold.
    let out = markdown(vec![paragraph(vec![
        run("* Club", Style::Bold),
        run(" (« le Club »)", Style::Regular),
    ])]);
    assert_eq!(out, "**\\* Club** (« le Club »)\n");
    // A heading's `#` stays text, and only its closing one is escaped.
    let out = markdown(vec![Block::Title(vec![run(
        "T.P.S. #123 #",
        Style::Regular,
    )])]);
    assert_eq!(out, "# T.P.S. #123 \\#\n");
}

#[test]
fn a_signature_line_stays_readable() {
    let out = markdown(vec![paragraph(vec![run(
        "Signature : ______________________",
        Style::Regular,
    )])]);
    assert_eq!(out, "Signature : ______________________\n");
}

#[test]
fn styles_and_marks_survive() {
    let runs = vec![
        run("**19.3** ", Style::Regular),
        run("Le Centre", Style::Bold),
        run(" (« ", Style::Regular),
        run("Centre", Style::Italic),
        run(" ») ", Style::Regular),
        run("a", Style::Bold),
        run(" ", Style::Regular),
        run("b", Style::BoldItalic),
        run(" ", Style::Regular),
        run("c", Style::Italic),
        Run {
            text: "supprimé".into(),
            style: Style::Regular,
            mark: Mark::Deleted,
        },
        Run {
            text: " ajouté".into(),
            style: Style::Bold,
            mark: Mark::Inserted,
        },
    ];
    let out = markdown(vec![paragraph(runs.clone())]);
    let expected: Vec<_> = runs
        .iter()
        .flat_map(|r| r.text.chars().map(|c| (c, r.style, r.mark)))
        // Emphasis of a space is no emphasis.
        .map(|(c, s, m)| (c, if c == ' ' { Style::Regular } else { s }, m))
        .collect();
    let back: Vec<_> = read_back(&out)
        .concat()
        .into_iter()
        .map(|(c, s, m)| (c, if c == ' ' { Style::Regular } else { s }, m))
        .collect();
    assert_eq!(back, expected, "{out}");
}

#[test]
fn emphasis_markdown_cannot_say_keeps_its_text() {
    // « a**(b)**c »: no delimiter can close before `c` after `)`.
    let runs = vec![
        run("a", Style::Regular),
        run("(b)", Style::Bold),
        run("c", Style::Regular),
    ];
    let out = markdown(vec![paragraph(runs)]);
    let printed: String = read_back(&out).concat().iter().map(|(c, ..)| c).collect();
    assert_eq!(printed, "a(b)c", "{out}");
    // Emphasis right after emphasis: `**a***b*` would read otherwise.
    let runs = vec![
        run("a", Style::Bold),
        run("b", Style::BoldItalic),
        run("c_", Style::Italic),
    ];
    let out = markdown(vec![paragraph(runs)]);
    let back = read_back(&out).concat();
    let printed: String = back.iter().map(|(c, ..)| c).collect();
    assert_eq!(printed, "abc_", "{out}");
    assert_eq!(back[0].1, Style::Bold, "{out}");
}

#[test]
fn blocks_keep_their_shape() {
    let blocks = vec![
        Block::Title(vec![run("Titre #1", Style::Regular)]),
        Block::Heading {
            runs: vec![run("Article 1 — Objet", Style::Regular)],
            anchor: Some("article-1".into()),
        },
        Block::List {
            numbering: Numbering::Bullets,
            items: vec![vec![run("un", Style::Regular)]],
        },
        Block::List {
            numbering: Numbering::Bullets,
            items: vec![vec![run("- deux", Style::Regular)]],
        },
        Block::List {
            numbering: Numbering::From(3),
            items: vec![
                vec![run("trois", Style::Regular)],
                vec![run("quatre", Style::Regular)],
            ],
        },
        Block::Table {
            align: vec![Align::Auto, Align::Right],
            header: vec![
                vec![run("Poste", Style::Regular)],
                vec![run("Montant", Style::Regular)],
            ],
            rows: vec![vec![
                vec![run("a | b", Style::Regular)],
                vec![run("10 $", Style::Bold)],
            ]],
        },
        Block::Note(vec![
            Block::Paragraph {
                runs: vec![run("Note", Style::Bold)],
                quote: true,
            },
            Block::List {
                numbering: Numbering::Bullets,
                items: vec![vec![run("constat", Style::Regular)]],
            },
        ]),
        paragraph(vec![run("Fin.", Style::Regular)]),
    ];
    let out = markdown(blocks);
    assert!(
        out.contains("<a id=\"article-1\"></a>\n\n## Article 1 — Objet\n"),
        "{out}"
    );
    assert!(
        out.contains("- un\n\n* \\- deux\n\n3. trois\n4. quatre\n"),
        "{out}"
    );
    assert!(out.contains("| a \\| b | **10 $** |\n"), "{out}");
    assert!(out.contains("|---|---:|\n"), "{out}");
    assert!(
        out.contains("> **Note**\n>\n> - constat\n\nFin.\n"),
        "{out}"
    );
    let back = read(&without_anchors(&out), Lang::En).unwrap();
    let lists = back
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::List { .. }))
        .count();
    assert_eq!(lists, 4, "{out}");
}

#[test]
fn the_contents_link_each_heading() {
    let blocks = vec![
        Block::Contents,
        Block::Heading {
            runs: vec![run("Parties", Style::Regular)],
            anchor: None,
        },
        Block::Heading {
            runs: vec![run("Article 1 — [Objet]", Style::Regular)],
            anchor: Some("article-1".into()),
        },
    ];
    let out = markdown(blocks);
    assert!(
        out.starts_with(
            "## Table des matières\n\n- [Parties](#part-1)\n- [Article 1 — \\[Objet\\]](#article-1)\n\n<a id=\"part-1\"></a>\n\n## Parties\n"
        ),
        "{out}"
    );
}

#[test]
fn a_lettered_list_prints_its_letters_and_reads_back_lettered() {
    let list = |lang| Printed {
        lang,
        blocks: vec![Block::List {
            numbering: Numbering::Letters,
            items: vec![
                vec![
                    run("La Ville", Style::Bold),
                    run(" : paie.", Style::Regular),
                ],
                vec![run("la MRC paie.", Style::Regular)],
            ],
        }],
    };
    let fr = write(&list(Lang::Fr), &info());
    assert_eq!(fr, "- a) **La Ville** : paie.\n- b) la MRC paie.\n");
    let en = write(
        &list(Lang::En),
        &PrintInfo::bare(Lang::En, crate::render::print::Paper::Letter),
    );
    assert_eq!(en, "- (a) **La Ville** : paie.\n- (b) la MRC paie.\n");
    for (text, lang) in [(fr, Lang::Fr), (en, Lang::En)] {
        let back = read(&text, lang).unwrap();
        let Block::List { numbering, items } = &back.blocks[0] else {
            panic!("{back:?}")
        };
        assert_eq!(*numbering, Numbering::Letters, "{text}");
        assert_eq!(items[0][0].text, "La Ville");
        assert_eq!(items[0][0].style, Style::Bold);
    }
}
