//! Rebuild when the embedded clause library or templates change: include_dir
//! does not tell cargo which files it read.
fn main() {
    println!("cargo:rerun-if-changed=clauses");
    println!("cargo:rerun-if-changed=templates");
}
