//! Rendering the management example, in process: Markdown, and PDF (the
//! issue's target: under 100 ms, under 300 KB).
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
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
