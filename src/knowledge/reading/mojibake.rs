//! Repairs mojibake: UTF-8 text that was once decoded with a legacy code page ("ยท" for "·").
//!
//! The articles were scraped by tools that guessed a page's encoding per fragment, so one file
//! can hold intact UTF-8 ("·", "👀") next to broken runs of the same characters. Repair is
//! therefore done per *run* (a maximal sequence of non-ASCII characters): a run is replaced only
//! when every character maps back to one byte under a candidate code page and those bytes are
//! valid UTF-8 that is shorter than the run. Legitimate text ("’", "é", "👀") never qualifies,
//! because its characters either have no single-byte form or give invalid UTF-8.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use encoding_rs::Encoding;

/// The code pages mis-decoders are known to have used, most common first. windows-1252 comes
/// first so that classic mojibake is always undone by the page that produced it.
const CANDIDATES: [&Encoding; 5] = [
    encoding_rs::WINDOWS_1252,
    encoding_rs::WINDOWS_874,
    encoding_rs::WINDOWS_1253,
    encoding_rs::WINDOWS_1251,
    encoding_rs::WINDOWS_1250,
];

/// Maps a character back to the single byte (0x80..=0xFF) a code page decodes it from.
type ReverseTable = HashMap<char, u8>;

/// Returns `text` with every mojibake run replaced by the text it was made from.
///
/// Borrows when nothing changed. A run that was mis-decoded several times is repaired until it
/// stops changing, so `repair(repair(x)) == repair(x)`.
pub fn repair(text: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut copied_up_to = 0;
    for (start, end) in non_ascii_runs(text) {
        let run = &text[start..end];
        if let Cow::Owned(fixed) = repair_run(run) {
            let buf = out.get_or_insert_with(|| String::with_capacity(text.len()));
            buf.push_str(&text[copied_up_to..start]);
            buf.push_str(&fixed);
            copied_up_to = end;
        }
    }
    match out {
        Some(mut buf) => {
            buf.push_str(&text[copied_up_to..]);
            Cow::Owned(buf)
        }
        None => Cow::Borrowed(text),
    }
}

/// True if [`repair`] would change `text`; used to warn about documents that needed it.
pub fn looks_like_mojibake(text: &str) -> bool {
    matches!(repair(text), Cow::Owned(_))
}

/// Byte ranges of the maximal runs of non-ASCII characters in `text`.
fn non_ascii_runs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        // Non-ASCII characters are exactly the bytes >= 0x80 in UTF-8, so byte scanning
        // always lands on character boundaries.
        let start = pos + bytes[pos..].iter().position(|b| !b.is_ascii())?;
        let len = bytes[start..]
            .iter()
            .position(u8::is_ascii)
            .unwrap_or(bytes.len() - start);
        pos = start + len;
        Some((start, pos))
    })
}

/// Repairs one run, repeatedly, until no candidate code page shortens it any more.
fn repair_run(run: &str) -> Cow<'_, str> {
    let mut current: Cow<'_, str> = Cow::Borrowed(run);
    // Each step strictly shortens the run, so this terminates.
    while let Some(shorter) = repair_run_once(&current) {
        current = Cow::Owned(shorter);
    }
    current
}

/// One repair step: the first candidate under which `run` is the mis-decoding of shorter UTF-8.
fn repair_run_once(run: &str) -> Option<String> {
    let run_chars = run.chars().count();
    // One character maps back to one byte, which never decodes to fewer characters: the
    // lone "•", "’" and "—" of ordinary text are left alone without a table lookup.
    if run_chars < 2 {
        return None;
    }
    reverse_tables().iter().find_map(|table| {
        let bytes: Vec<u8> = run
            .chars()
            .map(|c| table.get(&c).copied())
            .collect::<Option<_>>()?;
        let decoded = String::from_utf8(bytes).ok()?;
        // Control characters in the result mean these bytes were never text.
        let plausible = !decoded.chars().any(char::is_control);
        (plausible && decoded.chars().count() < run_chars).then_some(decoded)
    })
}

/// The reverse tables of [`CANDIDATES`], built once.
fn reverse_tables() -> &'static [ReverseTable] {
    static TABLES: OnceLock<Vec<ReverseTable>> = OnceLock::new();
    TABLES.get_or_init(|| CANDIDATES.iter().map(|e| reverse_table(e)).collect())
}

/// Builds the reverse table of `encoding`. Bytes the code page leaves undefined take
/// windows-1252's character, as the "sloppy" decoders that made this mojibake did.
fn reverse_table(encoding: &'static Encoding) -> ReverseTable {
    let mut table = ReverseTable::new();
    for byte in 0x80..=0xFF_u8 {
        let c = decode_byte(encoding, byte)
            .filter(|&c| !is_undefined(c))
            .or_else(|| decode_byte(encoding_rs::WINDOWS_1252, byte));
        if let Some(c) = c {
            table.entry(c).or_insert(byte);
        }
    }
    table
}

/// Decodes one byte; `None` when the decoder reports an error.
fn decode_byte(encoding: &'static Encoding, byte: u8) -> Option<char> {
    let input = [byte];
    let (text, had_errors) = encoding.decode_without_bom_handling(&input);
    text.chars().next().filter(|_| !had_errors)
}

/// encoding_rs decodes a byte a code page leaves undefined as the C1 control with the same
/// number (or U+FFFD); windows-1252's own fallback then supplies the character.
fn is_undefined(c: char) -> bool {
    c == '\u{FFFD}' || ('\u{80}'..='\u{9F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What a windows-1252 decoder makes of `text`'s UTF-8 bytes.
    fn misdecode_1252(text: &str) -> String {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(text.as_bytes())
            .0
            .into_owned()
    }

    #[test]
    fn repairs_thai_code_page_mojibake_with_1252_holes() {
        assert_eq!(repair("4 min read ยท Oct. 30"), "4 min read · Oct. 30");
        assert_eq!(repair("Featured Job ๐Ÿ‘€"), "Featured Job 👀");
    }

    #[test]
    fn repairs_greek_code_page_mojibake_with_1252_holes() {
        assert_eq!(repair("4 min read Β· Oct. 30"), "4 min read · Oct. 30");
        assert_eq!(repair("Featured Job πŸ‘€"), "Featured Job 👀");
    }

    #[test]
    fn repairs_classic_windows_1252_mojibake() {
        assert_eq!(repair("Masterâ€™s"), "Master’s");
        assert_eq!(repair("cafÃ© Ã¼ber"), "café über");
        assert_eq!(repair(&misdecode_1252("à la")), "à la");
    }

    #[test]
    fn repairs_double_mojibake_until_stable() {
        let twice = misdecode_1252(&misdecode_1252("é"));
        assert_eq!(repair(&twice), "é");
    }

    #[test]
    fn leaves_legitimate_text_alone() {
        for text in [
            "’",
            "·",
            "👀",
            "•",
            "é",
            "Master’s",
            "naïve café",
            "“quoted”",
            "ASCII only",
        ] {
            assert!(matches!(repair(text), Cow::Borrowed(_)), "changed {text:?}");
            assert!(!looks_like_mojibake(text), "flagged {text:?}");
        }
    }

    #[test]
    fn repairs_per_run_so_intact_runs_survive() {
        let mixed = "Master’s ยท 👀 ๐Ÿ‘€";
        assert_eq!(repair(mixed), "Master’s · 👀 👀");
        assert!(looks_like_mojibake(mixed));
    }

    proptest! {
        #[test]
        fn repair_never_panics_and_is_idempotent(text in any::<String>()) {
            let once = repair(&text).into_owned();
            prop_assert_eq!(repair(&once), once.as_str());
        }

        #[test]
        fn undoes_windows_1252_misdecoding(text in "\\PC{0,40}") {
            // Text that itself looks like mojibake cannot round-trip: it would be repaired too.
            prop_assume!(!looks_like_mojibake(&text));
            let broken = misdecode_1252(&text);
            prop_assert_eq!(repair(&broken), text.as_str());
        }

        #[test]
        fn undoes_misdecoding_of_common_non_ascii(text in "([a-z ]{1,5}[’“”•·éüñ€👀—]){0,8}") {
            let broken = misdecode_1252(&text);
            prop_assert_eq!(repair(&broken), text.as_str());
        }
    }
}
