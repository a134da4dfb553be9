//! Everything the bot must remember across restarts, in one SQLite file
//! (`DATA_DIR/ictbot.sqlite`): chats, button memory, processed updates, counters and the
//! outbox; reminders and admin data add their own tables.
//!
//! The file is created on first run and brought up to date by versioned migrations
//! (`migrations/NNN-name.sql`, applied in order at open). It runs in WAL mode with a busy
//! timeout, so the sender, the scheduler and the conversation can use it side by side.
//! Each concern adds its queries in a file of its own as `impl Store` blocks. Handled
//! updates and finished outbox rows are deleted after a week (`retention.rs`).

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicI64;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

pub mod buttons;
pub mod chats;
pub mod feedback;
pub mod outbox;
pub mod reloads;
pub mod reminders;
pub mod retention;
pub mod stats;
pub mod subscriptions;
pub mod unanswered;
pub mod updates;

use rusqlite::{Connection, Transaction};
use rusqlite_migration::{Migrations, M};

/// The store's file name inside `DATA_DIR`.
pub const FILE_NAME: &str = "ictbot.sqlite";
/// How long a statement waits for another connection's lock before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The schema, oldest first. Append new migrations; never edit one that has shipped.
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("migrations/001-init.sql")),
        M::up(include_str!("migrations/002-reminders.sql")),
        M::up(include_str!("migrations/003-admin.sql")),
        M::up(include_str!("migrations/004-follow-ups.sql")),
        M::up(include_str!("migrations/005-outbox-heads.sql")),
        M::up(include_str!("migrations/006-answer-messages.sql")),
        M::up(include_str!("migrations/007-retention.sql")),
    ])
}

/// A failure of the store, naming the file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: cannot open the database: {source} (check DATA_DIR and its permissions)")]
    Open { path: PathBuf, source: rusqlite::Error },
    #[error("{path}: cannot bring the database schema up to date: {source}")]
    Migrate { path: PathBuf, source: rusqlite_migration::Error },
    #[error("database: {0}")]
    Sql(#[from] rusqlite::Error),
}

/// The bot's SQLite store. One connection behind a mutex: statements are short, and SQLite
/// serialises writers anyway.
pub struct Store {
    conn: Mutex<Connection>,
    /// Unix second from which [`Store::prune_if_due`] runs again; before the first run, at once.
    prune_due_at: AtomicI64,
}

impl Store {
    /// Opens (creating when missing) `DATA_DIR/ictbot.sqlite` and migrates it.
    pub fn open_in(data_dir: &Path) -> Result<Store, StoreError> {
        Store::open(&data_dir.join(FILE_NAME))
    }

    /// Opens (creating when missing) the database at `path` and migrates it.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let open_err = |source| StoreError::Open { path: path.to_path_buf(), source };
        let mut conn = Connection::open(path).map_err(open_err)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
        // WAL lets readers proceed while the sender writes; NORMAL sync is durable in WAL
        // mode except for the last transactions on power loss (not on a process crash).
        conn.pragma_update(None, "journal_mode", "WAL").map_err(open_err)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(open_err)?;
        migrations().to_latest(&mut conn).map_err(|source| StoreError::Migrate { path: path.to_path_buf(), source })?;
        Ok(Store::with_connection(conn))
    }

    /// A private store in memory, for `ictbot ask`, the console and tests.
    pub fn in_memory() -> Result<Store, StoreError> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrations()
            .to_latest(&mut conn)
            .map_err(|source| StoreError::Migrate { path: PathBuf::from(":memory:"), source })?;
        Ok(Store::with_connection(conn))
    }

    fn with_connection(conn: Connection) -> Store {
        Store { conn: Mutex::new(conn), prune_due_at: AtomicI64::new(i64::MIN) }
    }

    /// The connection, for one short piece of work. A panic elsewhere while holding it
    /// leaves SQLite consistent (uncommitted work rolls back), so poisoning is ignored.
    pub(crate) fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `work` in one transaction: all of it is stored, or none.
    pub fn transaction<T>(
        &self,
        work: impl FnOnce(&Transaction<'_>) -> Result<T, rusqlite::Error>,
    ) -> Result<T, StoreError> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let value = work(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn a_file_store_is_created_and_reopened() {
        let dir = tempfile::tempdir().unwrap();
        drop(Store::open_in(dir.path()).unwrap());
        let store = Store::open_in(dir.path()).unwrap();
        let mode: String = store.conn().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
    }

    #[test]
    fn an_unusable_path_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let err = Store::open(&dir.path().join("missing/dir/x.sqlite")).err().unwrap();
        assert!(err.to_string().contains("missing/dir/x.sqlite"), "{err}");
    }
}
