use super::*;
use crate::commands::line::Naming;
use crate::commands::parse_line;
use crate::knowledge::reading::source::embedded_documents;

/// 2026-11-25T12:00:00Z.
const NOW: i64 = 1_795_608_000;

fn kb() -> KnowledgeBase {
    KnowledgeBase::from_documents(&embedded_documents(), "embedded").expect("shipped knowledge")
}

/// The job a `/job post` line's fields make; the line is read by the command layer, as in
/// production.
fn post(options: &str) -> Result<JobDraft, FieldError> {
    let inv =
        parse_line(&format!("/job post {options}"), &|_| Naming::No).expect("the line parses");
    draft(&crate::commands::job::fields(&inv), &kb(), NOW)
}

const BASE: &str = "title:\"ML Engineer\" company:Acme location:Berlin remote:false";

#[test]
fn a_full_post_is_read_into_a_draft() {
    let job = post(&format!(
        "{BASE} employment_type:full-time level:senior salary_min:90000 salary_max:120000 \
         currency:eur apply_url:https://acme.example/jobs/1 role:mle role_2:\"data scientist\" \
         expires:2026-12-31"
    ))
    .expect("valid");
    assert_eq!(job.title, "ML Engineer");
    assert_eq!(job.employment_type.as_deref(), Some("Full Time"));
    assert_eq!(job.level.as_deref(), Some("senior"));
    assert_eq!(
        job.salary,
        Some(Salary {
            min: 90_000,
            max: 120_000,
            currency: "EUR".into()
        })
    );
    assert_eq!(job.roles, ["machine-learning-engineer", "data-scientist"]);
    assert_eq!(
        format_date(job.expires_at.expect("expiry") - 1),
        "2026-12-31"
    );
}

#[test]
fn each_refusal_names_its_field() {
    let field = |options: &str| post(&format!("{BASE} {options}")).unwrap_err().field;
    assert_eq!(
        field("salary_min:5 salary_max:4 currency:USD"),
        "salary_max"
    );
    assert_eq!(field("salary_min:5"), "currency");
    assert_eq!(field("currency:USD"), "currency");
    assert_eq!(field("apply_url:http://acme.example/jobs"), "apply_url");
    assert_eq!(field("apply_url:\"https://acme .example\""), "apply_url");
    assert_eq!(field("apply_url:https://localhost"), "apply_url");
    assert_eq!(field("expires:2026-11-25"), "expires");
    assert_eq!(field("expires:2026-02-30"), "expires");
    assert_eq!(field("expires:soon"), "expires");
    assert_eq!(field("role:astronaut"), "role");
}

#[test]
fn one_salary_bound_is_a_single_amount() {
    let job = post(&format!("{BASE} salary_max:100000 currency:USD")).expect("valid");
    let salary = job.salary.expect("salary");
    assert_eq!((salary.min, salary.max), (100_000, 100_000));
}

#[test]
fn white_space_is_folded_and_blank_text_refused() {
    let job =
        post("title:\"  ML   Engineer \" company:Acme location:Berlin remote:true").expect("valid");
    assert_eq!(job.title, "ML Engineer");
    assert_eq!(
        plain_text("title", " \u{3000} ").unwrap_err().field,
        "title"
    );
}

#[test]
fn edits_are_checked_against_the_job_they_change() {
    let job = post(&format!(
        "{BASE} salary_min:90000 salary_max:120000 currency:USD"
    ))
    .expect("valid");
    let lower_max = JobChanges {
        salary_max: Some(80_000),
        ..JobChanges::default()
    };
    assert_eq!(
        apply(job.clone(), lower_max).unwrap_err().field,
        "salary_max"
    );
    let retitled = JobChanges {
        title: Some("Staff ML Engineer".into()),
        currency: Some("GBP".into()),
        ..JobChanges::default()
    };
    let edited = apply(job, retitled).expect("valid edit");
    assert_eq!(edited.title, "Staff ML Engineer");
    assert_eq!(edited.salary.expect("salary").currency, "GBP");
    assert_eq!(edited.company, "Acme");
}

#[test]
fn dates_round_trip_through_the_civil_calendar() {
    for date in [
        "1970-01-01",
        "2000-02-29",
        "2026-11-25",
        "2100-03-01",
        "9999-12-31",
    ] {
        let day = parse_date(date).expect("a date");
        assert_eq!(
            format_date(day.midnight().assume_utc().unix_timestamp()),
            date
        );
    }
    let today = parse_date("2026-11-25").expect("a date");
    assert_eq!(
        today.midnight().assume_utc().unix_timestamp(),
        NOW - NOW % SECONDS_PER_DAY
    );
    assert_eq!(parse_date("1969-12-31"), None);
    assert_eq!(parse_date("2100-02-29"), None);
    assert_eq!(parse_date("2026-13-01"), None);
}
