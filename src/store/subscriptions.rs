//! Subscriptions to meeting reminders: which chat receives which organization's reminders
//! (`*` for all), in which language, with which lead times. A chat the sender marked
//! inactive (403) receives nothing until it writes again.

use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};

/// The organization code that stands for every organization.
pub const ALL: &str = "*";

/// A chat that receives an organization's reminders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscriber {
    pub chat_id: i64,
    /// The interface language code of whoever subscribed.
    pub language: Option<String>,
    /// The chat's own lead times in seconds, when it chose them.
    pub leads: Option<Vec<i64>>,
}

fn parse_leads(text: Option<String>) -> Option<Vec<i64>> {
    let leads: Vec<i64> = text?.split(',').filter_map(|s| s.trim().parse().ok()).collect();
    (!leads.is_empty()).then_some(leads)
}

/// The subscriptions (`s`) that still reach their chat: switched on, and the chat neither
/// blocks the bot nor has moved to a supergroup.
const RECEIVING: &str =
    "s.active = 1 AND NOT EXISTS (SELECT 1 FROM chat c WHERE c.id = s.chat_id AND (c.active = 0 OR c.migrated_to IS NOT NULL))";

impl Store {
    /// Subscribes `chat_id` to `organization` (a code such as `OTS`, or [`ALL`]); a chat that
    /// had blocked the bot and wrote again is switched back on. True when this is new.
    pub fn subscribe(
        &self,
        chat_id: i64,
        organization: &str,
        language: Option<&str>,
        now: i64,
    ) -> Result<bool, StoreError> {
        self.transaction(|tx| {
            let before: Option<i64> = tx
                .query_row(
                    "SELECT active FROM subscription WHERE chat_id = ?1 AND organization = ?2",
                    params![chat_id, organization],
                    |r| r.get(0),
                )
                .optional()?;
            tx.execute(
                "INSERT INTO subscription (chat_id, organization, language, active, created_at)
                 VALUES (?1, ?2, ?3, 1, ?4)
                 ON CONFLICT (chat_id, organization) DO UPDATE SET active = 1, language = excluded.language",
                params![chat_id, organization, language, now],
            )?;
            // Any message from a chat proves it no longer blocks the bot.
            tx.execute("UPDATE subscription SET active = 1 WHERE chat_id = ?1", params![chat_id])?;
            Ok(before != Some(1))
        })
    }

    /// Removes `chat_id`'s subscription to `organization`, or all of them when `None`;
    /// returns how many were removed.
    pub fn unsubscribe(&self, chat_id: i64, organization: Option<&str>) -> Result<usize, StoreError> {
        let conn = self.conn();
        let removed = match organization {
            Some(org) => conn
                .execute("DELETE FROM subscription WHERE chat_id = ?1 AND organization = ?2", params![chat_id, org])?,
            None => conn.execute("DELETE FROM subscription WHERE chat_id = ?1", params![chat_id])?,
        };
        Ok(removed)
    }

    /// The organizations `chat_id` is subscribed to (active only), sorted.
    pub fn subscriptions_of(&self, chat_id: i64) -> Result<Vec<String>, StoreError> {
        let conn = self.conn();
        let mut statement = conn
            .prepare("SELECT organization FROM subscription WHERE chat_id = ?1 AND active = 1 ORDER BY organization")?;
        let rows = statement.query_map(params![chat_id], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every active chat that receives `organization`'s reminders (directly or through
    /// [`ALL`]), once each, by chat id.
    pub fn subscribers(&self, organization: &str) -> Result<Vec<Subscriber>, StoreError> {
        let conn = self.conn();
        let mut statement = conn.prepare(&format!(
            "SELECT s.chat_id, MAX(s.language), l.leads FROM subscription s
             LEFT JOIN reminder_leads l ON l.chat_id = s.chat_id
             WHERE {RECEIVING} AND s.organization IN (?1, '*')
             GROUP BY s.chat_id ORDER BY s.chat_id"
        ))?;
        let rows = statement.query_map(params![organization], |r| {
            Ok(Subscriber { chat_id: r.get(0)?, language: r.get(1)?, leads: parse_leads(r.get(2)?) })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many active chats subscribe to each organization code (and to [`ALL`]), by code.
    pub fn subscriber_counts(&self) -> Result<Vec<(String, usize)>, StoreError> {
        let conn = self.conn();
        let mut statement = conn.prepare(&format!(
            "SELECT s.organization, COUNT(*) FROM subscription s
             WHERE {RECEIVING} GROUP BY s.organization ORDER BY s.organization"
        ))?;
        let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Sets `chat_id`'s own lead times (seconds before a meeting).
    pub fn set_leads(&self, chat_id: i64, leads: &[i64], now: i64) -> Result<(), StoreError> {
        let text = leads.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        self.conn().execute(
            "INSERT INTO reminder_leads (chat_id, leads, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (chat_id) DO UPDATE SET leads = excluded.leads, updated_at = excluded.updated_at",
            params![chat_id, text, now],
        )?;
        Ok(())
    }

    /// `chat_id`'s own lead times, if it chose them.
    pub fn leads_of(&self, chat_id: i64) -> Result<Option<Vec<i64>>, StoreError> {
        let text: Option<String> = self
            .conn()
            .query_row("SELECT leads FROM reminder_leads WHERE chat_id = ?1", params![chat_id], |r| r.get(0))
            .optional()?;
        Ok(parse_leads(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chat_subscribed_to_all_and_one_is_a_subscriber_once() {
        let store = Store::in_memory().unwrap();
        assert!(store.subscribe(1, "OTS", Some("ru"), 0).unwrap());
        assert!(!store.subscribe(1, "OTS", Some("ru"), 0).unwrap());
        store.subscribe(1, ALL, Some("ru"), 0).unwrap();
        store.subscribe(2, "SCO", None, 0).unwrap();
        store.set_leads(2, &[3600], 0).unwrap();
        let ots: Vec<i64> = store.subscribers("OTS").unwrap().iter().map(|s| s.chat_id).collect();
        assert_eq!(ots, [1]);
        let sco = store.subscribers("SCO").unwrap();
        assert_eq!(sco.len(), 2);
        assert_eq!(sco[1].leads, Some(vec![3600]));
        assert_eq!(store.subscriptions_of(1).unwrap(), ["*", "OTS"]);
        assert_eq!(store.unsubscribe(1, Some("OTS")).unwrap(), 1);
        assert_eq!(store.unsubscribe(1, None).unwrap(), 1);
        assert!(store.subscriptions_of(1).unwrap().is_empty());
    }

    #[test]
    fn a_blocked_chat_receives_nothing_until_it_subscribes_again() {
        let store = Store::in_memory().unwrap();
        store.subscribe(5, "SCO", None, 0).unwrap();
        store.deactivate_chat(5, 1).unwrap();
        assert!(store.subscribers("SCO").unwrap().is_empty());
        store.transaction(|tx| crate::store::chats::seen(tx, 5, "private", None, 2)).unwrap();
        assert_eq!(store.subscribers("SCO").unwrap().len(), 1);
    }

    #[test]
    fn counts_are_per_organization_and_leave_out_blocked_chats() {
        let store = Store::in_memory().unwrap();
        for (chat, org) in [(1, "OTS"), (2, "OTS"), (2, "SCO"), (3, ALL), (4, "SCO")] {
            store.subscribe(chat, org, None, 0).unwrap();
        }
        store.deactivate_chat(4, 1).unwrap();
        let counts = store.subscriber_counts().unwrap();
        assert_eq!(counts, [("*".to_string(), 1), ("OTS".to_string(), 2), ("SCO".to_string(), 1)]);
    }
}
