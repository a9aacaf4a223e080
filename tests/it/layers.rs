//! The library's layers, checked from its source: a module imports only modules of lower
//! layers (so a request goes down and its reply comes back up, with no import cycles), and
//! nothing below the Discord edge names a serenity or axum type.
//!
//! Test modules (`#[cfg(test)]` blocks and `tests.rs` files) may build their inputs with any
//! layer and are not checked.

use std::fs;
use std::path::{Path, PathBuf};

/// The library's top-level modules, lowest layer first. A module may use its own layer's
/// name and every name of a lower layer; modules of one layer do not use each other.
const LAYERS: &[&[&str]] = &[
    &["knowledge", "reply", "config", "database", "telemetry"],
    &["jobs", "teaching", "members", "synthetic"],
    &["commands"],
    &["advisor"],
    &["service"],
    &["discord"],
];

/// The layers that know nothing of Discord's client or the HTTP server.
const PLATFORM_FREE: &[&str] = &[
    "knowledge",
    "reply",
    "config",
    "database",
    "telemetry",
    "jobs",
    "teaching",
    "members",
    "commands",
    "advisor",
    "service",
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// Every `.rs` file under `dir`, but the test files.
fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs")
            && path.file_name().is_some_and(|n| n != "tests.rs")
        {
            found.push(path);
        }
    }
}

/// The top-level module a file under `src/` belongs to: `src/jobs/board.rs` → `jobs`.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let first = file.strip_prefix(src).ok()?.components().next()?;
    let name = first.as_os_str().to_str()?;
    Some(name.trim_end_matches(".rs").to_owned())
}

/// The file's code before its first `#[cfg(test)]` item.
fn code_of(file: &Path) -> String {
    let text = fs::read_to_string(file).unwrap_or_default();
    match text.find("\n#[cfg(test)]") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// The top-level modules `code` names through `crate::`, in `use` lines and paths alike.
fn crate_modules(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &code[at + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() && !found.contains(&name) {
            found.push(name);
        }
    }
    found
}

/// Every import from a module to a module it may not use, as "file → module" lines.
fn layer_breaks(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    sources(src, &mut files);
    files.sort();
    let mut breaks = Vec::new();
    for file in files {
        let Some(module) = module_of(src, &file) else {
            continue;
        };
        let Some(own) = layer_of(&module) else {
            continue;
        };
        for used in crate_modules(&code_of(&file)) {
            let allowed = used == module || layer_of(&used).is_some_and(|layer| layer < own);
            if !allowed {
                breaks.push(format!("{} → crate::{used}", file.display()));
            }
        }
    }
    breaks
}

#[test]
fn no_module_imports_a_module_of_its_own_or_a_higher_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let breaks = layer_breaks(&src);
    assert!(
        breaks.is_empty(),
        "imports against the layers (see ARCHITECTURE.md):\n{}",
        breaks.join("\n")
    );
}

#[test]
fn every_module_of_the_library_has_a_layer() {
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("src/lib.rs");
    for line in lib.lines() {
        if let Some(name) = line.trim().strip_prefix("pub mod ") {
            let name = name.trim_end_matches(';');
            assert!(layer_of(name).is_some(), "`{name}` is in no layer");
        }
    }
}

#[test]
fn nothing_below_the_edge_names_discords_client_or_the_http_server() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    for file in files {
        let module = module_of(&src, &file).unwrap_or_default();
        if !PLATFORM_FREE.contains(&module.as_str()) {
            continue;
        }
        let code = code_of(&file);
        for platform in ["serenity", "axum"] {
            assert!(
                !code.contains(&format!("{platform}::")),
                "{} names {platform}",
                file.display()
            );
        }
    }
}

/// The check itself: an upward import and one within a layer are caught, a downward one is
/// not. Guards against a check that passes because it reads nothing.
#[test]
fn the_layer_check_catches_what_it_must() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let src = dir.path();
    fs::create_dir_all(src.join("jobs")).expect("jobs/");
    fs::write(
        src.join("jobs/board.rs"),
        "use crate::knowledge::KnowledgeBase;\nuse crate::advisor::Problem;\n",
    )
    .expect("a file");
    fs::write(
        src.join("reply.rs"),
        "fn f() { crate::config::Secret::new(\"\"); }\n",
    )
    .expect("a file");
    fs::write(
        src.join("service.rs"),
        "use crate::jobs::board::Boards;\n#[cfg(test)]\nmod tests { use crate::discord::Bot; }\n",
    )
    .expect("a file");
    let breaks = layer_breaks(src);
    assert_eq!(breaks.len(), 2, "{breaks:?}");
    assert!(
        breaks[0].ends_with("jobs/board.rs → crate::advisor"),
        "{breaks:?}"
    );
    assert!(
        breaks[1].ends_with("reply.rs → crate::config"),
        "{breaks:?}"
    );
}
