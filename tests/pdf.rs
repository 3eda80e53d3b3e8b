//! `pacte render --to pdf`, read back with poppler (`pdftotext`, `pdfinfo`;
//! `bash .ci/test` installs poppler-utils).

use assert_cmd::Command;
use std::path::{Path, PathBuf};

const GESTION: &str = "examples/gestion-base-plein-air.toml";

fn pacte() -> Command {
    let mut cmd = Command::cargo_bin("pacte").unwrap();
    cmd.env_remove("LANG")
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1790000000");
    cmd
}

/// Renders to a PDF in `dir`, returning its path.
fn render(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let out = dir.join(name);
    let result = pacte()
        .args(["render", "--to", "pdf", "-o", out.to_str().unwrap()])
        .args(args)
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    out
}

fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = std::process::Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .unwrap_or_else(|e| {
            panic!("{tool} is not installed ({e}): run the tests with `bash .ci/test`, which installs what they need, or `sudo apt-get install poppler-utils`")
        });
    assert!(out.status.success(), "{tool} failed");
    String::from_utf8(out.stdout).unwrap()
}

fn pages(pdf: &Path) -> usize {
    let info = poppler("pdfinfo", &[], pdf);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

fn page_text(pdf: &Path, n: usize) -> String {
    let n = n.to_string();
    poppler("pdftotext", &["-f", &n, "-l", &n], pdf).replace(['\u{a0}', '\u{202f}'], " ")
}

fn markdown_headings(file: &str, lang: &str) -> Vec<String> {
    let out = pacte()
        .args(["render", "--lang", lang, file])
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .filter(|h| !h.starts_with("Table des") && !h.starts_with("Contents"))
        .map(|h| h.replace(['\u{a0}', '\u{202f}'], " "))
        .collect()
}

#[test]
fn headings_and_party_names_are_in_the_pdf_with_their_accents() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = render(dir.path(), "g.pdf", &[GESTION]);
    // A long heading wraps: its words, in order, whatever the lines.
    let text = poppler("pdftotext", &[], &pdf)
        .replace(['\u{a0}', '\u{202f}', '\n'], " ")
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let headings = markdown_headings(GESTION, "fr");
    assert!(headings.len() > 20);
    for h in &headings {
        assert!(
            text.contains(h.as_str()),
            "heading “{h}” is missing from the PDF text"
        );
    }
    for name in [
        "Ville de Saint-Aurèle-du-Lac",
        "Municipalité régionale de comté des Hautes-Rivières",
        "Club de plein air Les Sentiers",
        "Association des familles du Haut-Lac",
    ] {
        assert!(text.contains(name), "{name}");
    }
    for typographic in [
        "« la Ville »",
        "l’Association",
        "480 000,00 $",
        "1er janvier 2027",
        "œuvre",
    ] {
        assert!(text.contains(typographic), "{typographic}");
    }
}

#[test]
fn page_count_is_stable_and_every_page_is_numbered() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = render(dir.path(), "g.pdf", &[GESTION]);
    let total = pages(&pdf);
    assert_eq!(
        total, 46,
        "the management example typesets on 46 Letter pages"
    );
    for n in 1..=total {
        let text = page_text(&pdf, n);
        assert!(
            text.contains(&format!("Page {n} de {total}")),
            "page {n}: {text}"
        );
        assert!(
            text.contains("CONV-2027-014"),
            "reference in the footer of page {n}"
        );
    }
    // The table of contents gives the page each article actually starts on.
    let toc = poppler("pdftotext", &["-layout", "-f", "2", "-l", "2"], &pdf);
    let line = toc
        .lines()
        .find(|l| l.trim_start().starts_with("Article 19 — Vérifications"))
        .unwrap();
    let listed: usize = line.split_whitespace().last().unwrap().parse().unwrap();
    assert!(page_text(&pdf, listed).contains("Article 19 — Vérifications"));
    let en = render(
        dir.path(),
        "en.pdf",
        &["--lang", "en", "examples/realisation-jardins.toml"],
    );
    assert!(page_text(&en, 1).contains(&format!("Page 1 of {}", pages(&en))));
}

#[test]
fn each_signature_block_stays_on_one_page() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = render(dir.path(), "g.pdf", &[GESTION]);
    let total = pages(&pdf);
    let texts: Vec<String> = (1..=total).map(|n| page_text(&pdf, n)).collect();
    for (name, signatory) in [
        ("Ville de Saint-Aurèle-du-Lac", "Nadine Lavoie, mairesse"),
        (
            "Municipalité régionale de comté des Hautes-Rivières",
            "Marc-André Gélinas, préfet",
        ),
        (
            "Club de plein air Les Sentiers",
            "Sophie Bergeron, présidente",
        ),
        (
            "Association des familles du Haut-Lac",
            "Karim Benali, directeur général",
        ),
    ] {
        let page = texts
            .iter()
            .position(|t| t.lines().any(|l| l.trim() == signatory))
            .unwrap_or_else(|| panic!("no signature line for {signatory}"));
        // Set two by two, a block's lines interleave with its neighbour's in
        // the text: its name (perhaps on two lines) and its date line are on
        // the page of its signatory.
        let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            words(&texts[page]).contains(name),
            "{name} heads its block on page {}",
            page + 1
        );
        assert!(
            texts[page].matches("Date :").count() >= 2,
            "the date lines are on page {}",
            page + 1
        );
    }
    // The closing formula is never alone: the first signatures follow it.
    let closing = texts
        .iter()
        .position(|t| t.contains("EN FOI DE QUOI"))
        .unwrap();
    assert!(texts[closing].contains("Nadine Lavoie, mairesse"));
    // Two blocks side by side: the Ville's and the MRC's names on one line.
    let layout = poppler(
        "pdftotext",
        &[
            "-layout",
            "-f",
            &(closing + 1).to_string(),
            "-l",
            &(closing + 1).to_string(),
        ],
        &pdf,
    );
    assert!(
        layout
            .lines()
            .any(|l| l.contains("Ville de Saint-Aurèle-du-Lac")
                && l.contains("Municipalité régionale")),
        "{layout}"
    );
}

/// How many content streams draw the diagonal watermark. Poppler's text
/// extraction drops diagonal text, so the streams themselves are read.
fn watermarked_streams(pdf: &Path) -> usize {
    use std::io::Read;
    let data = std::fs::read(pdf).unwrap();
    let mut count = 0;
    let mut rest = &data[..];
    while let Some(start) = find(rest, b"stream\n") {
        let body = &rest[start + 7..];
        let Some(end) = find(body, b"endstream") else {
            break;
        };
        let mut inflated = Vec::new();
        if flate2::read::ZlibDecoder::new(&body[..end])
            .read_to_end(&mut inflated)
            .is_ok()
        {
            let text = String::from_utf8_lossy(&inflated);
            // 96 pt, turned 45° counter-clockwise: a text matrix [c s -s c x y].
            let diagonal = text.lines().filter_map(|l| l.strip_suffix(" Tm")).any(|m| {
                let v: Vec<f32> = m
                    .split_whitespace()
                    .filter_map(|n| n.parse().ok())
                    .collect();
                let h = std::f32::consts::FRAC_1_SQRT_2;
                v.len() == 6
                    && (v[0] - h).abs() < 1e-3
                    && (v[1] - h).abs() < 1e-3
                    && (v[2] + h).abs() < 1e-3
            });
            if text.contains(" 96 Tf") && diagonal {
                count += 1;
            }
        }
        rest = &body[end + b"endstream".len()..];
    }
    count
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn a_draft_carries_its_watermark_on_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = render(
        dir.path(),
        "draft.pdf",
        &[
            "--draft",
            "tests/fixtures/invalid/P051-quorum-single-party.toml",
        ],
    );
    assert_eq!(
        watermarked_streams(&pdf),
        pages(&pdf),
        "one watermark per page"
    );
    let text = poppler("pdftotext", &[], &pdf);
    assert!(text.contains("PROJET — NON VALIDÉ"));
    assert!(text.contains("Constats ouverts"));
    let clean = render(dir.path(), "clean.pdf", &[GESTION]);
    assert_eq!(watermarked_streams(&clean), 0);
}

#[test]
fn the_same_input_gives_the_same_bytes_under_source_date_epoch() {
    let dir = tempfile::tempdir().unwrap();
    let a = std::fs::read(render(dir.path(), "a.pdf", &[GESTION])).unwrap();
    let b = std::fs::read(render(dir.path(), "b.pdf", &[GESTION])).unwrap();
    assert!(a == b, "two renders differ");
    let info = poppler("pdfinfo", &[], &dir.path().join("a.pdf"));
    assert!(info.contains("Title:           Convention de partenariat de gestion de la base de plein air du lac des Hérons"), "{info}");
    assert!(info.contains("Subject:         Partenariat de gestion"));
    assert!(info.contains("Keywords:        convention,Partenariat de gestion,CONV-2027-014"));
    assert!(
        info.contains("CreationDate:    Mon Sep 21 14:13:20 2026"),
        "{info}"
    );
}

#[test]
fn paper_size_and_small_subset_fonts() {
    let dir = tempfile::tempdir().unwrap();
    // Canadian dollars: Letter, Quebec practice; euros: A4; --paper decides.
    let letter = render(dir.path(), "letter.pdf", &[GESTION]);
    assert!(poppler("pdfinfo", &[], &letter).contains("612 x 792 pts (letter)"));
    let a4 = render(dir.path(), "a4.pdf", &["--paper", "a4", GESTION]);
    assert!(poppler("pdfinfo", &[], &a4).contains("595.28 x 841.89 pts (A4)"));
    let euros = dir.path().join("euros.toml");
    let text = std::fs::read_to_string(GESTION).unwrap();
    std::fs::write(
        &euros,
        text.replacen("currency = \"CAD\"", "currency = \"EUR\"", 1),
    )
    .unwrap();
    let eu = render(dir.path(), "eu.pdf", &[euros.to_str().unwrap()]);
    assert!(poppler("pdfinfo", &[], &eu).contains("(A4)"));
    let fonts = poppler("pdffonts", &[], &a4);
    assert!(
        fonts
            .lines()
            .filter(|l| l.contains("LiberationSerif"))
            .all(|l| l.contains(" yes yes yes ")),
        "embedded, subset, unicode: {fonts}"
    );
    // Subset fonts keep a page of text near 8 KB; a full font embedded
    // again would add hundreds of KB. Per page, so the bound holds as the
    // example's text grows.
    let size = std::fs::metadata(&a4).unwrap().len();
    let per_page = size / pages(&a4) as u64;
    assert!(per_page < 9_000, "{size} bytes, {per_page} per page");
}

#[test]
fn a_character_the_font_cannot_draw_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("examples/realisation-jardins.toml")
        .unwrap()
        .replace(
            "se rencontrent au moins une fois",
            "se rencontrent 東 au moins une fois",
        );
    let path = dir.path().join("snow.toml");
    std::fs::write(&path, &text).unwrap();
    let out = pacte()
        .args([
            "render",
            "--to",
            "pdf",
            "-o",
            dir.path().join("x.pdf").to_str().unwrap(),
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    // Refused before typesetting, at the line, like any other finding.
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let line = text.lines().position(|l| l.contains('東')).unwrap() + 1;
    assert!(
        err.contains("erreur[P082]")
            && err.contains("« 東 » (U+6771)")
            && err.contains(&format!("snow.toml:{line}:")),
        "{err}"
    );
    assert!(!dir.path().join("x.pdf").exists(), "no partial file");
    // `check --final` says the same, so a convention ready for signature
    // always typesets.
    let out = pacte()
        .args(["check", "--final", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("erreur[P082]"));
    // A draft shows the character as `?` and lists the finding.
    let out = pacte()
        .args([
            "render",
            "--draft",
            "--to",
            "pdf",
            "-o",
            dir.path().join("x.pdf").to_str().unwrap(),
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = poppler("pdftotext", &[], &dir.path().join("x.pdf"));
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("se rencontrent ? au moins une fois"),
        "{text}"
    );
    assert!(text.contains("P082"), "the draft's annex names the finding");
}

/// The PDFs in examples/pdf/ are samples a reader can open; they must be
/// exactly what the current code produces from the examples.
#[test]
fn bundled_example_pdfs_are_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut sources: Vec<_> = std::fs::read_dir("examples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    sources.sort();
    for source in sources {
        let name = format!("{}.pdf", source.file_stem().unwrap().to_string_lossy());
        let out = dir.path().join(&name);
        let status = pacte()
            .env("SOURCE_DATE_EPOCH", "1798761600")
            .args([
                "render",
                "--to",
                "pdf",
                "-o",
                out.to_str().unwrap(),
                source.to_str().unwrap(),
            ])
            .output()
            .unwrap()
            .status;
        assert!(status.success());
        let fresh = std::fs::read(&out).unwrap();
        let bundled = std::fs::read(Path::new("examples/pdf").join(&name)).unwrap_or_default();
        assert!(
            fresh == bundled,
            "examples/pdf/{name} is stale: regenerate it with\n  SOURCE_DATE_EPOCH=1798761600 cargo run -- render --to pdf {} -o examples/pdf/{name} --force",
            source.display()
        );
    }
}

/// The bilingual PDF: French on the left and English on the right of every
/// body page, each article starting on the same line in both columns, read
/// back with `pdftotext -layout`; the title page, contents and furniture
/// speak both languages.
#[test]
fn a_bilingual_pdf_sets_the_languages_side_by_side_with_articles_level() {
    const JARDINS: &str = "examples/realisation-jardins.toml";
    let dir = tempfile::tempdir().unwrap();
    let pdf = render(dir.path(), "both.pdf", &["--bilingual", JARDINS]);
    let total = pages(&pdf);
    let layout = |n: usize| {
        let n = n.to_string();
        poppler("pdftotext", &["-layout", "-f", &n, "-l", &n], &pdf)
    };
    // Where the right column starts, in characters of the layout text.
    let middle = 50;
    let articles = markdown_headings(JARDINS, "fr")
        .iter()
        .filter(|h| h.starts_with("Article"))
        .count();
    assert!(articles > 15, "{articles}");
    let mut level = vec![false; articles + 1];
    // The body pages: after the title page and the contents, before the
    // annexes, whose tables take the page's width one language after the other.
    for n in 3..=total {
        let text = layout(n);
        if text.contains("Annexe A —") {
            assert!(text.contains("Annex A —"), "both annexes:\n{text}");
            break;
        }
        let lines: Vec<&str> = text.lines().collect();
        let left = |l: &str| l.chars().take(middle).any(|c| !c.is_whitespace());
        let right = |l: &str| l.chars().skip(middle).any(|c| !c.is_whitespace());
        assert!(
            lines.iter().any(|l| left(l) && right(l)),
            "page {n} has two columns:\n{text}"
        );
        for line in &lines {
            // « Article 4 — Engagements …      Article 4 — Obligations … »
            let numbers: Vec<usize> = line
                .match_indices("Article ")
                .filter_map(|(at, _)| {
                    let rest = &line[at + "Article ".len()..];
                    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    let after = rest[digits.len()..].trim_start_matches("er");
                    after
                        .starts_with(" —")
                        .then(|| digits.parse().ok())
                        .flatten()
                })
                .collect();
            if let [l, r] = numbers[..] {
                assert_eq!(l, r, "{line}");
                if let Some(seen) = level.get_mut(l) {
                    *seen = true;
                }
            }
        }
    }
    let missing: Vec<usize> = (1..=articles).filter(|n| !level[*n]).collect();
    assert!(
        missing.is_empty(),
        "articles not level in both columns: {missing:?}"
    );
    // The French column is the left one.
    let term_heading = |pdf: &Path| -> String {
        (3..=pages(pdf))
            .map(|n| {
                let n = n.to_string();
                poppler("pdftotext", &["-layout", "-f", &n, "-l", &n], pdf)
            })
            .flat_map(|t| t.lines().map(str::to_string).collect::<Vec<_>>())
            .find(|l| l.starts_with("Article") && l.contains("— Term and renewal"))
            .unwrap()
    };
    let heading = term_heading(&pdf);
    let (fr_at, en_at) = (
        heading.find("— Durée").unwrap(),
        heading.find("— Term").unwrap(),
    );
    assert!(fr_at < en_at, "{heading}");
    // A bilingual title page, contents and footer.
    let cover = page_text(&pdf, 1);
    assert!(
        cover.contains("Convention de") && cover.contains("Agreement for"),
        "{cover}"
    );
    assert!(
        cover.contains("Entre") && cover.contains("Between"),
        "{cover}"
    );
    assert!(page_text(&pdf, 2).contains("Table des matières / Contents"));
    assert!(page_text(&pdf, 3).contains(&format!("3 / {total}")));
    // English on the left on request.
    let en_first = render(dir.path(), "en.pdf", &["--bilingual=en", JARDINS]);
    let heading = term_heading(&en_first);
    let (fr_at, en_at) = (
        heading.find("— Durée").unwrap(),
        heading.find("— Term").unwrap(),
    );
    assert!(en_at < fr_at, "{heading}");
}

/// The table of contents: dot leaders to each page number, and each entry a
/// link to the page it names (read back with lopdf).
#[test]
fn the_contents_lead_the_eye_and_link_to_each_article() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = render(dir.path(), "g.pdf", &[GESTION]);
    let contents = poppler("pdftotext", &["-layout", "-f", "2", "-l", "2"], &pdf);
    let line = contents
        .lines()
        .find(|l| l.trim_start().starts_with("Article 19 — Vérifications"))
        .unwrap();
    assert!(line.contains(". . . . ."), "dot leaders: {line}");
    let listed: usize = line.split_whitespace().last().unwrap().parse().unwrap();

    let doc = lopdf::Document::load(&pdf).unwrap();
    let pages = doc.get_pages();
    let number_of = |id: lopdf::ObjectId| {
        pages
            .iter()
            .find(|(_, p)| **p == id)
            .map(|(n, _)| *n as usize)
    };
    // The contents run over pages 2 and 3.
    let annots: Vec<&lopdf::Object> = [2, 3]
        .iter()
        .flat_map(|n| {
            let page = doc.get_dictionary(pages[n]).unwrap();
            page.get(b"Annots").unwrap().as_array().unwrap()
        })
        .collect();
    let targets: Vec<usize> = annots
        .into_iter()
        .filter_map(|a| {
            let a = match a {
                lopdf::Object::Reference(id) => doc.get_dictionary(*id).ok()?,
                other => other.as_dict().ok()?,
            };
            let action = a.get(b"A").ok()?.as_dict().ok()?;
            let dest = action.get(b"D").ok()?.as_array().ok()?;
            number_of(dest.first()?.as_reference().ok()?)
        })
        .collect();
    let entries = markdown_headings(GESTION, "fr").len();
    assert_eq!(targets.len(), entries, "{targets:?}");
    assert!(
        targets.windows(2).all(|w| w[0] <= w[1]),
        "in page order: {targets:?}"
    );
    assert!(targets.contains(&listed));
}

/// A tagged, archival PDF: a structure tree a screen reader follows (its
/// headings those of the Markdown, in order, and the English column marked
/// English in a bilingual edition), the document's language, PDF/A-2b
/// identification in uncompressed XMP that agrees with the document
/// information, an sRGB output intent, and nothing claiming PDF/X.
#[test]
fn the_pdf_is_tagged_and_archival() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = render(dir.path(), "g.pdf", &[GESTION]);
    let info = poppler("pdfinfo", &[], &pdf);
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(info.contains("Metadata Stream: yes"), "{info}");
    let raw = std::fs::read(&pdf).unwrap();
    let text = String::from_utf8_lossy(&raw);
    assert!(!text.contains("GTS_PDFX"), "no PDF/X claim");
    assert!(text.contains("<pdfaid:part>2</pdfaid:part>"));
    assert!(text.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
    assert!(text.contains("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Convention de partenariat de gestion de la base de plein air du lac des Hérons</rdf:li>"));

    let doc = lopdf::Document::load(&pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"fr");
    let marked = catalog.get(b"MarkInfo").unwrap().as_dict().unwrap();
    assert!(marked.get(b"Marked").unwrap().as_bool().unwrap());
    let intents = catalog.get(b"OutputIntents").unwrap().as_array().unwrap();
    let intent = intents[0].as_dict().unwrap();
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
    let root = doc
        .get_dictionary(
            catalog
                .get(b"StructTreeRoot")
                .unwrap()
                .as_reference()
                .unwrap(),
        )
        .unwrap();
    // Walk the tree in order, collecting the structure types.
    fn walk(doc: &lopdf::Document, id: lopdf::ObjectId, out: &mut Vec<(String, Option<String>)>) {
        let e = doc.get_dictionary(id).unwrap();
        let role = String::from_utf8_lossy(e.get(b"S").unwrap().as_name().unwrap()).into_owned();
        let lang = e
            .get(b"Lang")
            .ok()
            .and_then(|l| l.as_str().ok())
            .map(|l| String::from_utf8_lossy(l).into_owned());
        out.push((role, lang));
        for kid in e.get(b"K").unwrap().as_array().unwrap() {
            if let Ok(r) = kid.as_reference() {
                walk(doc, r, out);
            }
        }
    }
    let mut roles = Vec::new();
    walk(
        &doc,
        root.get(b"K").unwrap().as_reference().unwrap(),
        &mut roles,
    );
    assert_eq!(roles[0].0, "Document");
    let count = |role: &str| roles.iter().filter(|(r, _)| r == role).count();
    // Every heading of the Markdown, and the contents' own.
    assert_eq!(count("H2"), markdown_headings(GESTION, "fr").len() + 1);
    assert_eq!(count("H1"), 1);
    assert!(count("P") > 100 && count("LI") > 20 && count("TD") > 20 && count("TH") >= 4);
    assert!(count("TOCI") >= 30);
    // Every page's marked runs belong to an element (the parent tree).
    for (n, (_, page)) in doc.get_pages().iter().enumerate() {
        let page = doc.get_dictionary(*page).unwrap();
        assert_eq!(
            page.get(b"StructParents").unwrap().as_i64().unwrap(),
            n as i64
        );
    }

    // A bilingual edition: the English column's elements say so.
    let both = render(
        dir.path(),
        "both.pdf",
        &["--bilingual", "examples/realisation-jardins.toml"],
    );
    let doc = lopdf::Document::load(&both).unwrap();
    let english = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"StructElem"))
        .filter(|d| d.get(b"Lang").and_then(|l| l.as_str()).ok() == Some(b"en"))
        .count();
    assert!(english > 50, "{english} English elements");
}
