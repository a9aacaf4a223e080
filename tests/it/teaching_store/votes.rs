//! Votes on answers on both backends: one per member per answer, a second click changing
//! it; counted per server; forgotten once an article about their roles came after them.

use rolecall::teaching::store::votes::{Ballot, Vote, VotedAnswer};

use super::*;

fn answer(command: &str, roles: &[&str], aspect: Option<&str>) -> VotedAnswer {
    VotedAnswer {
        command: command.to_owned(),
        roles: roles.iter().map(|r| (*r).to_owned()).collect(),
        aspect: aspect.map(str::to_owned),
    }
}

fn ballot(guild: u64, message: u64, voter: &str) -> Ballot<'_> {
    Ballot {
        guild,
        message,
        voter,
    }
}

on_both_backends!(votes_count_once_per_member_and_answer, |store| {
    let compare = answer(
        "compare",
        &["data-engineer", "data-scientist"],
        Some("tools"),
    );
    let role = answer("role", &["data-engineer"], None);
    let vote = |b, a: &VotedAnswer, v, at| {
        let store = store.clone();
        let a = a.clone();
        async move { store.record_vote(b, &a, v, at).await.expect("vote") }
    };
    vote(ballot(GUILD, 900, "7"), &compare, Vote::Down, NOW).await;
    vote(ballot(GUILD, 900, "8"), &compare, Vote::Down, NOW + 1).await;
    vote(ballot(GUILD, 900, "8"), &compare, Vote::Down, NOW + 2).await;
    vote(ballot(GUILD, 901, "9"), &compare, Vote::Down, NOW + 3).await;
    vote(ballot(GUILD, 902, "7"), &role, Vote::Down, NOW + 4).await;
    vote(ballot(GUILD, 903, "7"), &role, Vote::Up, NOW + 5).await;
    // The same message updated in place to another answer: another vote.
    vote(ballot(GUILD, 900, "7"), &role, Vote::Down, NOW + 6).await;
    vote(ballot(OTHER_GUILD, 900, "7"), &role, Vote::Down, NOW).await;

    let down = store.voted_down(GUILD, 10).await.expect("voted down");
    let seen: Vec<(&str, i64, i64)> = down
        .iter()
        .map(|v| (v.answer.command.as_str(), v.votes, v.last_at))
        .collect();
    assert_eq!(seen, [("compare", 3, NOW + 3), ("role", 2, NOW + 6)]);
    assert_eq!(down[0].answer, compare, "read back as voted");
    assert_eq!(down[1].answer, role);

    // A second click changes the member's vote.
    vote(ballot(GUILD, 900, "8"), &compare, Vote::Up, NOW + 7).await;
    let down = store.voted_down(GUILD, 10).await.expect("voted down");
    let counts: Vec<i64> = down.iter().map(|v| v.votes).collect();
    assert_eq!(counts, [2, 2]);
    assert_eq!(down[0].answer, role, "ties: the most recent first");
    assert_eq!(store.voted_down(GUILD, 1).await.expect("limit").len(), 1);

    let other = store.voted_down(OTHER_GUILD, 10).await.expect("other");
    assert_eq!(other.len(), 1);
    assert_eq!(other[0].votes, 1);
});

on_both_backends!(
    votes_go_once_an_article_about_their_roles_came_after_them,
    |store| {
        let compare = answer("compare", &["data-engineer", "data-scientist"], None);
        let search = answer("search", &[], None);
        let analyst = answer("role", &["data-analyst"], Some("tips"));
        for (i, voted) in [&compare, &search, &analyst].into_iter().enumerate() {
            let message = 900 + u64::try_from(i).expect("small");
            for (at, voter) in [(NOW, "7"), (NOW + 10, "8")] {
                store
                    .record_vote(ballot(GUILD, message, voter), voted, Vote::Down, at)
                    .await
                    .expect("vote");
            }
        }
        store
            .record_vote(ballot(OTHER_GUILD, 900, "7"), &compare, Vote::Down, NOW)
            .await
            .expect("vote");
        // An article teaching Data Scientist, added between the two votes.
        let forgotten = store
            .forget_answered_votes(GUILD, |voted| {
                voted
                    .roles
                    .iter()
                    .any(|r| r == "data-scientist")
                    .then_some(NOW + 5)
            })
            .await
            .expect("forget");
        assert_eq!(forgotten, 1);
        let down = store.voted_down(GUILD, 10).await.expect("voted down");
        let counts: Vec<(&str, i64)> = down
            .iter()
            .map(|v| (v.answer.command.as_str(), v.votes))
            .collect();
        assert_eq!(counts, [("role", 2), ("search", 2), ("compare", 1)]);
        let other = store.voted_down(OTHER_GUILD, 10).await.expect("other");
        assert_eq!(other[0].votes, 1, "another server's votes stay");
    }
);
