//! Any bytes as a convention file: load, check, render a draft.
#![no_main]

#[path = "../../tests/generator/mod.rs"]
mod generator;

libfuzzer_sys::fuzz_target!(|data: &[u8]| generator::check_bytes(data));
