//! Checking throughput: 1,000 generated realistic conventions, as one
//! `pacte check DIR` call would check them (read, parse, type, validate, in
//! parallel), plus the fixed cost of loading the clause library.
//!
//! Run: `cargo bench --bench check`.

use criterion::{Criterion, criterion_group, criterion_main};
use pacte::check::{CheckOptions, check_files};
use pacte::{ClauseLibrary, Lang};
use std::path::{Path, PathBuf};

/// Writes `n` valid conventions derived from the bundled examples, each with
/// its own title, reference, party names and amounts (scaled together so the
/// budget still balances).
fn generate(dir: &Path, n: usize) -> Vec<PathBuf> {
    let mut bases = Vec::new();
    for entry in std::fs::read_dir("examples").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            bases.push(std::fs::read_to_string(path).unwrap());
        }
    }
    bases.sort();
    (0..n)
        .map(|i| {
            let base = &bases[i % bases.len()];
            let scale = 1 + (i % 7) as u64;
            let text: String = base
                .lines()
                .map(|line| {
                    if let Some(rest) = line.strip_prefix("title = \"") {
                        format!("title = \"{} — dossier {i}\"", rest.trim_end_matches('"'))
                    } else if let Some(rest) = line.strip_prefix("name = \"") {
                        format!("name = \"{} {i}\"", rest.trim_end_matches('"'))
                    } else if let Some((key, value)) = line.split_once(" = ") {
                        match (key, value.parse::<u64>()) {
                            ("total_budget" | "cash" | "in_kind" | "amount", Ok(v)) => {
                                format!("{key} = {}", v * scale)
                            }
                            _ => line.to_string(),
                        }
                    } else {
                        line.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            let path = dir.join(format!("convention-{i:04}.toml"));
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let files = generate(dir.path(), 1000);
    let library = ClauseLibrary::bundled(Lang::Fr).unwrap();
    let options = CheckOptions::default();

    // The corpus must be valid, or the benchmark measures error paths.
    let reports = check_files(&files, &library, &options);
    let errors: usize = reports
        .iter()
        .map(|r| r.count(pacte::Severity::Error))
        .sum();
    if errors > 0 {
        let first = reports
            .iter()
            .find(|r| r.count(pacte::Severity::Error) > 0)
            .unwrap();
        panic!(
            "generated conventions must be valid: {:?}",
            first.diagnostics
        );
    }

    c.bench_function("load bundled clause library", |b| {
        b.iter(|| ClauseLibrary::bundled(Lang::Fr).unwrap())
    });
    c.bench_function("check 1000 conventions", |b| {
        b.iter(|| check_files(&files, &library, &options))
    });
    let single = &files[..1];
    c.bench_function("check 1 convention", |b| {
        b.iter(|| check_files(single, &library, &options))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
