//! The release as configured, checked here since it can only run on GitHub:
//! cargo-dist's own planner and generator validate `dist-workspace.toml`
//! and the workflow made from it; `cargo binstall` finds each archive the
//! plan promises; the Debian package's files exist. `bash .ci/test`
//! installs cargo-dist (`dist`) before running the tests.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The targets the install issue promises archives for.
const TARGETS: [&str; 5] = [
    "x86_64-unknown-linux-gnu",
    "aarch64-unknown-linux-gnu",
    "aarch64-apple-darwin",
    "x86_64-apple-darwin",
    "x86_64-pc-windows-msvc",
];

fn dist() -> Command {
    let local = Path::new("target/tools/bin/dist");
    let program = if local.exists() {
        local.to_path_buf()
    } else {
        PathBuf::from("dist")
    };
    if Command::new(&program).arg("--version").output().is_err() {
        panic!(
            "cargo-dist (`dist`) is needed to check the release workflow: run the tests with \
             `bash .ci/test`, which installs it, or `pip install astral-dev-toolchain-cargo-dist==0.33.0`"
        );
    }
    Command::new(program)
}

fn plan() -> serde_json::Value {
    let out = dist()
        .args(["plan", "--output-format=json", "--no-local-paths"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "dist plan: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn manifest() -> toml::Table {
    toml::from_str(&std::fs::read_to_string("Cargo.toml").unwrap()).unwrap()
}

#[test]
fn the_release_workflow_is_what_dist_generates_from_its_configuration() {
    let out = dist().args(["generate", "--check"]).output().unwrap();
    assert!(
        out.status.success(),
        ".github/workflows/release.yml is stale or the configuration is invalid; run `dist generate`:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_plan_has_an_archive_with_a_checksum_for_each_target_and_both_installers() {
    let plan = plan();
    let artifacts = plan["artifacts"].as_object().unwrap();
    for target in TARGETS {
        let archive = artifacts
            .values()
            .find(|a| {
                a["kind"] == "executable-zip" && a["target_triples"][0].as_str() == Some(target)
            })
            .unwrap_or_else(|| panic!("no archive for {target}"));
        let checksum = archive["checksum"].as_str().unwrap();
        assert!(artifacts.contains_key(checksum), "{checksum}");
        let assets = archive["assets"].as_array().unwrap();
        let names: Vec<&str> = assets.iter().filter_map(|a| a["path"].as_str()).collect();
        let exe = if target.contains("windows") {
            "pacte.exe"
        } else {
            "pacte"
        };
        for wanted in [
            exe,
            "README.md",
            "CHANGELOG.md",
            "LICENSE-MIT",
            "LICENSE-APACHE",
        ] {
            assert!(
                names.contains(&wanted),
                "{target}: {wanted} not in {names:?}"
            );
        }
    }
    for installer in ["pacte-installer.sh", "pacte-installer.ps1"] {
        assert_eq!(artifacts[installer]["kind"], "installer", "{installer}");
    }
    assert_eq!(artifacts["sha256.sum"]["kind"], "unified-checksum");
    // A tagged release announces the version Cargo.toml gives.
    let version = manifest()["package"]["version"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(plan["announcement_tag"], format!("v{version}"));
}

/// `cargo binstall pacte` expands the URL template in Cargo.toml; each
/// expansion must name an archive the release really attaches.
#[test]
fn binstall_finds_the_archive_of_each_target() {
    let plan = plan();
    let artifacts = plan["artifacts"].as_object().unwrap();
    let manifest = manifest();
    let package = &manifest["package"];
    let binstall = &package["metadata"]["binstall"];
    let template = binstall["pkg-url"].as_str().unwrap();
    let repo = package["repository"].as_str().unwrap();
    let version = package["version"].as_str().unwrap();
    for target in TARGETS {
        let format = binstall
            .get("overrides")
            .and_then(|o| o.get(target))
            .and_then(|o| o.get("pkg-fmt"))
            .or_else(|| binstall.get("pkg-fmt"))
            .and_then(|f| f.as_str())
            .unwrap();
        let suffix = match format {
            "txz" => ".tar.xz",
            "tgz" => ".tar.gz",
            "zip" => ".zip",
            other => panic!("pkg-fmt {other}"),
        };
        let url = template
            .replace("{ repo }", repo)
            .replace("{ version }", version)
            .replace("{ name }", "pacte")
            .replace("{ target }", target)
            .replace("{ archive-suffix }", suffix);
        let prefix = format!("{repo}/releases/download/v{version}/");
        let file = url
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("{url} is not a release download"));
        assert_eq!(artifacts[file]["kind"], "executable-zip", "{file}");
    }
}

/// Every file the Debian package takes from the repository exists, and
/// those it takes from target/assets are the ones `.ci/package-deb` makes.
#[test]
fn the_debian_package_lists_files_that_exist() {
    let manifest = manifest();
    let deb = &manifest["package"]["metadata"]["deb"];
    let script = std::fs::read_to_string(".ci/package-deb").unwrap();
    let assets = deb["assets"].as_array().unwrap();
    assert!(assets.len() >= 10);
    let mut destinations = Vec::new();
    for asset in assets {
        let source = asset[0].as_str().unwrap();
        destinations.push(asset[1].as_str().unwrap().to_string());
        if source == "target/release/pacte" {
            continue;
        }
        if let Some(made) = source.strip_prefix("target/assets/") {
            let folder = made.split('/').next().unwrap();
            assert!(
                script.contains(&format!("target/assets/{folder}")),
                "{source} is not made by .ci/package-deb"
            );
            continue;
        }
        let (dir, pattern) = source.rsplit_once('/').unwrap_or((".", source));
        let matches = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| glob_match(pattern, &e.file_name().to_string_lossy()))
            .count();
        assert!(matches > 0, "{source} matches no file");
    }
    // The release attaches the package: the custom job dist runs builds it
    // with the same script and uploads it under a name the release takes.
    let job = std::fs::read_to_string(".github/workflows/build-deb.yml").unwrap();
    assert!(job.contains("run: bash .ci/package-deb"));
    assert!(job.contains("name: artifacts-build-deb"));
    let release = std::fs::read_to_string(".github/workflows/release.yml").unwrap();
    assert!(release.contains("uses: ./.github/workflows/build-deb.yml"));
    for place in [
        "usr/bin/",
        "usr/share/man/man1/",
        "usr/share/bash-completion/completions/pacte",
        "usr/share/zsh/vendor-completions/_pacte",
        "usr/share/fish/vendor_completions.d/pacte.fish",
        "usr/share/doc/pacte/examples/",
    ] {
        assert!(
            destinations.iter().any(|d| d == place),
            "nothing in {place}"
        );
    }
}

/// `*` in a file name, as cargo-deb's globs use it here.
fn glob_match(pattern: &str, name: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == name,
        Some((before, after)) => {
            name.len() >= before.len() + after.len()
                && name.starts_with(before)
                && name.ends_with(after)
        }
    }
}
