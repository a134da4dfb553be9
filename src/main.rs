//! The `ictbot` binary: parses flags, loads the knowledge folder and starts the chosen job.

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use chrono_tz::Tz;
use clap::{Parser, Subcommand};

use ictbot::{console, knowledge, search::Engine};

/// Answers questions about regional ICT cooperation from an indexed knowledge folder.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// The knowledge folder (documents/, facts.toml, meetings.toml, aliases.toml).
    #[arg(long, global = true, env = "KNOWLEDGE_DIR", default_value = "knowledge")]
    knowledge: PathBuf,
    /// Time zone that decides what "today" is for meeting questions.
    #[arg(long, global = true, env = "BOT_TIMEZONE", default_value = "Asia/Almaty")]
    timezone: String,
    /// Answer as if today were this date (YYYY-MM-DD), for reproducible runs.
    #[arg(long, global = true, env = "ICTBOT_TODAY")]
    today: Option<NaiveDate>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Answer one question, or with --json every line of standard input.
    Ask {
        /// Read questions from standard input, one per line; write one JSON object per line.
        #[arg(long)]
        json: bool,
        /// The question (not with --json).
        question: Vec<String>,
    },
    /// Validate the knowledge folder and print a summary; exit status 1 on problems.
    Check,
    /// Chat in the console: read questions from standard input until end of input.
    Console,
}

fn main() -> ExitCode {
    let _ = dotenvy::dotenv();
    tracing_subscriber::fmt()
        .with_writer(io::stderr)
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()))
        .init();
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("ictbot: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let timezone: Tz = cli
        .timezone
        .parse()
        .map_err(|_| anyhow::anyhow!("BOT_TIMEZONE '{}' is not an IANA time zone such as Asia/Almaty", cli.timezone))?;
    let today = cli.today.unwrap_or_else(|| chrono::Utc::now().with_timezone(&timezone).date_naive());

    if let Some(Command::Check) = cli.command {
        return Ok(check(&cli.knowledge));
    }
    let knowledge = knowledge::load(&cli.knowledge)?;
    let engine = Engine::build(knowledge).context("building the search index")?;
    let stdin = io::stdin();
    let stdout = io::stdout();
    match cli.command {
        Some(Command::Ask { json: true, .. }) => console::ask_json(&engine, stdin.lock(), stdout.lock(), today)?,
        Some(Command::Ask { json: false, question }) => {
            anyhow::ensure!(!question.is_empty(), "give a question: ictbot ask \"when did the SCO meet in Almaty?\"");
            let answer = ictbot::answer::answer(&engine, &question.join(" "), today);
            print!("{}", console::render_plain(&answer));
        }
        Some(Command::Check) => unreachable!("handled above"),
        Some(Command::Console) | None => {
            let interactive = stdin.is_terminal();
            console::chat(&engine, stdin.lock(), stdout.lock(), today, interactive)?;
        }
    }
    Ok(ExitCode::SUCCESS)
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
