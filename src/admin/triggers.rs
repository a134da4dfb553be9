//! Automatic reloads: on SIGHUP, and (with `--watch` / `WATCH_KNOWLEDGE=1`) about a second
//! after files in the knowledge folder stop changing. Each reload runs on a blocking thread
//! so the async workers keep answering; reloads are serialised by [`super::reload::reload`].
//!
//! Watching uses `notify` directly. The quiet period is kept here, across the whole folder, so
//! the storm of events an editor or `git pull` makes, over any number of files, reloads once.
//! Reads are ignored: inotify reports every open, and a reload opens every file, so counting
//! them would make each reload trigger the next (a debouncer that hides event kinds cannot
//! tell them apart, which is why none is used).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
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
    _watcher: RecommendedWatcher,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Watches the conversation's knowledge folder (recursively) and reloads once `debounce` has
/// passed with no change to any file in it. Must be called inside a tokio runtime.
pub fn watch(chat: Arc<Conversation>, debounce: Duration, after: AfterReload) -> Result<Watch, notify::Error> {
    let dir: PathBuf = chat.settings().knowledge_dir.clone();
    let (changes, mut changed) = mpsc::unbounded_channel::<()>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| match event {
        Ok(event) if changes_content(&event.kind) => {
            let _ = changes.send(());
        }
        Ok(_) => {}
        Err(err) => tracing::warn!("watching the knowledge folder: {err}"),
    })?;
    watcher.watch(&dir, RecursiveMode::Recursive)?;
    tracing::info!(dir = %dir.display(), "watching the knowledge folder");
    let task = tokio::spawn(async move {
        while changed.recv().await.is_some() {
            while let Ok(Some(())) = tokio::time::timeout(debounce, changed.recv()).await {}
            tracing::info!("the knowledge folder changed: reloading");
            reload_in_background(chat.clone(), Trigger::Watch).await;
            after();
        }
    });
    Ok(Watch { _watcher: watcher, task })
}

/// Whether an event may have changed what the folder holds: anything but a read (closing a
/// file after writing it counts as a change).
fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, ModifyKind};

    #[test]
    fn reads_are_not_changes_but_writes_are() {
        assert!(!changes_content(&EventKind::Access(AccessKind::Open(AccessMode::Read))));
        assert!(!changes_content(&EventKind::Access(AccessKind::Close(AccessMode::Read))));
        assert!(changes_content(&EventKind::Access(AccessKind::Close(AccessMode::Write))));
        assert!(changes_content(&EventKind::Create(CreateKind::File)));
        assert!(changes_content(&EventKind::Modify(ModifyKind::Any)));
        assert!(changes_content(&EventKind::Remove(notify::event::RemoveKind::File)));
    }
}
