//! An article given as a file, with `/kb add article:` in Discord or `rolecall kb add FILE`
//! at the terminal: which files are taken (decided from the file's name and size, and what
//! Discord says of its type, before anything is downloaded or read), how its bytes become
//! text, and the title it is listed under. Fetching the bytes is the caller's; these are the
//! rules, the same wherever the file came from.

use encoding_rs::{UTF_16BE, UTF_16LE};

/// The largest file taken, in bytes, both as Discord declares it and as downloaded.
pub const UPLOAD_MAX_BYTES: u64 = 512 * 1024;

/// What Discord says of an uploaded file, before it is downloaded.
#[derive(Debug, Clone, Copy)]
pub struct FileFacts<'a> {
    pub filename: &'a str,
    /// Bytes, as Discord declares them.
    pub size: u64,
    /// The media type Discord gives, when it gives one.
    pub content_type: Option<&'a str>,
}

/// Why a file is not read as an article, in words for the mentor.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UploadProblem {
    #[error("`{0}` is not a .txt or .md file; save the article as plain text or Markdown")]
    NotAnArticleFile(String),
    #[error("Discord says the file is {0}, not text; save the article as plain text or Markdown")]
    NotText(String),
    #[error("the file is empty")]
    Empty,
    #[error(
        "the file is {kb} KB; at most {max} KB are taken: split the article in two",
        max = UPLOAD_MAX_BYTES / 1024
    )]
    TooBig { kb: u64 },
    #[error("the file holds binary data (zero bytes), not text; save it as UTF-8 text")]
    Binary,
    #[error("the file is not UTF-8 text (byte {0} is not); save it as UTF-8")]
    NotUtf8(usize),
}

/// Whether a file may be downloaded as an article: its name says `.txt` or `.md`, Discord
/// does not say it is something else, and its declared size is within the limit.
pub fn check_file(file: FileFacts<'_>) -> Result<(), UploadProblem> {
    if extension(file.filename).is_none() {
        return Err(UploadProblem::NotAnArticleFile(file.filename.to_owned()));
    }
    if let Some(kind) = file.content_type.filter(|kind| !is_text_type(kind)) {
        return Err(UploadProblem::NotText(kind.to_owned()));
    }
    match file.size {
        0 => Err(UploadProblem::Empty),
        size if size > UPLOAD_MAX_BYTES => Err(UploadProblem::TooBig {
            kb: size.div_ceil(1024),
        }),
        _ => Ok(()),
    }
}

/// The text of an article file: UTF-8 (with or without a byte-order mark), or UTF-16 with a
/// byte-order mark. Anything else is refused with the reason: replacing undecodable bytes
/// would put noise into facts that the preview could not show.
pub fn read_file(bytes: &[u8]) -> Result<String, UploadProblem> {
    if bytes.len() as u64 > UPLOAD_MAX_BYTES {
        return Err(UploadProblem::TooBig {
            kb: (bytes.len() as u64).div_ceil(1024),
        });
    }
    let text = decode(bytes)?;
    if text.trim().is_empty() {
        return Err(UploadProblem::Empty);
    }
    Ok(text)
}

/// The file's text, by its byte-order mark, else as UTF-8. A zero byte outside UTF-16 means
/// binary data (or UTF-16 without a mark).
fn decode(bytes: &[u8]) -> Result<String, UploadProblem> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(UTF_16LE.decode_without_bom_handling(rest).0.into_owned());
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(UTF_16BE.decode_without_bom_handling(rest).0.into_owned());
    }
    if bytes.contains(&0) {
        return Err(UploadProblem::Binary);
    }
    let mark = b"\xEF\xBB\xBF";
    let (offset, text) = match bytes.strip_prefix(mark) {
        Some(text) => (mark.len(), text),
        None => (0, bytes),
    };
    // The position is counted in the file as given, mark included.
    String::from_utf8(text.to_vec())
        .map_err(|error| UploadProblem::NotUtf8(offset + error.utf8_error().valid_up_to()))
}

/// The title a file's article is listed under: the article's own (its first heading or
/// comparison line, `article_title`), else the file's name without its extension; cut to the
/// longest title kept (the mentor did not type it, so it is not refused for its length).
pub fn title_for(article_title: &str, filename: &str) -> String {
    let name = filename.rsplit(['/', '\\']).next().unwrap_or(filename);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let title = [article_title.trim(), stem.trim()]
        .into_iter()
        .find(|title| !title.is_empty())
        .unwrap_or("Uploaded article");
    title.chars().take(super::model::TITLE_MAX).collect()
}

/// `txt` or `md`, whatever their case, when the name ends in one.
fn extension(filename: &str) -> Option<&str> {
    let (stem, extension) = filename.rsplit_once('.')?;
    let known = ["txt", "md", "markdown"]
        .into_iter()
        .any(|known| extension.eq_ignore_ascii_case(known));
    (known && !stem.is_empty()).then_some(extension)
}

/// Text types, and the generic type Discord gives a file it cannot place (a `.md` often).
fn is_text_type(kind: &str) -> bool {
    let essence = kind.split(';').next().unwrap_or(kind).trim();
    essence.starts_with("text/") || essence.eq_ignore_ascii_case("application/octet-stream")
}

#[cfg(test)]
mod tests;
