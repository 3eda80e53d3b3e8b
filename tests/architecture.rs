//! The library's stages depend one way: no module of `src/` reaches back
//! into a module that depends on it (clause library → convention → facts →
//! checks → document → renderers). A cycle here means a stage knows about a
//! later one, which is how the old `render → diff → render` knot began.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The top-level modules of the library, and the files of each.
fn modules() -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for entry in std::fs::read_dir("src").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if matches!(name.as_str(), "main" | "lib" | "cli") {
            continue;
        }
        let mut files = Vec::new();
        collect(&path, &mut files);
        out.insert(name, files);
    }
    out
}

fn collect(path: &Path, files: &mut Vec<String>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            collect(&entry.unwrap().path(), files);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        files.push(std::fs::read_to_string(path).unwrap());
    }
}

/// The modules `text` uses through `crate::`, outside comments and tests.
fn uses(text: &str, known: &BTreeSet<&str>) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    let mut out = BTreeSet::new();
    for line in code.lines() {
        let line = line.split("//").next().unwrap_or_default();
        for (at, _) in line.match_indices("crate::") {
            let rest = &line[at + 7..];
            // `crate::{a, b::c}` names several modules at once.
            let names: Vec<&str> = match rest.strip_prefix('{') {
                Some(group) => group
                    .split(['}', ','])
                    .map(|n| n.trim().split("::").next().unwrap_or_default())
                    .collect(),
                None => vec![rest],
            };
            for name in names {
                let name: String = name
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if known.contains(name.as_str()) {
                    out.insert(name);
                }
            }
        }
    }
    out
}

#[test]
fn no_module_depends_back_on_a_module_that_depends_on_it() {
    let modules = modules();
    let known: BTreeSet<&str> = modules.keys().map(String::as_str).collect();
    let mut edges: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for (name, files) in &modules {
        let mut used = BTreeSet::new();
        for text in files {
            used.extend(uses(text, &known));
        }
        used.remove(name);
        edges.insert(name, used);
    }
    assert!(edges["render"].contains("facts"), "the scan sees real uses");
    let grouped = uses("use crate::{diag::Code, lang};", &known);
    assert!(
        grouped.contains("diag") && grouped.contains("lang"),
        "{grouped:?}"
    );
    let reaches = |from: &str, to: &str| {
        let (mut seen, mut stack) = (BTreeSet::new(), vec![from.to_string()]);
        while let Some(m) = stack.pop() {
            if m == to {
                return true;
            }
            if seen.insert(m.clone()) {
                stack.extend(edges.get(m.as_str()).into_iter().flatten().cloned());
            }
        }
        false
    };
    let mut cycles = Vec::new();
    for (from, used) in &edges {
        for to in used {
            if reaches(to, from) {
                cycles.push(format!("{from} → {to}"));
            }
        }
    }
    assert!(cycles.is_empty(), "dependency cycles: {cycles:?}");
}

/// The printers read the printed document (`render::print`) and nothing of
/// one another: a PDF detail can never leak into the Word document, the
/// HTML page or the Markdown, and a kind of block is added in one place.
#[test]
fn no_printer_imports_another_printers_internals() {
    let printers = ["pdf", "docx", "html", "md"];
    for printer in printers {
        let mut files = Vec::new();
        let dir = Path::new("src/render").join(printer);
        match dir.is_dir() {
            true => collect(&dir, &mut files),
            false => collect(&dir.with_extension("rs"), &mut files),
        }
        assert!(!files.is_empty(), "{printer}");
        for text in &files {
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for other in printers.iter().filter(|o| **o != printer) {
                for path in [
                    format!("render::{other}"),
                    format!("super::{other}"),
                    format!("super::super::{other}"),
                ] {
                    assert!(
                        !code.contains(&path),
                        "src/render/{printer} uses {path}: share it through render::print"
                    );
                }
            }
            // And none reads Markdown: the printed document is read once.
            assert!(
                !code.contains("pulldown_cmark"),
                "src/render/{printer} parses Markdown"
            );
        }
    }
}
