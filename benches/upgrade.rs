//! `pacte upgrade` on a repository of 1,000 conventions of the previous
//! format (pacte 0.1's four examples, each copied 250 times under its own
//! title): the text upgrade alone, then what the command does per file —
//! read, upgrade, and list what the upgraded file lacks.
//!
//! Run: `cargo bench --bench upgrade`.

use criterion::{Criterion, criterion_group, criterion_main};
use pacte::check::{CheckOptions, Target};
use pacte::file_format::upgrade;
use pacte::upgrade as files;
use pacte::{ClauseLibrary, Lang};
use std::path::Path;

fn repository(dir: &Path, n: usize) -> (Vec<String>, Vec<Target>) {
    let mut bases: Vec<String> = std::fs::read_dir("tests/fixtures/format1")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    bases.sort();
    let mut texts = Vec::new();
    let mut targets = Vec::new();
    for i in 0..n {
        let text = bases[i % bases.len()].replacen("title = \"", &format!("title = \"{i} "), 1);
        let path = dir.join(format!("convention-{i:04}.toml"));
        std::fs::write(&path, &text).unwrap();
        texts.push(text);
        targets.push(Target::File(path));
    }
    (texts, targets)
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (texts, targets) = repository(dir.path(), 1000);
    let library = ClauseLibrary::bundled(Lang::Fr).unwrap();
    let options = CheckOptions::default();
    let mut group = c.benchmark_group("upgrade");
    group.sample_size(10);
    group.bench_function("1000 texts, format 1 to 2", |b| {
        b.iter(|| {
            for text in &texts {
                assert!(upgrade(text).unwrap().changed());
            }
        })
    });
    group.bench_function("1000 files read and upgraded (parallel)", |b| {
        b.iter(|| {
            let planned = files::plan(&targets, &[], Lang::Fr);
            assert_eq!(planned.len(), 1000);
        })
    });
    let planned = files::plan(&targets, &[], Lang::Fr);
    group.bench_function(
        "1000 files: what each lacks (check of the upgraded text)",
        |b| {
            b.iter(|| {
                for p in &planned {
                    let files::Planned::Upgrade(u) = p else {
                        panic!()
                    };
                    assert!(!u.to_fill(&library, &options).is_empty());
                }
            })
        },
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
