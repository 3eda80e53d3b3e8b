//! The `pacte` command: parse arguments, run, map the outcome to an exit code.

#![forbid(unsafe_code)]

mod cli;

/// mimalloc: checking a thousand files allocates and frees small values by
/// the million on every core; the system allocator spent a tenth of that
/// run returning memory to the kernel.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
