//! The forum mode's rows on both backends: the answer forum kept with the other settings,
//! each post claimed once (a duplicate event finds it taken), posts met with silence
//! forgotten after a week, and a take-down honoured on the server's own answers only.

use rolecall::teaching::store::forum::{TakeDown, QUIET_POSTS_KEPT_SECS};

use super::*;

on_both_backends!(the_answer_forum_is_kept_beside_the_mentor_role, |store| {
    store
        .set_mentor_role(GUILD, Some(777), "1", NOW)
        .await
        .expect("mentor role");
    let saved = store
        .set_answer_forum(GUILD, Some(5500), "1", NOW + 1)
        .await
        .expect("forum");
    assert_eq!(
        (saved.mentor_role, saved.answer_forum),
        (Some(777), Some(5500))
    );
    let other = store.settings(OTHER_GUILD).await.expect("settings");
    assert_eq!(other.answer_forum, None, "per server");
    let stopped = store
        .set_answer_forum(GUILD, None, "1", NOW + 2)
        .await
        .expect("off");
    assert_eq!(
        (stopped.mentor_role, stopped.answer_forum),
        (Some(777), None)
    );
});

on_both_backends!(
    a_post_is_claimed_once_and_a_quiet_one_forgotten_after_a_week,
    |store| {
        assert!(store
            .claim_forum_post(GUILD, 7001, NOW)
            .await
            .expect("first"));
        assert!(
            !store
                .claim_forum_post(GUILD, 7001, NOW + 5)
                .await
                .expect("again"),
            "a duplicate event finds the post taken"
        );
        assert!(store
            .claim_forum_post(GUILD, 7002, NOW)
            .await
            .expect("another post"));
        store
            .record_forum_answer(GUILD, 7002, 8002)
            .await
            .expect("answered");
        let week_later = NOW + QUIET_POSTS_KEPT_SECS + 1;
        assert!(
            store
                .claim_forum_post(GUILD, 7003, week_later)
                .await
                .expect("a new post"),
            "claiming sweeps old quiet posts"
        );
        assert!(
            store
                .claim_forum_post(GUILD, 7001, week_later)
                .await
                .expect("swept"),
            "a quiet post is forgotten after a week"
        );
        assert!(
            !store
                .claim_forum_post(GUILD, 7002, week_later)
                .await
                .expect("kept"),
            "an answered post is remembered"
        );
    }
);

on_both_backends!(an_answer_is_taken_down_once_in_its_own_server, |store| {
    assert!(store
        .claim_forum_post(GUILD, 7001, NOW)
        .await
        .expect("claim"));
    store
        .record_forum_answer(GUILD, 7001, 8001)
        .await
        .expect("answered");
    let elsewhere = store.take_down_forum_answer(OTHER_GUILD, 8001, NOW).await;
    assert_eq!(elsewhere.expect("read"), TakeDown::NotAnAnswer);
    let other_message = store.take_down_forum_answer(GUILD, 8999, NOW).await;
    assert_eq!(other_message.expect("read"), TakeDown::NotAnAnswer);
    let done = store.take_down_forum_answer(GUILD, 8001, NOW + 1).await;
    assert_eq!(done.expect("taken down"), TakeDown::Done);
    let again = store.take_down_forum_answer(GUILD, 8001, NOW + 2).await;
    assert_eq!(again.expect("read"), TakeDown::AlreadyDown);
});
