//! The forum mode end to end: `/kb setup answer_forum:` with what it reports missing, new
//! posts answered in their thread or met with silence, a duplicate event, follow-ups, a
//! mentor's take-down, and a silent post in `/kb gaps`.

use std::time::Duration;

use serde_json::{json, Value};

use super::super::{drain, message, send_signal, user, wait_for, wait_with_timeout, BOT_ID};
use super::*;

#[test]
fn forum_posts_are_answered_in_their_thread_when_sure_and_met_with_silence_otherwise() {
    let discord = FakeDiscord::start(vec![("GUILD_CREATE".into(), guild_create())]);
    // A post whose THREAD_CREATE never comes: its forum is asked of Discord.
    if let Ok(mut channels) = discord.fake.channels.lock() {
        channels.insert(
            "7007".into(),
            thread("7007", FORUM, "What does an MLOps engineer need?"),
        );
    }
    let mut command = discord.rolecall(&["run"]);
    command
        .env("DATABASE_URL", crate::support::sqlite_url("gateway_forum"))
        .env("ROLECALL_MESSAGE_CONTENT", "true");
    let mut bot = command.spawn().expect("rolecall run starts");
    let logs = drain(bot.stderr.take());
    let fake = &discord.fake;
    let push = |event: (String, Value)| {
        discord
            .push
            .send(event)
            .expect("the fake gateway takes events");
    };

    // Connected: READY registers the commands, and GUILD_CREATE came right after it.
    wait_for(fake, &mut bot, "the bot to be ready", |requests| {
        requests.iter().any(|(m, _, _)| m == "PUT")
    });
    // Set-up, one call after the other (the last one names the answer forum): a text
    // channel, a forum closed to the bot's posts, then the forum.
    for (id, forum) in [
        ("2401", TEXT_CHANNEL),
        ("2402", CLOSED_FORUM),
        ("2403", FORUM),
    ] {
        push(("INTERACTION_CREATE".into(), setup_forum(id, forum)));
        wait_for(fake, &mut bot, "the set-up's answer", answered(id));
    }

    let long = format!(
        "ML engineer vs data specialist: which one should I pick?\n{}",
        "Thanks in advance to everyone who reads this long post. ".repeat(80)
    );
    let long: String = long.chars().take(4_000).collect();
    let answerable = "What's the difference between an ML engineer and a data specialist?";
    let mut image_only = said("7003", "7003", "");
    image_only["attachments"] = json!([{ "id": "9100", "filename": "chart.png", "size": 2048,
        "url": "https://cdn.discordapp.com/attachments/1/2/chart.png",
        "proxy_url": "https://media.discordapp.net/attachments/1/2/chart.png",
        "content_type": "image/png", "width": 64, "height": 64 }]);
    let events = [
        post("7001", FORUM, "ML engineer or data specialist?", answerable).to_vec(),
        post(
            "7002",
            FORUM,
            "Rotating the staging DB password",
            "- Generate the new secret with `nwctl secrets rotate staging-db`\n- Restart the \
             `api-staging` deployment\n\nTook about ten minutes today. Corrections welcome.",
        )
        .to_vec(),
        vec![
            (
                "THREAD_CREATE".into(),
                thread("7003", FORUM, "My skills chart"),
            ),
            ("MESSAGE_CREATE".into(), image_only),
        ],
        post("7004", FORUM, "Which one?", &long).to_vec(),
        post(
            "7005",
            FORUM,
            "Weaving",
            "What does a Quantum Basket Weaver do?",
        )
        .to_vec(),
        // The same question in another forum, and in a text channel: not the bot's to answer.
        post(
            "7006",
            CLOSED_FORUM,
            "ML engineer or data specialist?",
            answerable,
        )
        .to_vec(),
        vec![(
            "MESSAGE_CREATE".into(),
            said("7008", TEXT_CHANNEL, answerable),
        )],
        vec![(
            "MESSAGE_CREATE".into(),
            said("7007", "7007", "What skills does an MLOps engineer need?"),
        )],
        // The first post again, as a replay after a reconnect would bring it.
        post("7001", FORUM, "ML engineer or data specialist?", answerable).to_vec(),
    ];
    for event in events.into_iter().flatten() {
        push(event);
    }
    wait_for(fake, &mut bot, "the answers in three threads", |requests| {
        ["7001", "7004", "7007"]
            .iter()
            .all(|thread| !sent_in(requests, thread).is_empty())
    });

    // Follow-ups: a mention in the first thread, a reply to the answer in the long one
    // (no mention), and a message that addresses no one.
    let mut mention = said("7101", "7001", "<@1000> and the tools?");
    mention["mentions"] = json!([user(BOT_ID, "rolecall")]);
    let long_answer = sent_in(&fake.requests(), "7004")[0].0;
    let mut reply = said("7102", "7004", "and the skills?");
    reply["type"] = json!(19);
    reply["referenced_message"] = message(&long_answer.to_string(), "");
    reply["referenced_message"]["author"] = user(BOT_ID, "rolecall");
    reply["referenced_message"]["channel_id"] = json!("7004");
    reply["message_reference"] =
        json!({ "message_id": long_answer.to_string(), "channel_id": "7004" });
    for event in [mention, reply, said("7103", "7001", "thanks, that helps")] {
        push(("MESSAGE_CREATE".into(), event));
    }
    wait_for(fake, &mut bot, "the follow-ups", |requests| {
        sent_in(requests, "7001").len() >= 2 && sent_in(requests, "7004").len() >= 2
    });

    // The first answer taken down: refused for a member, done for a mentor; then the gaps.
    let first_answer = sent_in(&fake.requests(), "7001")
        .into_iter()
        .find(|(_, body)| body["message_reference"]["message_id"] == "7001")
        .map(|(id, _)| id)
        .expect("the first post's answer");
    push((
        "INTERACTION_CREATE".into(),
        take_down("2404", first_answer, "7001"),
    ));
    wait_for(fake, &mut bot, "the member's refusal", answered("2404"));
    push((
        "INTERACTION_CREATE".into(),
        as_manager(take_down("2405", first_answer, "7001")),
    ));
    push(("INTERACTION_CREATE".into(), kb("2406", "gaps", json!([]))));
    wait_for(fake, &mut bot, "the take-down and the gaps", |requests| {
        answered("2405")(requests) && answered("2406")(requests)
    });
    // Time for anything still on its way (the duplicate post, the unaddressed message).
    std::thread::sleep(Duration::from_millis(1500));
    send_signal(&bot, "-TERM");
    let status = wait_with_timeout(&mut bot);
    let logs = logs.join().unwrap_or_default();
    let requests = fake.requests();

    // IDENTIFY: the forum mode's intents, Message Content among them.
    let identify = fake
        .recorded
        .lock()
        .ok()
        .and_then(|r| r.identify.clone())
        .expect("identified");
    assert_eq!(
        identify["intents"],
        1 | (1 << 9) | (1 << 12) | (1 << 15),
        "GUILDS | GUILD_MESSAGES | DIRECT_MESSAGES | MESSAGE_CONTENT"
    );

    // Set-up: each says what the forum mode lacks there.
    let not_a_forum = fake.find("POST", "callback/2401").expect("answered");
    let missing = field(&not_a_forum, "Forum mode: missing");
    assert!(missing.contains("not a forum channel"), "{not_a_forum}");
    let closed = fake.find("POST", "callback/2402").expect("answered");
    let missing = field(&closed, "Forum mode: missing");
    assert!(
        missing.contains("<#5600>: give it Send Messages in Threads")
            && !missing.contains("View Channel")
            && !missing.contains("Message Content"),
        "{missing}"
    );
    let ready = fake.find("POST", "callback/2403").expect("answered");
    assert_eq!(ready["data"]["flags"], 64, "{ready}");
    assert!(
        field(&ready, "Answer forum").starts_with("<#5500>"),
        "{ready}"
    );
    assert_eq!(field(&ready, "Forum mode"), "Ready: nothing is missing.");

    // The answerable post: answered once, in its thread, as a reply to the post.
    let in_first: Vec<Value> = sent_in(&requests, "7001")
        .into_iter()
        .map(|(_, body)| body)
        .collect();
    let answers: Vec<&Value> = in_first
        .iter()
        .filter(|body| body["message_reference"]["message_id"] == "7001")
        .collect();
    assert_eq!(
        answers.len(),
        1,
        "one answer to one post, replayed or not: {answers:?}"
    );
    let answer = answers[0];
    assert_eq!(
        answer["embeds"][0]["title"],
        "Machine Learning Engineer vs Data Specialist"
    );
    assert_eq!(
        answer["allowed_mentions"],
        json!({ "parse": [], "replied_user": false })
    );
    let ids: Vec<&str> = answer["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().into_iter().flatten())
        .filter_map(|c| c["custom_id"].as_str())
        .collect();
    assert_eq!(ids.last(), Some(&"forum_answer:remove"), "{ids:?}");
    assert!(
        ids.iter()
            .all(|id| id.starts_with("vote:") || *id == "forum_answer:remove"),
        "no browsing buttons that would replace the answer for everyone: {ids:?}"
    );

    // Follow-ups, with the thread's topic; the unaddressed message left alone.
    let follow_up = in_first
        .iter()
        .find(|body| body["message_reference"]["message_id"] == "7101")
        .expect("the mention answered");
    let title = follow_up["embeds"][0]["title"].as_str().unwrap_or_default();
    assert!(title.ends_with("— Tools"), "{title}");
    assert_eq!(in_first.len(), 2, "thanks, that helps: not answered");
    let in_long = sent_in(&requests, "7004");
    assert_eq!(in_long.len(), 2, "{in_long:?}");
    assert_eq!(
        in_long[0].1["embeds"][0]["title"], "Machine Learning Engineer vs Data Specialist",
        "a 4,000-character post read by its opening"
    );
    let title = in_long[1].1["embeds"][0]["title"]
        .as_str()
        .unwrap_or_default();
    assert!(
        title.ends_with("— Skills"),
        "a reply to the answer: {title}"
    );
    let fetched = sent_in(&requests, "7007");
    assert_eq!(fetched.len(), 1);
    assert_eq!(fetched[0].1["embeds"][0]["title"], "MLOps Engineer: Skills");
    assert!(requests
        .iter()
        .any(|(m, p, _)| m == "GET" && p == "channels/7007"));

    // Silence: a post that asks nothing of the bot, an image alone, a question the bot
    // cannot answer with confidence, another forum, a text channel.
    for quiet in ["7002", "7003", "7005", "7006", TEXT_CHANNEL] {
        assert!(
            sent_in(&requests, quiet).is_empty(),
            "{quiet} got an answer"
        );
    }

    let refused = fake.find("POST", "callback/2404").expect("refusal");
    assert_eq!(refused["type"], 4);
    assert_eq!(refused["data"]["flags"], 64, "privately: {refused}");
    let removed = fake.find("POST", "callback/2405").expect("take-down");
    assert_eq!(
        removed["type"], 7,
        "the answer replaced in place: {removed}"
    );
    assert_eq!(
        removed["data"]["content"],
        "A mentor took this answer down."
    );
    assert_eq!(removed["data"]["embeds"], json!([]));
    assert_eq!(removed["data"]["components"], json!([]));
    crate::oracle::check_interaction_response(&removed).expect("a valid update");

    let gaps = fake.find("POST", "callback/2406").expect("gaps");
    assert!(
        gaps.to_string().contains("quantum basket weaver"),
        "a silent post counts as a gap: {gaps}"
    );

    for (_, path, body) in &requests {
        if path.starts_with("channels/") && path.ends_with("/messages") {
            crate::spec::check_message(body).expect("a message as Discord describes it");
        }
    }
    let unexpected: Vec<&String> = requests
        .iter()
        .map(|(_, p, _)| p)
        .filter(|p| p.starts_with("unexpected"))
        .collect();
    assert!(unexpected.is_empty(), "{unexpected:?}");
    assert!(status.success(), "{status}\n{logs}");
}
