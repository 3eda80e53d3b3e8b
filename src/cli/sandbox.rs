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

use pacte::render::{
    TEMPLATE_CHILD_CPU_SECONDS as CPU_SECONDS, TEMPLATE_CHILD_MEMORY_BYTES as MEMORY_BYTES,
};

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

/// Waits for the child, reading what it prints, and stops it once it has
/// run for twice its CPU allowance in wall-clock time. On Unix the system's
/// CPU limit stops it first; elsewhere (Windows), where pacte sets no system
/// limits, this is what bounds a template's time — its memory is bounded
/// only by minijinja's fuel there (documented in README, "Limits").
/// Says whether it had to stop it.
fn wait_bounded(
    mut child: std::process::Child,
    limit: std::time::Duration,
) -> std::io::Result<(std::process::Output, bool)> {
    use std::io::Read;
    let read = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = read(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = read(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let deadline = std::time::Instant::now() + limit;
    let (status, stopped) = loop {
        if let Some(status) = child.try_wait()? {
            break (status, false);
        }
        if std::time::Instant::now() >= deadline {
            let _ = child.kill();
            break (child.wait()?, true);
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let output = std::process::Output {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    };
    Ok((output, stopped))
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
    let child = Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env(CHILD, "1")
        // mimalloc reserves a gigabyte of writable address space at a time
        // by default, which the data limit would count before any use.
        .env("MIMALLOC_ARENA_RESERVE", "64MiB")
        .env(PROGRESS, progress.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| fail(&e.to_string()))?;
    let (output, stopped) = wait_bounded(child, std::time::Duration::from_secs(2 * cpu_seconds()))
        .map_err(|e| fail(&e.to_string()))?;
    // A child stopped here has an exit code on Windows: it is not its own.
    if let Some(code) = output.status.code().filter(|_| !stopped) {
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

// `sleep` and `echo` are Unix commands.
#[cfg(all(test, unix))]
mod tests {
    use super::wait_bounded;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    fn spawn(args: &[&str]) -> std::process::Child {
        Command::new(args[0])
            .args(&args[1..])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    }

    #[test]
    fn a_child_past_its_time_is_stopped_and_one_within_it_is_not() {
        let start = Instant::now();
        let (_, stopped) =
            wait_bounded(spawn(&["sleep", "30"]), Duration::from_millis(300)).unwrap();
        assert!(stopped);
        assert!(start.elapsed() < Duration::from_secs(10));

        let (out, stopped) =
            wait_bounded(spawn(&["echo", "done"]), Duration::from_secs(30)).unwrap();
        assert!(!stopped);
        assert_eq!(out.stdout, b"done\n");
        assert_eq!(out.status.code(), Some(0));
    }
}
