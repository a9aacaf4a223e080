//! Parsing articles on the other cores while the calling thread merges them in document order.
//!
//! Parsing an article needs nothing but its text, so it spreads over the machine's cores;
//! merging needs every earlier article, so it stays on the calling thread and takes the
//! parsed articles in the order of the documents. The result is the same as reading them
//! one by one, whatever the number of cores.
//!
//! One core is left to the merger: on two cores, one parser feeding one merger measured
//! faster than two parsers competing with the merger for them (BENCHMARKS.md).

use std::collections::BTreeMap;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;

#[cfg(test)]
use crate::knowledge::reading::article::parse_article;
use crate::knowledge::reading::article::{parse_document_knowing, ParsedArticle};
use crate::knowledge::reading::known::KnownRoles;
use crate::knowledge::reading::source::Document;

/// How many parsed articles may wait for the merger before the parsers pause: enough to keep
/// every core busy, few enough to keep memory flat on a 10,000-article directory.
const READ_AHEAD: usize = 64;

/// An article as its parser left it.
pub struct Read<'d> {
    pub document: &'d Document,
    pub parsed: ParsedArticle,
    /// Whether undecodable bytes were replaced, for a warning.
    pub lossy: bool,
}

/// Calls `merge` with each of `documents` parsed, in the order given.
/// `known` are the role names known before reading (`roles.toml`).
pub fn read_in_order<'d>(
    documents: &[&'d Document],
    known: &KnownRoles,
    mut merge: impl FnMut(Read<'d>),
) {
    // A single document is not worth a thread.
    let parsers = match documents.len() {
        0 | 1 => 0,
        count => thread::available_parallelism()
            .map_or(1, |cores| NonZeroUsize::get(cores).saturating_sub(1).max(1))
            .min(count),
    };
    let next = AtomicUsize::new(0);
    let (send, receive) = mpsc::sync_channel(READ_AHEAD);
    thread::scope(|scope| {
        let mut started = 0;
        for _ in 0..parsers {
            let (send, next) = (send.clone(), &next);
            let parser = thread::Builder::new()
                .name("kb-parser".into())
                .spawn_scoped(scope, move || loop {
                    let at = next.fetch_add(1, Ordering::Relaxed);
                    let Some(document) = documents.get(at) else {
                        break;
                    };
                    // The merger only stops early by panicking; nothing is left to do then.
                    if send.send((at, read(document, known))).is_err() {
                        break;
                    }
                });
            started += usize::from(parser.is_ok());
        }
        drop(send);
        if started == 0 {
            // No thread wanted, or none to be had: read here, one by one.
            documents
                .iter()
                .map(|d| read(d, known))
                .for_each(&mut merge);
            return;
        }
        merge_in_order(receive, &mut merge);
    });
}

/// Hands each article to `merge` once every article before it has been. Parsers take
/// articles in order, so the few that arrive early wait here only briefly.
fn merge_in_order<'d>(
    receive: mpsc::Receiver<(usize, Read<'d>)>,
    merge: &mut impl FnMut(Read<'d>),
) {
    let mut early: BTreeMap<usize, Read<'d>> = BTreeMap::new();
    let mut due = 0;
    for (at, read) in receive {
        early.insert(at, read);
        while let Some(read) = early.remove(&due) {
            merge(read);
            due += 1;
        }
    }
}

fn read<'d>(document: &'d Document, known: &KnownRoles) -> Read<'d> {
    let (text, lossy) = document.text();
    Read {
        document,
        parsed: parse_document_knowing(&document.path, &text, known),
        lossy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hands_every_article_over_parsed_and_in_document_order() {
        let documents = crate::synthetic::articles(300, 7);
        let sources: Vec<&Document> = documents.iter().collect();
        let mut seen = Vec::new();
        read_in_order(&sources, &KnownRoles::default(), |read| {
            assert_eq!(read.parsed, parse_article(&read.document.text().0));
            assert!(!read.lossy);
            seen.push(read.document.path.clone());
        });
        let expected: Vec<String> = documents.iter().map(|d| d.path.clone()).collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn reads_one_document_or_none() {
        let documents = crate::synthetic::articles(1, 7);
        let mut count = 0;
        read_in_order(&[&documents[0]], &KnownRoles::default(), |_| count += 1);
        read_in_order(&[], &KnownRoles::default(), |_| count += 10);
        assert_eq!(count, 1);
    }
}
