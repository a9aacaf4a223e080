//! The reader measured on the question corpus (`tests/questions/`): every question read with
//! the shipped knowledge base and compared with its expected reading. Prints the accuracy
//! per intent, for the tuning set and the held-out set apart, and fails below 95% over all.

use std::collections::BTreeMap;
use std::path::Path;

use rolecall::advisor::reader::{self, Reading};
use rolecall::knowledge::text::words::normalize;
use rolecall::knowledge::Section;
use serde::Deserialize;

use crate::support::shipped_kb;

/// The accuracy below which the test fails, over every question.
const REQUIRED: f64 = 0.95;

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
}

fn load(name: &str) -> Vec<Question> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/questions")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
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
    reader::read(kb, &question.text, topic.as_ref())
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
    (!wrong.is_empty()).then(|| wrong.join(", "))
}

/// Right and total per intent, and the misreadings.
struct Score {
    per_intent: BTreeMap<String, (usize, usize)>,
    misread: Vec<String>,
}

impl Score {
    fn of(questions: &[Question]) -> Score {
        let mut score = Score {
            per_intent: BTreeMap::new(),
            misread: Vec::new(),
        };
        for question in questions {
            let reading = reading_of(question);
            let entry = score.per_intent.entry(question.intent.clone()).or_default();
            entry.1 += 1;
            match mismatch(question, &reading) {
                None => entry.0 += 1,
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

    fn report(&self, name: &str) -> String {
        let mut out = format!(
            "{name}: {}/{} = {:.1}%\n",
            self.right(),
            self.total(),
            100.0 * self.right() as f64 / self.total().max(1) as f64
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

#[test]
fn the_reader_reads_the_question_corpus() {
    let tuning = Score::of(&load("tuning.toml"));
    let held_out = Score::of(&load("held_out.toml"));
    println!("{}", tuning.report("tuning"));
    println!("{}", held_out.report("held out"));
    let right = tuning.right() + held_out.right();
    let total = tuning.total() + held_out.total();
    assert!(total >= 200, "the corpus has {total} questions");
    let accuracy = right as f64 / total as f64;
    println!("all: {right}/{total} = {:.1}%", 100.0 * accuracy);
    assert!(
        accuracy >= REQUIRED,
        "{:.1}% of the corpus read right, under {:.0}%:\n{}\n{}",
        100.0 * accuracy,
        100.0 * REQUIRED,
        tuning.report("tuning"),
        held_out.report("held out")
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
