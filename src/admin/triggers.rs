//! Automatic reloads: on SIGHUP, and (with `--watch` / `WATCH_KNOWLEDGE=1`) about a second
//! after files in the knowledge folder stop changing. Each reload runs on a blocking thread
//! so the async workers keep answering; reloads are serialised by [`super::reload::reload`].
//!
//! Watching uses `notify` through `notify-debouncer-mini`, which turns the storm of events an
//! editor or `git pull` makes into one batch per quiet period; batches that still follow one
//! another within that period are merged here, so a multi-file change reloads once.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{new_debouncer, DebounceEventResult, Debouncer};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use super::reload::{reload, Outcome, Trigger};
use crate::conversation::Conversation;

/// Quiet time after the last change before a watched folder is reloaded.
pub const WATCH_DEBOUNCE: Duration = Duration::from_secs(1);

/// Runs one reload on a blocking thread and returns its outcome.
pub async fn reload_in_background(chat: Arc<Conversation>, trigger: Trigger) -> Option<Outcome> {
    match tokio::task::spawn_blocking(move || reload(&chat, trigger)).await {
        Ok(outcome) => Some(outcome),
        Err(err) => {
            tracing::error!(trigger = trigger.as_str(), "the reload task failed: {err}");
            None
        }
    }
}

/// Called after each automatic reload (to wake the outbox sender for a failure notice).
pub type AfterReload = Arc<dyn Fn() + Send + Sync>;

/// Reloads on every SIGHUP until `shutdown` is cancelled. Must be called inside a tokio
/// runtime.
#[cfg(unix)]
pub fn spawn_sighup(
    chat: Arc<Conversation>,
    after: AfterReload,
    shutdown: CancellationToken,
) -> std::io::Result<tokio::task::JoinHandle<()>> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut hangups = signal(SignalKind::hangup())?;
    Ok(tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = shutdown.cancelled() => return,
                hangup = hangups.recv() => if hangup.is_none() { return },
            }
            tracing::info!("SIGHUP: reloading the knowledge folder");
            reload_in_background(chat.clone(), Trigger::Signal).await;
            after();
        }
    }))
}

/// A running folder watch; dropping it stops watching (so it ends with the bot's run).
pub struct Watch {
    _debouncer: Debouncer<notify_debouncer_mini::notify::RecommendedWatcher>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Watches the conversation's knowledge folder (recursively) and reloads `debounce` after
/// files stop changing. Must be called inside a tokio runtime.
pub fn watch(
    chat: Arc<Conversation>,
    debounce: Duration,
    after: AfterReload,
) -> Result<Watch, notify_debouncer_mini::notify::Error> {
    let dir: PathBuf = chat.settings().knowledge_dir.clone();
    let (changes, mut changed) = mpsc::unbounded_channel::<()>();
    // The debouncer is per path: a file's batch comes half the quiet time after its last
    // event, and the loop below waits the other half with no batch from any file, so the
    // reload starts about `debounce` after the last change to any file.
    let mut debouncer = new_debouncer(debounce / 2, move |result: DebounceEventResult| match result {
        Ok(events) if !events.is_empty() => {
            let _ = changes.send(());
        }
        Ok(_) => {}
        Err(err) => tracing::warn!("watching the knowledge folder: {err}"),
    })?;
    debouncer.watcher().watch(&dir, RecursiveMode::Recursive)?;
    tracing::info!(dir = %dir.display(), "watching the knowledge folder");
    let task = tokio::spawn(async move {
        while changed.recv().await.is_some() {
            // Files the debouncer reported in separate batches belong to one change when they
            // follow each other closely (an editor saving several files, a checkout).
            while let Ok(Some(())) = tokio::time::timeout(debounce / 2, changed.recv()).await {}
            tracing::info!("the knowledge folder changed: reloading");
            reload_in_background(chat.clone(), Trigger::Watch).await;
            after();
        }
    });
    Ok(Watch { _debouncer: debouncer, task })
}
