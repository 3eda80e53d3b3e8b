//! Input built to make pacte slow: the cases of the hostile-input review,
//! each generated here so the benchmark needs no fixture.
//!
//! - the worst 4 MiB convention found: 99,000 unknown keys in one inline
//!   table on one line, checked and printed in every report format;
//! - 200,000 unknown tables (2.7 MB), refused before parsing;
//! - a redline of two 200,000-word versions of low-entropy text, in
//!   passages just under the word-diff cap;
//! - a clause library whose profiles extend each other 990 deep;
//! - 1,000 conventions checked, against parsing them with `toml` alone;
//! - a draft PDF of a 3.9 MiB convention.
//!
//! Run: `cargo bench --bench hostile`. Peak memory is measured on the
//! release binary with `/usr/bin/time -f %M` (see the README's Limits).

use criterion::{Criterion, criterion_group, criterion_main};
use pacte::check::{CheckOptions, check_text};
use pacte::diag::{github, human, json, sarif};
use pacte::render::{self, PdfOptions, RenderOptions};
use pacte::{ClauseLibrary, Lang};

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const GESTION: &str = "examples/gestion-base-plein-air.toml";

fn base() -> String {
    std::fs::read_to_string(GESTION).unwrap()
}

/// 99,000 unknown keys with long names, inline, on one line: 3.9 MiB.
fn worst_file() -> String {
    let base = base();
    let at = base.find("representative = {").unwrap();
    let close = at + base[at..].find('}').unwrap();
    let mut extra = String::new();
    for k in 0..99_000 {
        extra.push_str(&format!(", \"é{k:06}-{}\"=1", "ç".repeat(13)));
    }
    format!("{}{extra}{}", &base[..close], &base[close..])
}

/// A pseudo-random walk over a tiny vocabulary: the text diffs hate most.
fn low_entropy(n: usize, seed: u64, edits: Option<&[String]>) -> Vec<String> {
    const WORDS: [&str; 6] = ["le", "la", "de", "conseil", "partie", "et"];
    let mut state = seed;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    match edits {
        None => (0..n).map(|_| WORDS[next() % 6].to_string()).collect(),
        Some(old) => old
            .iter()
            .map(|w| {
                if next() % 5 == 0 {
                    WORDS[next() % 6].to_string()
                } else {
                    w.clone()
                }
            })
            .collect(),
    }
}

fn bench(c: &mut Criterion) {
    let library = ClauseLibrary::bundled(Lang::Fr).unwrap();
    let options = CheckOptions::default();

    let worst = worst_file();
    c.bench_function("check the worst 4 MiB file (99,000 findings)", |b| {
        b.iter(|| check_text("worst.toml", worst.clone(), &library, &options))
    });
    let report = check_text("worst.toml", worst.clone(), &library, &options).report;
    let reports = [report];
    c.bench_function("print 99,000 findings in every format", |b| {
        b.iter(|| {
            let mut sink = std::io::sink();
            human::write_report(&mut sink, &reports[0], Lang::Fr, false).unwrap();
            json::write(&mut sink, &reports).unwrap();
            sarif::write(&mut sink, &reports, Lang::Fr).unwrap();
            github::write(&mut sink, &reports).unwrap();
        })
    });

    let mut tables = base();
    for i in 0..200_000 {
        tables.push_str(&format!("[t{i}]\nx=1\n"));
    }
    c.bench_function("check 200,000 unknown tables", |b| {
        b.iter(|| check_text("tables.toml", tables.clone(), &library, &options))
    });

    // In passages just under the word-diff cap, so each is compared word by
    // word: the worst case the cap allows.
    let old = low_entropy(200_000, 1, None);
    let new = low_entropy(200_000, 2, Some(&old));
    let passages = |words: &[String]| {
        words
            .chunks(1_999)
            .map(|c| c.join(" "))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let (old, new) = (passages(&old), passages(&new));
    c.bench_function("redline two 200,000-word versions", |b| {
        b.iter(|| pacte::diff::redline(&old, &new))
    });

    let lib = tempfile::tempdir().unwrap();
    std::fs::create_dir(lib.path().join("profiles")).unwrap();
    for i in 0..990 {
        let parent = if i == 0 {
            "gestion".to_string()
        } else {
            format!("p{}", i - 1)
        };
        std::fs::write(
            lib.path().join(format!("profiles/p{i}.toml")),
            format!(
                "id = \"p{i}\"\nextends = \"{parent}\"\ntitle.fr = \"P\"\ntitle.en = \"P\"\ndescription.fr = \"P\"\ndescription.en = \"P\"\n"
            ),
        )
        .unwrap();
    }
    let overlay = [lib.path().to_path_buf()];
    c.bench_function("load a library with a 990-profile extends chain", |b| {
        b.iter(|| ClauseLibrary::load(&overlay, Lang::Fr).unwrap())
    });

    let corpus = tempfile::tempdir().unwrap();
    let files: Vec<_> = (0..1000)
        .map(|i| {
            let path = corpus.path().join(format!("c{i:04}.toml"));
            std::fs::write(&path, base()).unwrap();
            path
        })
        .collect();
    c.bench_function("check 1,000 conventions (every core)", |b| {
        b.iter(|| pacte::check::check_files(&files, &library, &options))
    });
    c.bench_function(
        "parse 1,000 conventions with toml alone (one thread)",
        |b| {
            b.iter(|| {
                for f in &files {
                    let text = std::fs::read_to_string(f).unwrap();
                    let _: toml::Table = toml::from_str(&text).unwrap();
                }
            })
        },
    );
}

fn bench_pdf(c: &mut Criterion) {
    let library = ClauseLibrary::bundled(Lang::Fr).unwrap();
    let base = base();
    let at = base.find("problem = ").unwrap();
    let end = at + base[at..].find('\n').unwrap();
    let words = low_entropy(600_000, 3, None);
    let mut paragraphs = String::new();
    for chunk in words.chunks(120) {
        paragraphs.push_str(&chunk.join(" "));
        paragraphs.push_str("\n\n");
    }
    paragraphs.truncate(3_800_000);
    let text = format!(
        "{}problem = \"\"\"{}\"\"\"{}",
        &base[..at],
        paragraphs.trim_end(),
        &base[end..]
    );
    let checked = check_text("big.toml", text, &library, &CheckOptions::default());
    let conv = checked.convention.as_ref().unwrap();
    let options = RenderOptions {
        draft: true,
        ..RenderOptions::default()
    };
    let pdf_options = PdfOptions {
        paper: None,
        timestamp: 1_790_000_000,
    };
    c.bench_function("draft PDF of a 3.9 MiB convention", |b| {
        b.iter(|| render::pdf(conv, &library, &checked.report, &options, pdf_options).unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_group! {
    name = pdf;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(60));
    targets = bench_pdf
}
criterion_main!(benches, pdf);
