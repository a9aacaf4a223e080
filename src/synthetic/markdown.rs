//! Generated Markdown articles in the shapes `knowledge::markdown` reads: an FAQ, a table, a
//! comparison with nested headings, a one-role profile, labelled lists and a mix, with
//! `<br>`, entities, CRLF line ends and a byte-order mark among them.

use super::{Rng, DOMAINS, INDUSTRIES, OBJECTS, SKILLS, VERBS};

/// How many shapes there are; `article` picks one by `shape % SHAPES`.
pub(super) const SHAPES: usize = 6;

/// One Markdown article about `a` and `b` (or `a` alone, for a profile).
pub(super) fn article(rng: &mut Rng, shape: usize, a: &str, b: &str) -> String {
    let text = match shape % SHAPES {
        0 => faq(rng, a, b),
        1 => table(rng, a, b),
        2 => nested(rng, a, b),
        3 => profile(rng, a),
        4 => labelled(rng, a, b),
        _ => mix(rng, a, b),
    };
    // Every other mix arrives from Windows, with a byte-order mark.
    if shape % (2 * SHAPES) == 2 * SHAPES - 1 {
        format!("\u{FEFF}{}", text.replace('\n', "\r\n"))
    } else {
        text
    }
}

fn duty(rng: &mut Rng) -> String {
    format!("{} and improve {}", rng.pick(&VERBS), rng.pick(&OBJECTS))
}

fn skill(rng: &mut Rng) -> String {
    format!(
        "Proficiency in {} and {}",
        rng.pick(&SKILLS),
        rng.pick(&SKILLS)
    )
}

fn tools(rng: &mut Rng) -> String {
    format!(
        "{}, {}, {}",
        rng.pick(&SKILLS),
        rng.pick(&SKILLS),
        rng.pick(&SKILLS)
    )
}

fn definition(rng: &mut Rng, role: &str) -> String {
    format!(
        "A {role} is a professional who works on {} &amp; {}.",
        rng.pick(&OBJECTS),
        rng.pick(&SKILLS)
    )
}

fn list(rng: &mut Rng, items: usize, make: fn(&mut Rng) -> String) -> String {
    (0..items).map(|_| format!("- {}\n", make(rng))).collect()
}

fn faq(rng: &mut Rng, a: &str, b: &str) -> String {
    let mut text = format!("# {a} vs {b}: FAQ\n\nQuestions people ask about both roles.\n\n");
    for role in [a, b] {
        text += &format!("## What is a {role}?\n\n{}\n\n", definition(rng, role));
        text += &format!("## What does a {role} do?\n\n{}\n\n", list(rng, 4, duty));
    }
    text += "## Which skills does each need?\n\n";
    for role in [a, b] {
        text += &format!("{role}:\n\n{}\n", list(rng, 4, skill));
    }
    text += "## What tools will I use?\n\n";
    for role in [a, b] {
        text += &format!("- {role}: {}\n", tools(rng));
    }
    text += "\n## Which one should I pick?\n\nPick the work you enjoy.\n";
    text
}

fn table(rng: &mut Rng, a: &str, b: &str) -> String {
    let mut text = format!("# {a} vs {b}\n\n| | {a} | {b} |\n|---|---|---|\n");
    text += &format!(
        "| Definition | {} | {} |\n",
        definition(rng, a),
        definition(rng, b)
    );
    text += &format!("| Focus | {} | {} |\n", duty(rng), duty(rng));
    text += &format!("| Skills | {} | {} |\n", tools(rng), tools(rng));
    text += &format!(
        "| Tools | {}<br>{} | {}<br>{} |\n",
        rng.pick(&SKILLS),
        rng.pick(&SKILLS),
        rng.pick(&SKILLS),
        rng.pick(&SKILLS)
    );
    text += &format!(
        "| Education | A degree in {} | A degree in {} |\n",
        rng.pick(&DOMAINS),
        rng.pick(&DOMAINS)
    );
    text += &format!(
        "| Industries | {} | {} |\n",
        rng.pick(&INDUSTRIES),
        rng.pick(&INDUSTRIES)
    );
    text
}

fn nested(rng: &mut Rng, a: &str, b: &str) -> String {
    let mut text = format!("# {a} vs. {b}\n\nHow the two roles compare.\n\n");
    for role in [a, b] {
        text += &format!("## {role}s\n\n{}\n\n", definition(rng, role));
        text += &format!("### Responsibilities\n\n{}\n", list(rng, 5, duty));
        text += &format!("### Skills\n\n{}\n", list(rng, 5, skill));
        text += &format!("### Tech stack\n\n- Tools: {}\n\n", tools(rng));
    }
    text += "## Career outlook\n\nDemand for both roles is growing.\n";
    text
}

fn profile(rng: &mut Rng, role: &str) -> String {
    let mut text = format!("# {role}\n\n{}\n\n", definition(rng, role));
    text += &format!("## A day in the life\n\n{}\n", list(rng, 5, duty));
    text += &format!("## What you need to know\n\n{}\n", list(rng, 5, skill));
    text += &format!("## Tech stack\n\n- Tools: {}\n\n", tools(rng));
    text += &format!(
        "## How to qualify\n\nA degree in {} helps.\n\n",
        rng.pick(&DOMAINS)
    );
    text += &format!(
        "## Where they work\n\n- {}\n- {}\n\n",
        rng.pick(&INDUSTRIES),
        rng.pick(&INDUSTRIES)
    );
    text += "## How to start\n\nBuild something small and show it.\n";
    text
}

fn labelled(rng: &mut Rng, a: &str, b: &str) -> String {
    let mut text = format!("# {a} vs {b}\n\n## Definitions\n\n");
    for role in [a, b] {
        text += &format!("**{role}:** {}\n\n", definition(rng, role));
    }
    text += "## Duties\n\n";
    for role in [a, b] {
        text += &format!("{role}:\n\n{}\n", list(rng, 5, duty));
    }
    text += "## Requirements\n\n";
    for role in [a, b] {
        text += &format!("- {role}\n{}", list(rng, 4, skill).replace("- ", "  - "));
    }
    text += "\n## Tools\n\n";
    for role in [a, b] {
        text += &format!("- {role}: {}\n", tools(rng));
    }
    text
}

fn mix(rng: &mut Rng, a: &str, b: &str) -> String {
    let mut text = format!("# {a} vs {b}\n\n## Responsibilities\n\n");
    for role in [a, b] {
        text += &format!("### {role} role\n\n{}\n", list(rng, 5, duty));
    }
    text += &format!("## Skills and tools\n\n| Role | Skills | Tools |\n|---|---|---|\n| {a} | {} | {} |\n| {b} | {} | {} |\n\n", tools(rng), tools(rng), tools(rng), tools(rng));
    text += "## Skills everyone mentions\n\n- Communication\n\n## Which should I choose?\n\nEither, with care.\n";
    text
}
