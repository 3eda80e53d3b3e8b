//! An organisation's templates run in a child process with limits.
//!
//! minijinja's fuel bounds instructions and the size of most values a
//! template builds, but not all: a list that doubles itself thirty-three
//! times is materialised element by element, for ever. Templates given with
//! `--templates` may come from a stranger's pull request, so `pacte render`
//! and `pacte diff` with `--templates` re-run themselves as a child whose
//! memory and CPU time the operating system caps; the parent writes
//! the child's output, or says which template the system stopped.

use super::fail;
use pacte::{Lang, tr};
use std::process::{Command, ExitCode, Stdio};

/// Set in the child's environment: render, then write to standard output.
const CHILD: &str = "PACTE_TEMPLATE_SANDBOX";
/// Set in the child's environment: where to record the running template.
const PROGRESS: &str = "PACTE_TEMPLATE_PROGRESS";

/// The child's data: far above any honest rendering of a 4 MiB
/// convention, far below the machine.
const MEMORY_BYTES: u64 = 1 << 30;
/// The child's CPU time, in seconds (`PACTE_TEMPLATE_CPU_SECONDS` may lower
/// it, for tests and impatient pipelines; never raise it).
const CPU_SECONDS: u64 = 30;

fn cpu_seconds() -> u64 {
    std::env::var("PACTE_TEMPLATE_CPU_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(CPU_SECONDS, |n: u64| n.clamp(1, CPU_SECONDS))
}

/// Whether this process is the sandboxed child.
pub fn is_child() -> bool {
    std::env::var_os(CHILD).is_some()
}

/// In the child: caps its own memory and CPU time, and records each template
/// as it starts. Call before rendering.
pub fn enter_child() {
    #[cfg(unix)]
    {
        use nix::sys::resource::{Resource, setrlimit};
        // Data, not address space: the allocator reserves address space far
        // ahead of use, and only what is written to counts.
        let _ = setrlimit(Resource::RLIMIT_DATA, MEMORY_BYTES, MEMORY_BYTES);
        let _ = setrlimit(Resource::RLIMIT_CPU, cpu_seconds(), cpu_seconds());
    }
    if let Some(progress) = std::env::var_os(PROGRESS) {
        pacte::render::observe_templates(move |name| {
            let _ = std::fs::write(&progress, name);
        });
    }
}

/// In the parent: runs this same command as a limited child and returns
/// what it printed with its exit code (`pacte diff` exits 1 with a document
/// when the versions differ), or, when it printed nothing, the exit code to
/// leave with (the child's own messages have gone to standard error).
pub fn run_child(lang: Lang) -> Result<(Vec<u8>, u8), ExitCode> {
    let exe = std::env::current_exe().map_err(|e| {
        fail(&tr!(
            lang,
            "pacte introuvable : {e}",
            "cannot find pacte: {e}"
        ))
    })?;
    let progress = tempfile::NamedTempFile::new().map_err(|e| {
        fail(&tr!(
            lang,
            "fichier temporaire : {e}",
            "temporary file: {e}"
        ))
    })?;
    let output = Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env(CHILD, "1")
        // mimalloc reserves a gigabyte of writable address space at a time
        // by default, which the data limit would count before any use.
        .env("MIMALLOC_ARENA_RESERVE", "64MiB")
        .env(PROGRESS, progress.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| fail(&e.to_string()))?;
    if let Some(code) = output.status.code() {
        // The child ended by itself: its messages are pacte's own.
        eprint!("{}", String::from_utf8_lossy(&output.stderr));
        let code = u8::try_from(code).unwrap_or(2);
        return if output.stdout.is_empty() {
            Err(ExitCode::from(code))
        } else {
            Ok((output.stdout, code))
        };
    }
    // Stopped by the system: what it printed last (an allocator's or a
    // runtime's last words) says nothing useful; which template it was does.
    let template = std::fs::read_to_string(progress.path()).unwrap_or_default();
    let template = if template.is_empty() {
        tr!(lang, "un modèle", "a template")
    } else {
        template
    };
    let mib = MEMORY_BYTES >> 20;
    let cpu = cpu_seconds();
    Err(fail(&tr!(
        lang,
        "rendu arrêté : {template} a dépassé les limites d'un modèle ({mib} Mio de mémoire, {cpu} s de calcul) ; vérifiez ses boucles et les listes qu'il construit",
        "rendering stopped: {template} went past the limits of a template ({mib} MiB of memory, {cpu} s of CPU time); check its loops and the lists it builds"
    )))
}
