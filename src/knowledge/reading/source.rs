//! Where documents come from: a directory on disk, or the copy compiled into the binary.

use std::borrow::Cow;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// One file under the knowledge directory.
#[derive(Debug, Clone)]
pub struct Document {
    /// Relative to the knowledge directory, with `/` separators.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// What a document is, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    Article,
    Skills,
    Roles,
    Backgrounds,
    /// Not knowledge (a README, an editor's backup…): skipped.
    Other,
}

impl Document {
    pub fn kind(&self) -> DocumentKind {
        let name = self.path.rsplit('/').next().unwrap_or(&self.path);
        if name.starts_with('.') {
            return DocumentKind::Other;
        }
        match name {
            "skills.toml" => DocumentKind::Skills,
            "roles.toml" => DocumentKind::Roles,
            "backgrounds.toml" => DocumentKind::Backgrounds,
            "README.md" => DocumentKind::Other,
            _ if name.ends_with(".txt") || name.ends_with(".md") => DocumentKind::Article,
            _ => DocumentKind::Other,
        }
    }

    /// The text, with undecodable bytes replaced; `true` when that happened, so the caller
    /// can warn.
    pub fn text(&self) -> (Cow<'_, str>, bool) {
        let text = String::from_utf8_lossy(&self.bytes);
        let lossy = matches!(text, Cow::Owned(_));
        (text, lossy)
    }
}

/// Where a base's documents are read from. Kept by a running rolecall, so that a reload
/// reads the same place it started from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentSource {
    /// A knowledge directory on disk, read anew each time.
    Directory(PathBuf),
    /// The copy compiled into the binary: a reload reads the same documents again.
    BuiltIn,
}

impl DocumentSource {
    /// `dir` if given; else `./knowledge` if it exists; else the built-in copy.
    pub fn resolve(dir: Option<&Path>) -> DocumentSource {
        match dir {
            Some(dir) => DocumentSource::Directory(dir.to_owned()),
            None if Path::new("knowledge").is_dir() => {
                DocumentSource::Directory("knowledge".into())
            }
            None => DocumentSource::BuiltIn,
        }
    }

    /// The documents as they are now.
    pub fn read(&self) -> io::Result<Vec<Document>> {
        match self {
            DocumentSource::Directory(dir) => read_documents(dir),
            DocumentSource::BuiltIn => Ok(embedded_documents()),
        }
    }

    /// Where the documents came from, as `/kb stats` and the logs say it.
    pub fn origin(&self) -> String {
        match self {
            DocumentSource::Directory(dir) => dir.display().to_string(),
            DocumentSource::BuiltIn => "the built-in knowledge base".to_owned(),
        }
    }
}

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_knowledge.rs"));
}

/// The knowledge directory as it was when the binary was built.
pub fn embedded_documents() -> Vec<Document> {
    embedded::FILES
        .iter()
        .map(|(path, bytes)| Document {
            path: (*path).to_owned(),
            bytes: bytes.to_vec(),
        })
        .collect()
}

/// Every file below `dir`, sorted by path so builds are reproducible.
pub fn read_documents(dir: &Path) -> io::Result<Vec<Document>> {
    let mut paths = Vec::new();
    collect(dir, &mut paths)?;
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let bytes = fs::read(&path)?;
            let relative = path.strip_prefix(dir).unwrap_or(&path);
            Ok(Document {
                path: relative.to_string_lossy().replace('\\', "/"),
                bytes,
            })
        })
        .collect()
}

fn collect(dir: &Path, paths: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let file_type = entry.file_type()?;
        if file_type.is_dir() {
            collect(&path, paths)?;
        } else if file_type.is_file() {
            paths.push(path);
        }
    }
    Ok(())
}
