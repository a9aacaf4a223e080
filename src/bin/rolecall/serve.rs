//! `rolecall run`, `serve-http` and `register`: the binary's Discord side. The settings,
//! the service over the knowledge and the store, the bot and the front end it serves
//! through; signals (SIGINT and SIGTERM stop, SIGHUP reloads); other processes followed.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use rolecall::config::Settings;
use rolecall::discord::gateway::{self, Registration};
use rolecall::discord::{self, signature::Verifier, Bot};
use rolecall::jobs::board::Boards;
use rolecall::service::library::Library;
use rolecall::service::Service;

use super::{library, settings, train_the_reader, KnowledgeArg};

/// Where Discord's REST API is: Discord itself, unless a test points it at a fake, which
/// must be on this machine (the bot token is sent there). Said loudly when set.
fn api_base() -> anyhow::Result<Option<String>> {
    let Some(base) = std::env::var("ROLECALL_DISCORD_API")
        .ok()
        .filter(|v| !v.trim().is_empty())
    else {
        return Ok(None);
    };
    let origin = discord::rest::checked_api_base(&base)?;
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

pub fn run_gateway(knowledge: KnowledgeArg) -> anyhow::Result<ExitCode> {
    let settings = settings()?;
    let token = settings.token()?.clone();
    let library = library(&knowledge, &settings).context("loading the knowledge base")?;
    train_the_reader();
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    let api = api_base()?;
    let bot = Arc::new(bot(
        runtime.block_on(service(library, &settings))?,
        api.as_deref(),
    )?);
    reload_on_hangup(&runtime, bot.clone());
    follow_other_processes(&runtime, bot.clone(), &settings);
    super::delivery::deliver_alerts(&runtime, bot.clone(), &settings, api.as_deref())?;
    let http = gateway::http_client(token.expose(), api.as_deref(), settings.application_id);
    let handler =
        gateway::Handler::new(bot, settings.chat.clone(), registration(settings.guild_id))
            .with_message_content(settings.message_content);
    runtime.block_on(async {
        let mut client = gateway::client(http, handler)
            .await
            .context("creating the Discord client")?;
        let shards = client.shard_manager.clone();
        tokio::spawn(async move {
            shutdown_signal().await;
            shards.shutdown_all().await;
        });
        client
            .start_autosharded()
            .await
            .context("running the gateway client")
    })?;
    Ok(ExitCode::SUCCESS)
}

pub fn register(guild: Option<u64>) -> anyhow::Result<ExitCode> {
    let settings = settings()?;
    let token = settings.token()?.clone();
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    let count = runtime.block_on(async {
        let http = gateway::http_client(
            token.expose(),
            api_base()?.as_deref(),
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

pub fn serve_http(addr: Option<SocketAddr>, knowledge: KnowledgeArg) -> anyhow::Result<ExitCode> {
    let settings = settings()?;
    let verifier = Verifier::from_hex(settings.public_key()?)?;
    let library = library(&knowledge, &settings).context("loading the knowledge base")?;
    train_the_reader();
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    let api = api_base()?;
    let bot = Arc::new(bot(
        runtime.block_on(service(library, &settings))?,
        api.as_deref(),
    )?);
    reload_on_hangup(&runtime, bot.clone());
    follow_other_processes(&runtime, bot.clone(), &settings);
    super::delivery::deliver_alerts(&runtime, bot.clone(), &settings, api.as_deref())?;
    let addr = addr.unwrap_or(settings.http_addr);
    // With a bot token, new jobs are also announced in the server's jobs channel.
    let rest = settings
        .discord_token
        .as_ref()
        .map(|token| gateway::http_client(token.expose(), api.as_deref(), settings.application_id));
    runtime
        .block_on(discord::http::serve(
            addr,
            bot,
            verifier,
            rest,
            shutdown_signal(),
        ))
        .with_context(|| format!("serving on {addr}"))?;
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

/// Completes on SIGINT (Ctrl-C) or SIGTERM, so servers stop taking requests and finish the
/// ones in flight.
async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::warn!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
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
