use super::*;

fn file<'a>(filename: &'a str, size: u64, content_type: Option<&'a str>) -> FileFacts<'a> {
    FileFacts {
        filename,
        size,
        content_type,
    }
}

#[test]
fn text_and_markdown_files_within_the_limit_are_taken() {
    for (name, kind) in [
        ("roles.md", Some("text/markdown; charset=utf-8")),
        ("Roles.TXT", Some("text/plain")),
        ("notes.markdown", None),
        ("export.md", Some("application/octet-stream")),
    ] {
        assert_eq!(check_file(file(name, 1, kind)), Ok(()), "{name}");
    }
    assert_eq!(check_file(file("a.md", UPLOAD_MAX_BYTES, None)), Ok(()));
}

#[test]
fn other_files_are_refused_before_any_download() {
    assert_eq!(
        check_file(file("cv.pdf", 10, Some("application/pdf"))),
        Err(UploadProblem::NotAnArticleFile("cv.pdf".into()))
    );
    assert_eq!(
        check_file(file("md", 10, None)),
        Err(UploadProblem::NotAnArticleFile("md".into()))
    );
    assert_eq!(
        check_file(file(".md", 10, None)),
        Err(UploadProblem::NotAnArticleFile(".md".into()))
    );
    assert_eq!(
        check_file(file("photo.md", 10, Some("image/png"))),
        Err(UploadProblem::NotText("image/png".into()))
    );
    assert_eq!(check_file(file("a.md", 0, None)), Err(UploadProblem::Empty));
    assert_eq!(
        check_file(file("a.md", UPLOAD_MAX_BYTES + 1, None)),
        Err(UploadProblem::TooBig { kb: 513 })
    );
}

#[test]
fn utf8_with_or_without_a_mark_and_utf16_with_a_mark_are_read() {
    let text = "## Data Engineer\nBuilds pipelines — in Zürich.";
    let little: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let big: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let marked = [b"\xEF\xBB\xBF", text.as_bytes()].concat();
    for bytes in [text.as_bytes(), &marked, &little, &big] {
        assert_eq!(read_file(bytes), Ok(text.to_owned()));
    }
}

#[test]
fn other_encodings_binary_empty_and_oversized_files_are_refused() {
    assert_eq!(read_file(b"Data: caf\xE9"), Err(UploadProblem::NotUtf8(9)));
    assert_eq!(
        read_file(b"\xEF\xBB\xBFcaf\xE9"),
        Err(UploadProblem::NotUtf8(6))
    );
    assert_eq!(
        read_file(b"PK\x03\x04\x00\x00zip"),
        Err(UploadProblem::Binary)
    );
    assert_eq!(read_file(b" \n\t "), Err(UploadProblem::Empty));
    assert_eq!(read_file(b""), Err(UploadProblem::Empty));
    let big = vec![b'a'; UPLOAD_MAX_BYTES as usize + 1];
    assert_eq!(read_file(&big), Err(UploadProblem::TooBig { kb: 513 }));
}

#[test]
fn the_title_is_the_articles_own_else_the_files_name() {
    assert_eq!(
        title_for("Data Engineer vs. Analyst", "notes.md"),
        "Data Engineer vs. Analyst"
    );
    assert_eq!(title_for(" ", "ML Engineer roles.md"), "ML Engineer roles");
    assert_eq!(title_for("", "dir/roles.v2.txt"), "roles.v2");
    assert_eq!(title_for("", ".md"), "Uploaded article");
    let long = "é".repeat(300);
    assert_eq!(
        title_for(&long, "a.md").chars().count(),
        crate::teaching::model::TITLE_MAX
    );
}
