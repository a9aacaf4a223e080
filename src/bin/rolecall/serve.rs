//! `rolecall run`, `serve-http` and `register`: the binary's Discord side. The settings,
//! the service over the knowledge and the store, the bot and the front end it serves
//! through; signals (SIGINT and SIGTERM stop and drain: `shutdown`; SIGHUP reloads); the
//! operator's listener and socket activation (`listening`); other processes followed.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use rolecall::config::Settings;
use rolecall::discord::gateway::shards::ShardRange;
use rolecall::discord::gateway::{self, Registration};
use rolecall::discord::{self, signature::Verifier, Bot};
use rolecall::jobs::board::Boards;
use rolecall::service::library::Library;
use rolecall::service::Service;

use rolecall::discord::operations::Operations;

use super::shutdown::{self, Stop};
use super::{library, listening, settings, train_the_reader, KnowledgeArg, OperationsArg};

/// Where Discord's REST API is: Discord itself, unless a test points it at a fake, which
/// must be on this machine (the bot token is sent there). Said loudly when set.
fn api_base(settings: &Settings) -> anyhow::Result<Option<String>> {
    let Some(base) = &settings.discord_api else {
        return Ok(None);
    };
    let origin = discord::rest::checked_api_base(base)?;
    tracing::warn!(api = %origin, "ROLECALL_DISCORD_API is set: Discord calls go to a fake Discord, not discord.com");
    Ok(Some(origin))
}

/// The bot over `service`, downloading and editing deferred answers where `api` says.
fn bot(service: Service, api: Option<&str>) -> anyhow::Result<Bot> {
    Ok(Bot::new(service).with_rest(discord::rest::Rest::pointing_at(api)?))
}

fn registration(guild: Option<u64>) -> Registration {
    guild.map_or(Registration::Global, Registration::Guild)
}

pub fn run_gateway(
    operations: OperationsArg,
    knowledge: KnowledgeArg,
    range: Option<ShardRange>,
) -> anyhow::Result<ExitCode> {
    let settings = settings()?;
    let token = settings.token()?.clone();
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    let (stop, operations) = stop_and_operations(&runtime, &operations, &settings);
    let (bot, api) = start_bot(&runtime, &knowledge, &settings, &operations)?;
    let http = gateway::http_client(token.expose(), api.as_deref(), settings.application_id);
    let handler = gateway::Handler::new(
        bot.clone(),
        settings.chat.clone(),
        registration(settings.guild_id),
    )
    .with_message_content(settings.message_content);
    runtime.block_on(async {
        let mut client = gateway::client(http, handler)
            .await
            .context("creating the Discord client")?;
        let shards = client.shard_manager.clone();
        let (stopping, draining) = (stop.clone(), bot.clone());
        tokio::spawn(async move {
            stopping.asked().await;
            draining.in_flight().begin_draining();
            // Closes every shard's session cleanly; interactions already received go on.
            shards.shutdown_all().await;
        });
        if let Some(range) = range {
            tracing::info!(%range, "running part of the bot's gateway shards");
        }
        gateway::start(&mut client, range)
            .await
            .context("running the gateway client")?;
        shutdown::drain(&bot, &stop).await;
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The bot both front ends serve: the knowledge base loaded, the reader trained, the service
/// over the store; then what runs beside the front end (the operator's listener told it is
/// ready, reloads on SIGHUP, other processes followed, job alerts delivered). With the
/// Discord API base it talks to (a fake on this machine in tests).
fn start_bot(
    runtime: &tokio::runtime::Runtime,
    knowledge: &KnowledgeArg,
    settings: &Settings,
    operations: &Operations,
) -> anyhow::Result<(Arc<Bot>, Option<String>)> {
    let library = library(knowledge, settings).context("loading the knowledge base")?;
    train_the_reader();
    let api = api_base(settings)?;
    let bot = Arc::new(bot(
        runtime.block_on(service(library, settings))?,
        api.as_deref(),
    )?);
    operations.ready(bot.clone());
    reload_on_hangup(runtime, bot.clone());
    follow_other_processes(runtime, bot.clone(), settings);
    super::delivery::deliver_alerts(runtime, bot.clone(), settings, api.as_deref())?;
    Ok((bot, api))
}

/// Signals listened for from now on (a signal while the knowledge base loads is kept), and
/// the operator's listener, saying "loading" until the bot is ready.
fn stop_and_operations(
    runtime: &tokio::runtime::Runtime,
    arg: &OperationsArg,
    settings: &Settings,
) -> (Stop, Arc<Operations>) {
    let stop = {
        let _in_runtime = runtime.enter();
        Stop::listen(settings.drain_limit)
    };
    let addr = arg.metrics_addr.or(settings.metrics_addr);
    (stop, listening::operations(runtime, addr))
}

pub fn register(guild: Option<u64>) -> anyhow::Result<ExitCode> {
    let settings = settings()?;
    let token = settings.token()?.clone();
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    let count = runtime.block_on(async {
        let http = gateway::http_client(
            token.expose(),
            api_base(&settings)?.as_deref(),
            settings.application_id,
        );
        if http.application_id().is_none() {
            let application = http
                .get_current_application_info()
                .await
                .context("asking Discord for the application id (or set DISCORD_APPLICATION_ID)")?;
            http.set_application_id(application.id);
        }
        gateway::register(&http, registration(guild.or(settings.guild_id)))
            .await
            .context("registering commands")
    })?;
    println!("registered {count} commands");
    Ok(ExitCode::SUCCESS)
}

pub fn serve_http(
    addr: Option<SocketAddr>,
    operations: OperationsArg,
    knowledge: KnowledgeArg,
) -> anyhow::Result<ExitCode> {
    let settings = settings()?;
    let verifier = Verifier::from_hex(settings.public_key()?)?;
    // Listening before the knowledge base loads: connections wait in the queue meanwhile.
    let listener = listening::endpoint(addr.unwrap_or(settings.http_addr))?;
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    let (stop, operations) = stop_and_operations(&runtime, &operations, &settings);
    let (bot, api) = start_bot(&runtime, &knowledge, &settings, &operations)?;
    // With a bot token, new jobs are also announced in the server's jobs channel.
    let rest = settings
        .discord_token
        .as_ref()
        .map(|token| gateway::http_client(token.expose(), api.as_deref(), settings.application_id));
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let (stopping, draining) = (stop.clone(), bot.clone());
        let stop_accepting = async move {
            stopping.asked().await;
            draining.in_flight().begin_draining();
        };
        let serving = discord::http::serve(listener, bot.clone(), verifier, rest, stop_accepting);
        let out_of_time = {
            let stop = stop.clone();
            async move {
                let limit = stop.limit;
                let asked_at = stop.asked().await;
                tokio::time::sleep_until((asked_at + limit).into()).await;
            }
        };
        tokio::select! {
            served = serving => served?,
            () = out_of_time => tracing::warn!("drain limit reached: requests still in flight are dropped"),
        }
        shutdown::drain(&bot, &stop).await;
        std::io::Result::Ok(())
    })
    .context("serving Discord interactions")?;
    Ok(ExitCode::SUCCESS)
}

/// The service, its store opened and migrated now (a server that cannot keep jobs should
/// say so at start-up, not on the first `/job post`), and each server's articles read into
/// its own knowledge base.
async fn service(library: Library, settings: &Settings) -> anyhow::Result<Service> {
    let boards = Arc::new(Boards::new(settings.database_url.expose()));
    let service = Service::over(Arc::new(library), boards);
    service.owners().add(settings.owners.iter().copied());
    let store = service
        .store()
        .await
        .context("opening the job store (DATABASE_URL)")?;
    tracing::info!(backend = ?store.backend(), "job store ready");
    let servers = service.load_server_knowledge().await?;
    tracing::info!(servers, "servers' own knowledge bases built");
    Ok(service)
}

/// Reloads the shipped knowledge base on every SIGHUP, for as long as the process runs; the
/// service logs what each reload did. The handler is in place when this returns (before the
/// server listens), so an early SIGHUP reloads rather than ending the process. Not on other
/// platforms: they have no SIGHUP.
/// On PostgreSQL, other rolecall processes may share the database: keep every server's base
/// in step with the articles they add and remove (logged if it cannot).
fn follow_other_processes(runtime: &tokio::runtime::Runtime, bot: Arc<Bot>, settings: &Settings) {
    let url = settings.database_url.expose().to_owned();
    if !url.starts_with("postgres") {
        return;
    }
    runtime.spawn(async move {
        if let Err(error) = bot.service().follow_other_processes(&url).await {
            tracing::error!(
                error = format!("{error:#}"),
                "not following other processes: articles they add reach this one on restart"
            );
        }
    });
}

fn reload_on_hangup(runtime: &tokio::runtime::Runtime, bot: Arc<Bot>) {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let _in_runtime = runtime.enter();
        let mut hangups = match signal(SignalKind::hangup()) {
            Ok(hangups) => hangups,
            Err(error) => {
                tracing::warn!(%error, "cannot listen for SIGHUP: reload with /kb reload");
                return;
            }
        };
        runtime.spawn(async move {
            while hangups.recv().await.is_some() {
                tracing::info!("SIGHUP: reloading the knowledge base");
                bot.service().reload().await;
            }
        });
    }
    #[cfg(not(unix))]
    let _ = (runtime, bot);
}
