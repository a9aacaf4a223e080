//! Checking replies against the oracle, and everything a user can ask about a knowledge base
//! and its roles.

use super::*;

pub(super) fn fail(what: &str, problem: &str) -> TestCaseError {
    TestCaseError::fail(format!("{what}:\n{problem}"))
}

/// Checks `reply`, sent as a new message and as an update, against the oracle.
pub(super) fn check_reply(asked: &str, reply: &Reply) -> Result<(), TestCaseError> {
    for body in [interaction_response(reply), update_response(reply)] {
        check_interaction_response(&body).map_err(|v| fail(&shorten(asked), &v))?;
    }
    Ok(())
}

/// The reply a user sees for `line`: the answer, or the problem explained.
pub(super) fn check_line(kb: &Arc<KnowledgeBase>, line: &str) -> Result<Reply, TestCaseError> {
    let reply = reply_to(kb, line);
    check_reply(line, &reply)?;
    check_menus(kb, line, &reply)?;
    Ok(reply)
}

/// Every option of every select menu in `reply`, and every button that carries a command
/// line, carries one that is answered, not refused: a choice never leads to "I couldn't
/// read that command" or "Unknown role".
pub(super) fn check_menus(
    kb: &Arc<KnowledgeBase>,
    asked: &str,
    reply: &Reply,
) -> Result<(), TestCaseError> {
    for component in reply.rows().iter().flatten() {
        let choices: Vec<(&str, &str)> = match component {
            Component::Select { options, .. } => options
                .iter()
                .map(|option| (option.label(), option.value()))
                .collect(),
            Component::Button {
                label,
                custom_id,
                disabled: false,
                ..
            } if custom_id.starts_with('/') => vec![(label.as_str(), custom_id.as_str())],
            _ => continue,
        };
        for (label, line) in choices {
            let first_time = MENU_LINES_ANSWERED
                .with_borrow_mut(|seen| seen.as_mut().is_none_or(|s| s.insert(line.to_owned())));
            if !first_time {
                continue;
            }
            let call = rolecall::advisor::read_line(kb, line);
            match call.and_then(|call| answer_call_from(kb, &call)) {
                // A first pick of two ("Compare which two roles?") asks for the second.
                Ok(_) | Err(rolecall::advisor::Problem::WhichRole(_)) => {}
                Err(problem) => {
                    return Err(fail(
                        &shorten(asked),
                        &format!("choice {label:?} carries {line:?}: {problem}"),
                    ));
                }
            }
        }
    }
    Ok(())
}

thread_local! {
    /// Menu lines already answered from the knowledge base [`check_knowledge_base`] is
    /// checking: every answer about a pair of roles offers the same few, so each is answered
    /// once. `None` outside it, where every line is answered.
    static MENU_LINES_ANSWERED: std::cell::RefCell<Option<HashSet<String>>> =
        const { std::cell::RefCell::new(None) };
}

/// Like [`check_line`] for a typed request, as the gateway or a plain question produces it.
pub(super) fn check_request(
    kb: &Arc<KnowledgeBase>,
    request: Request,
) -> Result<Reply, TestCaseError> {
    let call = Call {
        request,
        private: None,
    };
    let reply = answer_call_from(kb, &call).unwrap_or_else(|problem| problem.reply());
    let asked = format!("{:?}", call.request);
    check_reply(&asked, &reply)?;
    check_menus(kb, &asked, &reply)?;
    Ok(reply)
}

pub(super) fn check_autocomplete(kb: &KnowledgeBase, typed: &str) -> Result<(), TestCaseError> {
    check_choices(&autocomplete(kb, typed))
        .map_err(|v| fail(&format!("autocomplete {:?}", shorten(typed)), &v))
}

pub(super) fn shorten(text: &str) -> String {
    if text.chars().count() <= 300 {
        return text.to_owned();
    }
    format!("{}[…]", text.chars().take(300).collect::<String>())
}

/// "Page 2/5 · …" → (2, 5).
pub(super) fn page_of(footer: &str) -> Option<(usize, usize)> {
    let rest = footer.strip_prefix("Page ")?;
    let (page, rest) = rest.split_once('/')?;
    let total: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((page.parse().ok()?, total.parse().ok()?))
}

// ---------------------------------------------------------------------------------------------
// Everything a user can ask about a knowledge base and its roles

/// Questions about the whole knowledge base.
pub(super) fn check_general_questions(kb: &Arc<KnowledgeBase>) -> Result<(), TestCaseError> {
    for line in [
        "/roles",
        "/roles page:2",
        "/roles page:1000",
        "/jobs",
        "/jobs page:3",
        "/jobs level:senior remote:true",
        "/kb stats",
        "/help",
        "/match skills:python, sql, tableau",
        "which role fits python and sql?",
    ] {
        check_line(kb, line)?;
    }
    Ok(())
}

/// Every command about `role` (paired with `other` where a command needs two roles), as a
/// user types it and as the typed request; every page of its profile; questions naming it.
pub(super) fn check_role_questions(
    kb: &Arc<KnowledgeBase>,
    role: &Role,
    other: Option<&Role>,
) -> Result<(), TestCaseError> {
    for request in role_requests(role, other) {
        check_request(kb, request)?;
    }
    if role.slug.chars().count() <= usize::from(ROLE_MAX) {
        for line in role_lines(role, other) {
            check_line(kb, &line)?;
        }
    }
    for question in plain_questions(role, other) {
        check_line(kb, &question)?;
    }
    check_every_role_page(kb, role)?;
    for typed in name_prefixes(role) {
        check_autocomplete(kb, &typed)?;
    }
    Ok(())
}

pub(super) fn role_requests(role: &Role, other: Option<&Role>) -> Vec<Request> {
    let slug = || role.slug.clone();
    let mut requests = vec![
        KnowledgeRequest::Skills { role: slug() }.into(),
        KnowledgeRequest::Match {
            skills: competency_sample(role),
        }
        .into(),
        BoardRequest::Jobs {
            filter: JobFilter {
                role: Some(slug()),
                ..JobFilter::default()
            },
            page: 1,
        }
        .into(),
        BoardRequest::Salary {
            roles: vec![slug()],
        }
        .into(),
        KnowledgeRequest::Roles {
            filter: Some(role.name.clone()),
            page: 1,
        }
        .into(),
    ];
    if let Some(other) = other {
        let aspects = std::iter::once(None).chain(Section::ALL.map(Some));
        requests.extend(aspects.map(|aspect| {
            KnowledgeRequest::Compare {
                a: slug(),
                b: other.slug.clone(),
                aspect,
            }
            .into()
        }));
        requests.push(
            KnowledgeRequest::Path {
                from: Some(slug()),
                to: other.slug.clone(),
                skills: None,
            }
            .into(),
        );
    }
    requests
}

pub(super) fn role_lines(role: &Role, other: Option<&Role>) -> Vec<String> {
    let slug = &role.slug;
    let mut lines = vec![
        format!("/skills role:\"{slug}\""),
        format!("/skills {slug} private:true"),
        format!("/role role:\"{slug}\" page:2"),
        format!("/match skills:{}", competency_sample(role)),
        format!("/jobs role:\"{slug}\""),
        format!("/salary role:\"{slug}\""),
        format!("/roles filter:\"{slug}\""),
    ];
    if let Some(other) = other {
        let b = &other.slug;
        lines.push(format!("/compare role_a:\"{slug}\" role_b:\"{b}\""));
        for aspect in ["skills", "tools", "definition", "tips", "outlook"] {
            lines.push(format!(
                "/compare role_a:\"{slug}\" role_b:\"{b}\" aspect:{aspect}"
            ));
        }
        lines.push(format!("/compare {slug} {slug}"));
        lines.push(format!("/path from:\"{slug}\" to:\"{b}\""));
    }
    lines
}

pub(super) fn plain_questions(role: &Role, other: Option<&Role>) -> Vec<String> {
    let name = &role.name;
    let mut questions = vec![
        format!("what does a {name} do?"),
        format!("skills for {name}?"),
        format!("what tools does a {name} use"),
        format!("salary for {name}"),
        format!("jobs for {name}"),
    ];
    if let Some(other) = other {
        let b = &other.name;
        questions.push(format!("{name} vs {b}"));
        questions.push(format!("how do I move from {name} to {b}?"));
    }
    questions
}

/// Up to three of the role's competency names, as a user would list them.
pub(super) fn competency_sample(role: &Role) -> String {
    let names: Vec<&str> = role
        .competencies
        .iter()
        .take(3)
        .map(|c| c.name.as_str())
        .collect();
    if names.is_empty() {
        "python".to_owned()
    } else {
        names.join(", ")
    }
}

/// `/role` from page 1 until the footer says it is the last page.
pub(super) fn check_every_role_page(
    kb: &Arc<KnowledgeBase>,
    role: &Role,
) -> Result<(), TestCaseError> {
    for page in 1..=MAX_ROLE_PAGES {
        let reply = check_request(
            kb,
            KnowledgeRequest::Role {
                role: role.slug.clone(),
                aspect: None,
                focus: None,
                page,
            }
            .into(),
        )?;
        let footer = reply.embeds().first().map_or("", |e| e.footer_text());
        match page_of(footer) {
            Some((shown, total)) if shown < total => continue,
            Some(_) => return Ok(()),
            // A profile of one page has no page counter.
            None if page == 1 => return Ok(()),
            None => return Err(fail(&role.slug, &format!("no page in footer {footer:?}"))),
        }
    }
    Err(fail(&role.slug, "`/role` never reached its last page"))
}

/// What a user may have typed while looking for `role`.
pub(super) fn name_prefixes(role: &Role) -> Vec<String> {
    let chars: Vec<char> = role.name.chars().collect();
    let mut prefixes: Vec<String> = [1, 3, chars.len() / 2, chars.len()]
        .into_iter()
        .map(|n| chars[..n.min(chars.len())].iter().collect())
        .collect();
    prefixes.push(role.slug.clone());
    prefixes
}

/// Every role answers by its own slug and name, and autocomplete offers it for its name.
pub(super) fn check_roles_find_themselves(kb: &KnowledgeBase) -> Result<(), TestCaseError> {
    for role in &kb.roles {
        for query in [&role.slug, &role.name] {
            let found = kb.resolve(query).map(|r| r.slug.as_str());
            prop_assert_eq!(
                found,
                Ok(role.slug.as_str()),
                "resolving {:?}",
                shorten(query)
            );
        }
        let offered: Vec<String> = autocomplete(kb, &role.name)
            .into_iter()
            .map(|(_, value)| value)
            .collect();
        // A value longer than Discord allows cannot be the slug itself, but must still lead
        // back to the role.
        let leads_back = |value: &String| kb.resolve(value).is_ok_and(|r| r.slug == role.slug);
        prop_assert!(
            offered.contains(&role.slug)
                || (role.slug.chars().count() > 100 && offered.iter().any(leads_back)),
            "autocomplete of {:?} offers {:?}, not {:?}",
            shorten(&role.name),
            offered,
            shorten(&role.slug)
        );
    }
    Ok(())
}

/// The general questions and, for each of `roles`, every role question.
pub(super) fn check_knowledge_base(
    kb: &Arc<KnowledgeBase>,
    roles: &[&Role],
) -> Result<(), TestCaseError> {
    MENU_LINES_ANSWERED.set(Some(HashSet::new()));
    let checked = check_questions(kb, roles);
    MENU_LINES_ANSWERED.set(None);
    checked
}

pub(super) fn check_questions(
    kb: &Arc<KnowledgeBase>,
    roles: &[&Role],
) -> Result<(), TestCaseError> {
    check_general_questions(kb)?;
    for (i, role) in roles.iter().enumerate() {
        let other = roles
            .get(i + 1)
            .or_else(|| roles.first())
            .filter(|o| o.slug != role.slug);
        check_role_questions(kb, role, other.copied())?;
    }
    Ok(())
}
