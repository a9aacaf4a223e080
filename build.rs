//! Compiles `knowledge/` into the binary, so an installed `rolecall` answers anywhere.
//!
//! Writes `$OUT_DIR/embedded_knowledge.rs`: a list of (relative path, bytes) pairs.

use std::env;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

fn main() -> io::Result<()> {
    let root = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let knowledge = root.join("knowledge");
    println!("cargo:rerun-if-changed=knowledge");
    let mut files = Vec::new();
    if knowledge.is_dir() {
        collect(&knowledge, &mut files)?;
    }
    files.sort();
    let mut out = String::from("/// Every file under `knowledge/` at build time.\n");
    out.push_str("pub static FILES: &[(&str, &[u8])] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let relative = path
            .strip_prefix(&knowledge)
            .expect("collected below knowledge/")
            .to_string_lossy()
            .replace('\\', "/");
        out.push_str(&format!(
            "    ({relative:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest =
        Path::new(&env::var_os("OUT_DIR").expect("set by cargo")).join("embedded_knowledge.rs");
    fs::write(dest, out)
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, files)?;
        } else if path.is_file() {
            files.push(path);
        }
    }
    Ok(())
}
