//! ictbot: answers questions about regional ICT cooperation from an indexed knowledge folder.
//!
//! Data flows one way: [`knowledge`] (the folder on disk) -> [`search`] (tantivy index and
//! ranking) -> [`answer`] (hits, calendar, confidence) -> the console or Telegram front ends.

pub mod admin;
pub mod answer;
pub mod calendar;
pub mod clock;
pub mod config;
pub mod console;
pub mod conversation;
pub mod delivery;
pub mod i18n;
pub mod knowledge;
pub mod meetings;
pub mod reminders;
pub mod search;
pub mod store;
pub mod telegram;
