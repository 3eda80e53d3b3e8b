//! Arbitrary text as a printed edition's Markdown (read strictly into the
//! document tree, printed as HTML and Word) and as a value (escaped, read
//! back as the same characters).
#![no_main]

#[path = "../../tests/generator/mod.rs"]
mod generator;

libfuzzer_sys::fuzz_target!(|data: &[u8]| generator::print_tree(data));
