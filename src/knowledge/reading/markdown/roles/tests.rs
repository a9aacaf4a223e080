use super::*;
use crate::knowledge::reading::markdown::names::read_name;

#[test]
fn a_role_is_found_again_under_other_spellings() {
    let mut roles = RoleSet::default();
    let id = roles.add(&read_name("Site Reliability Engineer").expect("a name"));
    for text in [
        "Site Reliability Engineers",
        "Site Reliability Engineer role",
        "The Site Reliability Engineer position",
        "**Site Reliability Engineer**",
        "SITE RELIABILITY ENGINEER",
        "2. Site Reliability Engineer",
    ] {
        assert_eq!(roles.find(text), Some(id), "{text:?}");
    }
    let governance = roles.add(&read_name("Data Governance Specialist").expect("a name"));
    assert_eq!(roles.find("Data Governance"), Some(governance));
    assert_eq!(roles.find("Data"), None);
}

#[test]
fn mentions_are_whole_names_in_any_case_and_number() {
    let mut roles = RoleSet::default();
    let mle = roles.add(&read_name("Machine Learning Engineers (MLE)").expect("a name"));
    let ds = roles.add(&read_name("Data Scientist").expect("a name"));
    assert_eq!(roles.mentioned("What does an MLE do?"), [mle]);
    assert_eq!(
        roles.mentioned("data scientists work with machine learning engineers"),
        [mle, ds]
    );
    assert!(roles.mentioned("data science").is_empty());
}
