//! The reader measured on the question corpus (`tests/questions/`): every question read with
//! the shipped knowledge base and compared with its expected reading. Prints the accuracy
//! per intent, for the tuning questions and the held-back quarter apart. Fails when a
//! question of the ratchet (`reads_right.txt`) stops reading right, and when the first
//! corpus (`tuning.toml`, `held_out.toml`) reads under 95%.

use std::collections::BTreeMap;
use std::path::Path;

use rolecall::advisor::reader::{self, Reading};
use rolecall::knowledge::text::words::normalize;
use rolecall::knowledge::Section;
use rolecall::reply::escape::strip_mentions;
use serde::Deserialize;

use crate::support::shipped_kb;

/// The accuracy below which the test fails, over the first corpus.
const REQUIRED: f64 = 0.95;

/// The files of tuning questions; the held-back quarter is `held_back.toml`.
const TUNING: [&str; 3] = ["tuning.toml", "held_out.toml", "paraphrases.toml"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Corpus {
    question: Vec<Question>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Question {
    text: String,
    intent: String,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    aspect: Option<String>,
    #[serde(default)]
    items: Vec<String>,
    #[serde(default)]
    after: Option<String>,
    #[serde(default)]
    background: Option<String>,
    #[serde(default)]
    quality: Option<String>,
}

fn corpus_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/questions")
}

/// The questions of one file; none when the file is not there.
fn load(name: &str) -> Vec<Question> {
    let path = corpus_dir().join(name);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Vec::new();
    };
    let corpus: Corpus =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    corpus.question
}

/// The reading of a question, after its conversation's earlier question if it has one.
fn reading_of(question: &Question) -> Reading {
    let kb = shipped_kb();
    let topic = question
        .after
        .as_deref()
        .and_then(|after| reader::read(kb, after, None).topic());
    // As every way in hands a question over: Discord mentions stripped.
    reader::read(kb, &strip_mentions(&question.text), topic.as_ref())
}

/// Why a reading is not the expected one; `None` when it is.
fn mismatch(question: &Question, reading: &Reading) -> Option<String> {
    let mut wrong = Vec::new();
    if reading.intent.key() != question.intent {
        wrong.push(format!("intent {}", reading.intent.key()));
    }
    if reading.roles != question.roles {
        wrong.push(format!("roles {:?}", reading.roles));
    }
    let aspect = reading.aspect.map(Section::key);
    let aspect_checked =
        question.aspect.is_some() || matches!(question.intent.as_str(), "compare" | "profile");
    if aspect_checked && aspect != question.aspect.as_deref() {
        wrong.push(format!("aspect {aspect:?}"));
    }
    let read: Vec<String> = reading.items.iter().map(|i| normalize(i)).collect();
    // "leadership" is read in "leadership skills": the item as a whole word or words.
    let found = |item: &String| {
        let item = normalize(item);
        read.iter()
            .any(|r| *r == item || format!(" {r} ").contains(&format!(" {item} ")))
    };
    let missing: Vec<&String> = question.items.iter().filter(|item| !found(item)).collect();
    if !missing.is_empty() {
        wrong.push(format!("items {:?} (missing {missing:?})", reading.items));
    }
    if question.background.is_some()
        && reading.background.as_deref() != question.background.as_deref()
    {
        wrong.push(format!("background {:?}", reading.background));
    }
    let quality = reading.quality.map(|q| q.key);
    if question.quality.is_some() && quality != question.quality.as_deref() {
        wrong.push(format!("quality {quality:?}"));
    }
    (!wrong.is_empty()).then(|| wrong.join(", "))
}

/// Right and total per intent, the misreadings, and the questions read right.
struct Score {
    per_intent: BTreeMap<String, (usize, usize)>,
    misread: Vec<String>,
    right_texts: Vec<String>,
    /// Questions read more than one way, none clearly first, which the asker is asked
    /// about (their first reading is what is scored).
    asked_back: usize,
}

impl Score {
    fn of(questions: &[Question]) -> Score {
        let mut score = Score {
            per_intent: BTreeMap::new(),
            misread: Vec::new(),
            right_texts: Vec::new(),
            asked_back: 0,
        };
        for question in questions {
            let reading = reading_of(question);
            score.asked_back += usize::from(!reading.alternatives.is_empty());
            let entry = score.per_intent.entry(question.intent.clone()).or_default();
            entry.1 += 1;
            match mismatch(question, &reading) {
                None => {
                    entry.0 += 1;
                    score.right_texts.push(ratchet_line(question));
                }
                Some(why) => score.misread.push(format!(
                    "{:?} (want {}): {why}",
                    question.text, question.intent
                )),
            }
        }
        score
    }

    fn right(&self) -> usize {
        self.per_intent.values().map(|(right, _)| right).sum()
    }

    fn total(&self) -> usize {
        self.per_intent.values().map(|(_, total)| total).sum()
    }

    fn accuracy(&self) -> f64 {
        self.right() as f64 / self.total().max(1) as f64
    }

    fn report(&self, name: &str) -> String {
        let mut out = format!(
            "{name}: {}/{} = {:.1}%, {} asked back\n",
            self.right(),
            self.total(),
            100.0 * self.right() as f64 / self.total().max(1) as f64,
            self.asked_back
        );
        for (intent, (right, total)) in &self.per_intent {
            out.push_str(&format!("  {intent:<9} {right:>3}/{total:<3}\n"));
        }
        for misread in &self.misread {
            out.push_str(&format!("  misread: {misread}\n"));
        }
        out
    }
}

/// A question as the ratchet names it: its text, after its conversation's first question.
fn ratchet_line(question: &Question) -> String {
    match &question.after {
        Some(after) => format!("{after} ⟶ {}", question.text),
        None => question.text.clone(),
    }
}

fn load_all(names: &[&str]) -> Vec<Question> {
    names.iter().flat_map(|name| load(name)).collect()
}

#[test]
fn the_reader_reads_the_question_corpus() {
    let first = Score::of(&load_all(&["tuning.toml", "held_out.toml"]));
    let tuning = Score::of(&load_all(&TUNING));
    let held_back = Score::of(&load("held_back.toml"));
    println!("{}", tuning.report("tuning"));
    // The held-back quarter's totals only: its questions are not for reading.
    println!(
        "held back: {}/{} = {:.1}%, {} asked back",
        held_back.right(),
        held_back.total(),
        100.0 * held_back.accuracy(),
        held_back.asked_back
    );
    let right = tuning.right() + held_back.right();
    let total = tuning.total() + held_back.total();
    println!(
        "all: {right}/{total} = {:.1}%",
        100.0 * right as f64 / total.max(1) as f64
    );
    assert!(
        first.total() >= 200,
        "the first corpus has {} questions",
        first.total()
    );
    assert!(
        first.accuracy() >= REQUIRED,
        "{:.1}% of the first corpus read right, under {:.0}%:\n{}",
        100.0 * first.accuracy(),
        100.0 * REQUIRED,
        first.report("first corpus")
    );
    let mut reads_right: Vec<String> = tuning.right_texts.clone();
    reads_right.extend(held_back.right_texts.iter().cloned());
    check_ratchet(reads_right);
}

/// Every question of `reads_right.txt` still reads right; with `ROLECALL_RATCHET=write`, the
/// file is written anew from `reads_right` instead.
fn check_ratchet(mut reads_right: Vec<String>) {
    let path = corpus_dir().join("reads_right.txt");
    reads_right.sort();
    reads_right.dedup();
    if std::env::var("ROLECALL_RATCHET").as_deref() == Ok("write") {
        std::fs::write(&path, reads_right.join("\n") + "\n").expect("write the ratchet");
        return;
    }
    let expected = std::fs::read_to_string(&path).expect("tests/questions/reads_right.txt");
    let lost: Vec<&str> = expected
        .lines()
        .filter(|line| !line.is_empty() && reads_right.binary_search(&line.to_string()).is_err())
        .collect();
    assert!(
        lost.is_empty(),
        "{} question(s) of the ratchet no longer read right (fix them, or regenerate \
         reads_right.txt on purpose with ROLECALL_RATCHET=write):\n{}",
        lost.len(),
        lost.join("\n")
    );
}

/// The check itself: a wrong intent, wrong roles, a missing aspect and a missing item are
/// each a misreading.
#[test]
fn a_misreading_is_told() {
    let question = Question {
        text: "does a data scientist need a master's degree?".into(),
        intent: "yes-no".into(),
        roles: vec!["data-scientist".into()],
        aspect: Some("education".into()),
        items: vec!["master's degree".into()],
        after: None,
        background: None,
        quality: None,
    };
    let right = reading_of(&question);
    assert_eq!(mismatch(&question, &right), None);
    let mut wrong = right.clone();
    wrong.roles.clear();
    wrong.aspect = None;
    wrong.items.clear();
    let why = mismatch(&question, &wrong).expect("a misreading");
    for part in ["roles", "aspect", "items"] {
        assert!(why.contains(part), "{why}");
    }
}
