//! Runs the real `ictbot` binary with a clean environment, a fixed "today" and piped stdio.

use std::io::Write;
use std::process::{Command, Stdio};

/// Settings the binary reads from the environment; removed so the developer's `.env` or
/// shell cannot change what a test sees.
pub const VARIABLES: [&str; 8] = [
    "TELOXIDE_TOKEN",
    "ADMIN_IDS",
    "KNOWLEDGE_DIR",
    "DATA_DIR",
    "BOT_TIMEZONE",
    "TELOXIDE_API_URL",
    "WATCH_KNOWLEDGE",
    "UNANSWERED_RETENTION_DAYS",
];

/// Runs `ictbot args` in the crate root with `env` set and `stdin` piped in; returns the exit
/// code, stdout and stderr.
pub fn ictbot(args: &[&str], env: &[(&str, &str)], stdin: &str) -> (i32, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ictbot"));
    command.args(args).current_dir(env!("CARGO_MANIFEST_DIR")).env("ICTBOT_TODAY", "2026-11-26");
    for variable in VARIABLES {
        command.env_remove(variable);
    }
    command.envs(env.iter().copied());
    let mut child = command.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}
