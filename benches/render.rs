//! Rendering the management example, in process: Markdown, PDF (the
//! issue's target: under 100 ms, under 300 KB), Word and HTML; comparing it with its second
//! version (`pacte diff`), from checked files to redline; the bilingual
//! example in one language and in both.
//!
//! Run: `cargo bench --bench render`.

use criterion::{Criterion, criterion_group, criterion_main};
use pacte::check::{CheckOptions, check_file};
use pacte::render::{self, PdfOptions, RenderOptions};
use pacte::{ClauseLibrary, Lang};
use std::path::Path;

fn bench(c: &mut Criterion) {
    let library = ClauseLibrary::bundled(Lang::Fr).unwrap();
    let checked = check_file(
        Path::new("examples/gestion-base-plein-air.toml"),
        &library,
        &CheckOptions::default(),
    );
    let conv = checked.convention.as_ref().unwrap();
    let options = RenderOptions::default();
    let pdf_options = PdfOptions {
        paper: None,
        timestamp: 1_790_000_000,
    };

    let bytes = render::pdf(conv, &library, &checked.report, &options, pdf_options).unwrap();
    eprintln!("management example: {} bytes of PDF", bytes.len());

    c.bench_function("render management example to markdown", |b| {
        b.iter(|| render::markdown(conv, &library, &checked.report, &options).unwrap())
    });
    c.bench_function("render management example to pdf", |b| {
        b.iter(|| render::pdf(conv, &library, &checked.report, &options, pdf_options).unwrap())
    });
    let docx = render::Format::Docx(
        pdf_options,
        render::docx::Revisions {
            author: "pacte".into(),
            track: false,
        },
    );
    c.bench_function("render management example to docx", |b| {
        b.iter(|| render::file(docx.clone(), conv, &library, &checked.report, &options).unwrap())
    });
    // The HTML edition (issue 29: under 10 ms), and its two stages: the
    // templates read into the printed document, and the page written.
    let html = render::Format::Html(pdf_options);
    c.bench_function("render management example to html", |b| {
        b.iter(|| render::file(html.clone(), conv, &library, &checked.report, &options).unwrap())
    });
    c.bench_function("build the management example's printed document", |b| {
        b.iter(|| render::printed(conv, &library, &checked.report, &options, pdf_options).unwrap())
    });
    let (printed, info) =
        render::printed(conv, &library, &checked.report, &options, pdf_options).unwrap();
    c.bench_function("print the management example's document as html", |b| {
        b.iter(|| render::html::write(&printed, &info))
    });
    c.bench_function("print the management example's document as markdown", |b| {
        b.iter(|| render::md::write(&printed, &info))
    });

    let v2 = check_file(
        Path::new("tests/fixtures/diff/gestion-v2.toml"),
        &library,
        &CheckOptions::default(),
    );
    let v2_conv = v2.convention.as_ref().unwrap();
    let compare = || {
        let old = render::build_document(conv, &library, &checked.report, &options).unwrap();
        let new = render::build_document(v2_conv, &library, &v2.report, &options).unwrap();
        let cmp = pacte::diff::compare(
            pacte::diff::Version {
                label: "v1",
                convention: conv,
                document: &old,
            },
            pacte::diff::Version {
                label: "v2",
                convention: v2_conv,
                document: &new,
            },
            &library,
            Lang::Fr,
        );
        pacte::diff::markdown(&cmp, &options).unwrap()
    };
    c.bench_function("diff management example v1 -> v2 to markdown", |b| {
        b.iter(compare)
    });

    // The bilingual example: one edition, then both side by side (issue 17:
    // within twice a one-language rendering), from the file each time —
    // a bilingual edition types the convention twice.
    let jardins = Path::new("examples/realisation-jardins.toml");
    let one = |to_pdf: bool| {
        let checked = check_file(jardins, &library, &CheckOptions::default());
        let conv = checked.convention.as_ref().unwrap();
        if to_pdf {
            render::pdf(conv, &library, &checked.report, &options, pdf_options).map(|_| ())
        } else {
            render::markdown(conv, &library, &checked.report, &options).map(|_| ())
        }
        .unwrap()
    };
    let both = |to_pdf: bool| {
        let check = CheckOptions {
            edition: Some(Lang::Fr),
            second_edition: Some(Lang::En),
            ..CheckOptions::default()
        };
        let checked = check_file(jardins, &library, &check);
        let (fr, en) = (
            checked.convention.as_ref().unwrap(),
            checked.second.as_ref().unwrap(),
        );
        let editions = render::Editions::Two([(fr, Lang::Fr), (en, Lang::En)]);
        if to_pdf {
            render::pdf(editions, &library, &checked.report, &options, pdf_options).map(|_| ())
        } else {
            render::markdown(editions, &library, &checked.report, &options).map(|_| ())
        }
        .unwrap()
    };
    for (name, to_pdf) in [("markdown", false), ("pdf", true)] {
        c.bench_function(
            &format!("check and render jardins, French, to {name}"),
            |b| b.iter(|| one(to_pdf)),
        );
        c.bench_function(
            &format!("check and render jardins, bilingual, to {name}"),
            |b| b.iter(|| both(to_pdf)),
        );
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
