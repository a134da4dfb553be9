//! The `ictbot` binary: parses flags, loads the knowledge folder and starts the chosen job.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use chrono::NaiveDate;
use chrono_tz::Tz;
use clap::{Parser, Subcommand};

use ictbot::admin::triggers;
use ictbot::clock::{Clock, StartedAt, SystemClock};
use ictbot::config::{self, Config};
use ictbot::conversation::{subscriptions, Conversation, Reply, Settings};
use ictbot::delivery::Payload;
use ictbot::store::Store;
use ictbot::telegram::{self, Lifecycle};
use ictbot::{calendar, console, knowledge, reminders, search::Engine};

/// Answers questions about regional ICT cooperation from an indexed knowledge folder.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// The knowledge folder (documents/, facts.toml, meetings.toml, aliases.toml).
    #[arg(long, global = true, env = "KNOWLEDGE_DIR", default_value = "knowledge")]
    knowledge: PathBuf,
    /// IANA time zone that decides what "today" is for meeting questions.
    #[arg(long, global = true, env = "BOT_TIMEZONE", default_value = config::DEFAULT_TIMEZONE)]
    timezone: String,
    /// Answer as if today were this date (YYYY-MM-DD), for reproducible runs.
    #[arg(long, global = true, env = "ICTBOT_TODAY")]
    today: Option<NaiveDate>,
    /// Start the bot's clock at this RFC 3339 moment (then it advances in real time): for
    /// demos and checks of reminders.
    #[arg(long, global = true, env = "ICTBOT_NOW")]
    now: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Answer one question, or with --json every line of standard input.
    Ask {
        /// Read questions from standard input, one per line; write one JSON object per line.
        #[arg(long, conflicts_with = "question")]
        json: bool,
        /// The question (not with --json).
        question: Vec<String>,
    },
    /// Validate the knowledge folder and print a summary; exit status 1 on problems.
    Check,
    /// Conversation in the console: read questions from standard input until end of input.
    Console,
    /// Run the Telegram bot (long polling); the default when TELOXIDE_TOKEN is set.
    Serve {
        /// Reload the knowledge folder about a second after its files stop changing.
        #[arg(long, env = "WATCH_KNOWLEDGE", value_parser = clap::builder::BoolishValueParser::new())]
        watch: bool,
    },
    /// Write the meetings as an RFC 5545 calendar (.ics) to standard output.
    Calendar {
        /// Only this organization's meetings (any of its names: OTS, ШОС, Turkic Council…).
        #[arg(long)]
        org: Option<String>,
    },
}

/// Exit status when Telegram rejects the token: a supervisor should not restart the bot
/// until someone fixes it (systemd: `RestartPreventExitStatus=3`).
const EXIT_TOKEN_REJECTED: u8 = 3;

fn main() -> ExitCode {
    let _ = dotenvy::dotenv();
    init_logging();
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("ictbot: {err:#}");
            if err.downcast_ref::<telegram::PollError>().is_some() {
                ExitCode::from(EXIT_TOKEN_REJECTED)
            } else {
                ExitCode::from(2)
            }
        }
    }
}

/// Logs go to stderr, at `RUST_LOG` (default warn); `LOG_FORMAT=json` writes one JSON
/// object per line for log collectors; colours only when stderr is a terminal.
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into());
    let json = std::env::var("LOG_FORMAT").is_ok_and(|v| v.trim().eq_ignore_ascii_case("json"));
    let builder =
        tracing_subscriber::fmt().with_writer(io::stderr).with_env_filter(filter).with_ansi(io::stderr().is_terminal());
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

/// Runs the Telegram bot until SIGTERM or SIGINT, then stops gracefully (unsent messages stay
/// in the store); a second signal exits at once. SIGHUP reloads the knowledge folder, and so
/// does a change in it when `watch` is set.
fn serve(config: &Config, conversation: Conversation, watch: bool) -> anyhow::Result<()> {
    std::fs::create_dir_all(&config.data_dir)
        .with_context(|| format!("DATA_DIR: cannot create {}", config.data_dir.display()))?;
    let store = Store::open_in(&config.data_dir)?;
    let conversation =
        Arc::new(conversation.with_store(Arc::new(store)).with_unanswered_retention(config.unanswered_retention));
    let runtime = tokio::runtime::Runtime::new().context("starting the runtime")?;
    let result = runtime.block_on(async {
        let lifecycle = Lifecycle::default();
        let shutdown = lifecycle.shutdown.clone();
        tokio::spawn(async move {
            stop_signal().await;
            tracing::info!("stop signal received; stopping");
            shutdown.cancel();
            stop_signal().await;
            tracing::warn!("second stop signal; exiting at once");
            std::process::exit(130);
        });
        let wake = lifecycle.clone();
        let after_reload: triggers::AfterReload = Arc::new(move || wake.wake());
        #[cfg(unix)]
        triggers::spawn_sighup(conversation.clone(), after_reload.clone(), lifecycle.shutdown.clone())
            .context("listening for SIGHUP")?;
        let _watch = match watch {
            true => Some(
                triggers::watch(conversation.clone(), triggers::WATCH_DEBOUNCE, after_reload)
                    .context("watching the knowledge folder")?,
            ),
            false => None,
        };
        telegram::run(config, conversation, lifecycle).await
    });
    // Do not wait for a blocking task that might still be answering.
    runtime.shutdown_timeout(Duration::from_secs(1));
    result
}

/// SIGTERM (systemd, docker, Kubernetes) or SIGINT (Ctrl-C).
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = tokio::signal::ctrl_c() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Some(Command::Check) = cli.command {
        return Ok(check(&cli.knowledge));
    }
    // The bot's settings are validated before the (slow) index build, so a typo in .env is
    // reported at once; `ask` and `console` do not need them.
    let config = match cli.command {
        Some(Command::Serve { .. }) | None => Some(Config::from_env()?),
        _ => None,
    };
    if let (Some(Command::Serve { .. }), Some(Config { token: None, .. })) = (&cli.command, &config) {
        anyhow::bail!(
            "TELOXIDE_TOKEN is not set: put the token from @BotFather in .env (see .env.example), or run `ictbot console` to chat in the terminal"
        );
    }
    // Parsed here rather than by clap so the one-line error names BOT_TIMEZONE.
    let timezone: Tz = config::parse_timezone(&cli.timezone)?;
    let clock: Arc<dyn Clock> = match &cli.now {
        Some(now) => Arc::new(StartedAt::new(config::parse_now(now)?)),
        None => Arc::new(SystemClock),
    };
    let reminder_leads = match (&config, std::env::var("REMINDER_LEADS")) {
        (Some(config), _) => config.reminder_leads.clone(),
        (None, Ok(list)) if !list.trim().is_empty() => config::parse_reminder_leads(&list)?,
        _ => Vec::new(),
    };
    let knowledge = knowledge::load(&cli.knowledge)?;
    if let Some(Command::Calendar { org }) = &cli.command {
        let code = match org {
            Some(name) => Some(subscriptions::resolve_organization(&knowledge, name).with_context(|| {
                format!(
                    "--org: no organization called '{name}'; known: {}",
                    subscriptions::organizations(&knowledge).join(", ")
                )
            })?),
            None => None,
        };
        let text = calendar::organization_calendar(&knowledge, code.as_deref(), clock.now());
        io::stdout().lock().write_all(text.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let engine = Engine::build(knowledge).context("building the search index")?;
    let today = cli.today.unwrap_or_else(|| clock.now().with_timezone(&timezone).date_naive());
    let settings = Settings {
        knowledge_dir: cli.knowledge.clone(),
        admin_ids: config.as_ref().map(|c| c.admin_ids.clone()).unwrap_or_default(),
        timezone,
        today: cli.today,
    };
    let stdin = io::stdin();
    let stdout = io::stdout();
    match cli.command {
        Some(Command::Ask { json: true, .. }) => console::ask_json(&engine, stdin.lock(), stdout.lock(), today)?,
        Some(Command::Ask { json: false, question }) => {
            anyhow::ensure!(!question.is_empty(), "give a question: ictbot ask \"when did the SCO meet in Almaty?\"");
            let conversation = Conversation::new(engine, settings).with_clock(clock);
            console::ask(&conversation, &question.join(" "), stdout.lock())?;
        }
        Some(Command::Check) | Some(Command::Calendar { .. }) => unreachable!("handled above"),
        Some(Command::Console) | Some(Command::Serve { .. }) | None => {
            let conversation =
                Conversation::new(engine, settings).with_clock(clock).with_reminder_leads(reminder_leads);
            if let Some(config) = config.filter(|c| c.token.is_some()) {
                // Without the subcommand, WATCH_KNOWLEDGE still applies.
                let watch = match cli.command {
                    Some(Command::Serve { watch }) => watch,
                    _ => std::env::var("WATCH_KNOWLEDGE").is_ok_and(|v| {
                        !["", "0", "false", "no", "off"].contains(&v.trim().to_ascii_lowercase().as_str())
                    }),
                };
                serve(&config, conversation, watch)?;
                return Ok(ExitCode::SUCCESS);
            }
            if cli.command.is_none() {
                eprintln!("ictbot: TELOXIDE_TOKEN is not set, so the Telegram bot is not started; chatting in the console instead (see .env.example to set up the bot).");
            }
            // The console keeps subscriptions across runs only when DATA_DIR is set.
            let conversation = match std::env::var("DATA_DIR").ok().filter(|d| !d.trim().is_empty()) {
                Some(dir) => {
                    let dir = PathBuf::from(dir);
                    std::fs::create_dir_all(&dir)
                        .with_context(|| format!("DATA_DIR: cannot create {}", dir.display()))?;
                    conversation.with_store(Arc::new(Store::open_in(&dir)?))
                }
                None => conversation,
            };
            let conversation = Arc::new(conversation);
            console_reminders(conversation.clone());
            console::chat(&conversation, stdin.lock(), stdout.lock(), stdin.is_terminal())?;
            // Whatever fell due while the last lines were answered.
            print_console_reminders(&conversation);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints the console chat's reminders as they fall due, from a thread of their own.
fn console_reminders(conversation: Arc<Conversation>) {
    std::thread::spawn(move || loop {
        print_console_reminders(&conversation);
        std::thread::sleep(reminders::TICK);
    });
}

fn print_console_reminders(conversation: &Arc<Conversation>) {
    let scheduler = reminders::Scheduler::new(conversation.clone());
    if let Err(err) = scheduler.tick() {
        tracing::error!("reminders: {err}");
        return;
    }
    match reminders::take_for_chat(conversation, console::CONSOLE_CHAT_ID) {
        Ok(payloads) => {
            let mut out = io::stdout().lock();
            for payload in payloads {
                let reply = match payload {
                    Payload::Message(message) => Reply::Message(message),
                    Payload::Document { file_name, mime, text, caption } => {
                        Reply::Document { file_name, mime, text, caption }
                    }
                };
                let _ = console::print_reply(&mut out, reply);
            }
            let _ = out.flush();
        }
        Err(err) => tracing::error!("reminders: {err}"),
    }
}

fn check(dir: &std::path::Path) -> ExitCode {
    match knowledge::load(dir) {
        Ok(k) => {
            println!(
                "{}: ok — {} documents, {} passages, {} facts, {} meetings, {} alias groups, {} translations, {} synonym groups",
                dir.display(),
                k.documents.len(),
                k.paragraph_count(),
                k.facts.len(),
                k.meetings.len(),
                k.aliases.len(),
                k.translations.len(),
                k.synonyms.len()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{err}");
            ExitCode::from(1)
        }
    }
}
