//! Job-board answers rendered from store results, including hostile ones.

use super::*;
use crate::jobs::board::PER_PAGE;
use crate::jobs::model::{Board, JobDraft, JobPage, Salary};
use crate::reply::terminal::{render, Colour};

fn job(id: i64, title: &str) -> Job {
    Job {
        id,
        board: Board::server(1),
        draft: JobDraft {
            title: title.into(),
            company: "Acme".into(),
            location: "Berlin".into(),
            remote: true,
            employment_type: Some("Full Time".into()),
            level: Some("senior".into()),
            salary: Some(Salary {
                min: 90_000,
                max: 120_000,
                currency: "EUR".into(),
            }),
            apply_url: Some("https://acme.example/jobs/1".into()),
            roles: vec!["machine-learning-engineer".into()],
            expires_at: Some(1_798_761_600),
        },
        source: None,
        posted_at: 1_795_608_000,
        posted_by: "42".into(),
        updated_at: None,
        updated_by: None,
        version: 1,
    }
}

/// Page `page` of a listing of `total` jobs, as the board gives it.
fn page(jobs: Vec<Job>, total: usize, more: bool, page: usize) -> Listing {
    Listing {
        found: JobPage { jobs, total, more },
        page,
        pages: total.div_ceil(PER_PAGE).max(1),
    }
}

#[test]
fn a_listing_shows_each_job_with_its_id_terms_and_a_link_to_apply() {
    let listed = |n| page(vec![job(7, "ML Engineer")], 11, false, n);
    let reply = listing(&listed(2), &JobFilter::default(), &[]);
    let text = render(&reply, Colour::Plain);
    for expected in [
        "Featured jobs (11)",
        "ML Engineer\n",
        "Acme · Berlin · remote",
        "Full Time · Senior-level / Expert",
        "EUR 90K – 120K as posted",
        "Listed until 2026-12-31",
        "Job ID 7",
        "Page 2/3",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    assert!(!text.contains("#7"), "an id that reads as a rank:\n{text}");
    assert_eq!(
        reply.rows().len(),
        2,
        "previous/next buttons, then the links"
    );
    assert_eq!(
        reply.rows()[1],
        vec![
            Component::link("View / apply: ML Engineer", "https://acme.example/jobs/1")
                .expect("a link")
        ]
    );
}

#[test]
fn moderator_text_is_escaped() {
    let listed = |n| page(vec![job(1, "@everyone **hiring** <@&1>")], 1, false, n);
    let reply = listing(&listed(1), &JobFilter::default(), &[]);
    let body = &reply.embeds()[0].fields()[0].name;
    assert!(!body.contains("@everyone"), "{body}");
    assert!(!body.contains("**hiring**"), "{body}");
    assert!(
        body.ends_with("@\u{200B}everyone \\*\\*hiring\\*\\* <\u{200B}@\u{200B}&1\\>"),
        "{body}"
    );
}

#[test]
fn a_capped_count_says_there_are_more() {
    let listed = |n| page(vec![job(3, "Analyst")], 1000, true, n);
    let text = render(
        &listing(&listed(1), &JobFilter::default(), &[]),
        Colour::Plain,
    );
    assert!(text.contains("Featured jobs (1000+)"), "{text}");
    assert!(text.contains("Page 1/200"), "{text}");
    assert!(text.contains("narrow the filters"), "{text}");
}

#[test]
fn an_empty_listing_says_how_to_widen_it() {
    let listed = |n| page(vec![], 0, false, n);
    let text = render(
        &listing(&listed(1), &JobFilter::default(), &[]),
        Colour::Plain,
    );
    assert!(text.contains("No featured job matches"), "{text}");
}

#[test]
fn salaries_are_grouped_by_level_in_career_order() {
    let band = |level: Option<&str>, min, max, jobs| SalaryBand {
        level: level.map(str::to_owned),
        currency: "USD".into(),
        min,
        max,
        jobs,
    };
    let bands = [
        band(Some("senior"), 150_000, 200_000, 2),
        band(None, 70_000, 70_000, 1),
        band(Some("entry"), 60_000, 80_000, 3),
    ];
    let role = RoleSalaries {
        role: "Data Scientist".into(),
        posted: bands.to_vec(),
        stated: Vec::new(),
    };
    let text = render(&salary(&role), Colour::Plain);
    let entry = text.find("Entry-level / Junior").expect("entry level");
    let senior = text.find("Senior-level / Expert").expect("senior level");
    let none = text.find("Level not given").expect("no level");
    assert!(entry < senior && senior < none, "{text}");
    assert!(text.contains("USD 60K – 80K (from 3 jobs)"), "{text}");
    assert!(text.contains("USD 70K (from 1 job)"), "{text}");
}

#[test]
fn stated_and_posted_ranges_are_each_labelled_with_where_they_come_from() {
    let stated = |text: &str| Stated {
        text: text.into(),
        source: "Data Careers *Guide*".into(),
    };
    let posted = vec![SalaryBand {
        level: Some("mid".into()),
        currency: "USD".into(),
        min: 100_000,
        max: 130_000,
        jobs: 1,
    }];
    let both = RoleSalaries {
        role: "Data Engineer".into(),
        posted,
        stated: vec![stated("Entry Level: $75K - $95K"), stated("Senior: $140K+")],
    };
    let text = render(&salary(&both), Colour::Plain);
    assert!(text.contains("Posted · Mid-level"), "{text}");
    assert!(text.contains("Stated in articles"), "{text}");
    assert!(text.contains("Entry Level: $75K - $95K [1]"), "{text}");
    assert!(text.contains("[1] Data Careers Guide"), "{text}");
    let only_stated = RoleSalaries {
        posted: Vec::new(),
        ..both.clone()
    };
    let text = render(&salary(&only_stated), Colour::Plain);
    assert!(!text.contains("Posted"), "{text}");
    assert!(text.contains("Stated in articles"), "{text}");
    let none = RoleSalaries {
        stated: Vec::new(),
        ..only_stated
    };
    assert!(salary(&none).is_error());
    let side = render(&salaries(&[both.clone(), both]), Colour::Plain);
    assert!(
        side.contains("Posted") && side.contains("Stated in articles"),
        "{side}"
    );
}
