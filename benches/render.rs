//! Rendering the management example, in process: Markdown, and PDF (the
//! issue's target: under 100 ms, under 300 KB); comparing it with its second
//! version (`pacte diff`), from checked files to redline.
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
        pacte::diff::markdown(&cmp, &options, false).unwrap()
    };
    c.bench_function("diff management example v1 -> v2 to markdown", |b| {
        b.iter(compare)
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
