//! A generated convention with hostile text, rendered to Markdown and PDF.
#![no_main]

#[path = "../../tests/generator/mod.rs"]
mod generator;

libfuzzer_sys::fuzz_target!(|data: &[u8]| generator::render_generated(data));
