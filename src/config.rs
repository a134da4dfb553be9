//! Settings from the environment (and `.env`, loaded by the binary), validated once into
//! typed values. Every problem names the variable it comes from; the token is never printed.
//! `KNOWLEDGE_DIR`, `BOT_TIMEZONE` and `ICTBOT_TODAY` are flags as well, so the binary reads
//! them (through clap) and they are not repeated here.

use std::collections::BTreeSet;
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::meetings::Lead;

/// Lead times used when `REMINDER_LEADS` is not set.
pub const DEFAULT_REMINDER_LEADS: &str = "7d,1d";

/// Time zone used when `BOT_TIMEZONE` is not set.
pub const DEFAULT_TIMEZONE: &str = "Asia/Almaty";

/// A bot token as issued by @BotFather. Its `Debug` output hides the secret part.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// The full token, to hand to the Telegram client and nowhere else.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The bot id before the colon, safe to log.
    pub fn bot_id(&self) -> &str {
        self.0.split(':').next().unwrap_or_default()
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Token({}:…)", self.bot_id())
    }
}

/// Validated settings of the bot.
#[derive(Debug, Clone)]
pub struct Config {
    /// `TELOXIDE_TOKEN`; `None` when unset (the binary then offers the console chat).
    pub token: Option<Token>,
    /// `ADMIN_IDS`: Telegram user ids allowed to run /reload and /stats.
    pub admin_ids: BTreeSet<u64>,
    /// `DATA_DIR` (default `data`): where the SQLite store will live.
    pub data_dir: PathBuf,
    /// `TELOXIDE_API_URL`: a Bot API server other than api.telegram.org.
    pub api_url: Option<String>,
    /// `UNANSWERED_RETENTION_DAYS` (default 90): how long `/unanswered` keeps a question.
    pub unanswered_retention: Duration,
    /// `REMINDER_LEADS` (default `7d,1d`): how long before a meeting reminders are sent to
    /// chats that did not choose their own.
    pub reminder_leads: Vec<Lead>,
}

/// Days `/unanswered` keeps a question when `UNANSWERED_RETENTION_DAYS` is not set.
pub const DEFAULT_RETENTION_DAYS: u64 = 90;

/// A setting that is present but unusable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{variable}: {message}")]
pub struct ConfigError {
    pub variable: &'static str,
    pub message: String,
}

fn error(variable: &'static str, message: impl Into<String>) -> ConfigError {
    ConfigError { variable, message: message.into() }
}

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `lookup` (the environment in production, a map in tests).
    /// Empty values count as unset.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let get = |name: &str| lookup(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        let token = get("TELOXIDE_TOKEN").map(parse_token).transpose()?;
        let admin_ids = match get("ADMIN_IDS") {
            Some(list) => parse_admin_ids(&list)?,
            None => BTreeSet::new(),
        };
        let api_url = get("TELOXIDE_API_URL").map(parse_api_url).transpose()?;
        let retention_days = match get("UNANSWERED_RETENTION_DAYS") {
            Some(days) => parse_retention_days(&days)?,
            None => DEFAULT_RETENTION_DAYS,
        };
        let reminder_leads = match get("REMINDER_LEADS") {
            Some(list) => parse_reminder_leads(&list)?,
            None => Lead::parse_list(DEFAULT_REMINDER_LEADS).expect("the default leads parse"),
        };
        Ok(Config {
            token,
            admin_ids,
            data_dir: get("DATA_DIR").unwrap_or_else(|| "data".into()).into(),
            api_url,
            unanswered_retention: Duration::from_secs(retention_days * 24 * 3600),
            reminder_leads,
        })
    }
}

/// `123456:ABC-…`: digits, a colon, then letters, digits, `-` and `_`. The value is never
/// repeated in the message.
fn parse_token(value: String) -> Result<Token, ConfigError> {
    let valid = value.split_once(':').is_some_and(|(id, secret)| {
        !id.is_empty()
            && id.bytes().all(|b| b.is_ascii_digit())
            && secret.len() >= 20
            && secret.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    });
    if valid {
        Ok(Token(value))
    } else {
        Err(error(
            "TELOXIDE_TOKEN",
            "not a bot token (expected digits, a colon and the secret, as @BotFather gives it)",
        ))
    }
}

/// Comma-separated numeric user ids; blanks around commas are allowed.
pub fn parse_admin_ids(list: &str) -> Result<BTreeSet<u64>, ConfigError> {
    list.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            item.parse::<u64>().map_err(|_| {
                error(
                    "ADMIN_IDS",
                    format!(
                        "'{item}' is not a numeric Telegram user id (write ids separated by commas, e.g. 12345,67890)"
                    ),
                )
            })
        })
        .collect()
}

/// A whole number of days from 1 to 3650.
fn parse_retention_days(value: &str) -> Result<u64, ConfigError> {
    match value.parse::<u64>() {
        Ok(days) if (1..=3650).contains(&days) => Ok(days),
        _ => Err(error(
            "UNANSWERED_RETENTION_DAYS",
            format!("'{value}' is not a number of days from 1 to 3650 (the default is {DEFAULT_RETENTION_DAYS})"),
        )),
    }
}

/// An IANA time zone name such as `Asia/Almaty` (for `BOT_TIMEZONE`).
pub fn parse_timezone(name: &str) -> Result<Tz, ConfigError> {
    name.parse()
        .map_err(|_| error("BOT_TIMEZONE", format!("'{name}' is not an IANA time zone such as {DEFAULT_TIMEZONE}")))
}

/// `7d,1d` or `7d 1d 2h` (for `REMINDER_LEADS`).
pub fn parse_reminder_leads(list: &str) -> Result<Vec<Lead>, ConfigError> {
    Lead::parse_list(list).map_err(|err| error("REMINDER_LEADS", err.to_string()))
}

/// An RFC 3339 moment such as `2026-12-04T08:59:50+05:00` (for `ICTBOT_NOW`).
pub fn parse_now(value: &str) -> Result<DateTime<Utc>, ConfigError> {
    DateTime::parse_from_rfc3339(value.trim()).map(|t| t.with_timezone(&Utc)).map_err(|_| {
        error("ICTBOT_NOW", format!("'{value}' is not an RFC 3339 moment such as 2026-12-04T08:59:50+05:00"))
    })
}

fn parse_api_url(value: String) -> Result<String, ConfigError> {
    let rest = value.strip_prefix("http://").or_else(|| value.strip_prefix("https://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains(char::is_whitespace) => {
            Ok(value.trim_end_matches('/').to_string())
        }
        _ => Err(error("TELOXIDE_API_URL", format!("'{value}' is not an http(s) URL such as http://127.0.0.1:8081"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn defaults_apply_when_nothing_is_set() {
        let c = config(&[]).unwrap();
        assert!(c.token.is_none());
        assert!(c.admin_ids.is_empty());
        assert_eq!(c.data_dir, PathBuf::from("data"));
        assert_eq!(c.api_url, None);
        assert_eq!(c.unanswered_retention, Duration::from_secs(90 * 24 * 3600));
        assert_eq!(c.reminder_leads, [Lead(604_800), Lead(86_400)]);
    }

    #[test]
    fn retention_is_whole_days() {
        let c = config(&[("UNANSWERED_RETENTION_DAYS", "7")]).unwrap();
        assert_eq!(c.unanswered_retention, Duration::from_secs(7 * 24 * 3600));
        for bad in ["0", "-1", "two weeks", "99999"] {
            let err = config(&[("UNANSWERED_RETENTION_DAYS", bad)]).unwrap_err();
            assert_eq!(err.variable, "UNANSWERED_RETENTION_DAYS", "{bad}");
        }
    }

    #[test]
    fn reminder_leads_and_the_start_moment_are_checked() {
        assert_eq!(config(&[("REMINDER_LEADS", "2h, 3d")]).unwrap().reminder_leads, [Lead(259_200), Lead(7_200)]);
        let err = config(&[("REMINDER_LEADS", "7 days")]).unwrap_err();
        assert_eq!(err.variable, "REMINDER_LEADS");
        assert_eq!(parse_now("2026-12-04T09:00:00+05:00").unwrap().to_rfc3339(), "2026-12-04T04:00:00+00:00");
        assert_eq!(parse_now("tomorrow").unwrap_err().variable, "ICTBOT_NOW");
    }

    #[test]
    fn every_error_names_its_variable_and_never_echoes_the_token() {
        let secret = "123:not-a-valid-token with spaces";
        let err = config(&[("TELOXIDE_TOKEN", secret)]).unwrap_err();
        assert_eq!(err.variable, "TELOXIDE_TOKEN");
        assert!(!err.to_string().contains("not-a-valid"));
        let err = config(&[("ADMIN_IDS", "12, bob")]).unwrap_err();
        assert!(err.to_string().starts_with("ADMIN_IDS: 'bob'"), "{err}");
        let err = parse_timezone("Mars/Olympus").unwrap_err();
        assert_eq!(err.variable, "BOT_TIMEZONE");
        let err = config(&[("TELOXIDE_API_URL", "localhost:8081")]).unwrap_err();
        assert_eq!(err.variable, "TELOXIDE_API_URL");
    }

    #[test]
    fn valid_values_are_typed() {
        let c = config(&[
            ("TELOXIDE_TOKEN", "123456:ABCdefGHIjklMNOpqrSTUvwx_-yz"),
            ("ADMIN_IDS", " 1, 22 ,333,"),
            ("TELOXIDE_API_URL", "http://127.0.0.1:8081/"),
        ])
        .unwrap();
        let token = c.token.unwrap();
        assert_eq!(token.bot_id(), "123456");
        assert!(!format!("{token:?}").contains("ABC"));
        assert_eq!(c.admin_ids.into_iter().collect::<Vec<_>>(), [1, 22, 333]);
        assert_eq!(c.api_url.as_deref(), Some("http://127.0.0.1:8081"));
    }
}
