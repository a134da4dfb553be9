//! Interface text in English and Russian. Quotes from the sources are never translated;
//! only the bot's own words live here. `{n}`-style placeholders are filled by [`fill`].
//!
//! This file picks the language; the words live by kind: `texts.rs` (every sentence of the
//! conversation, [`Texts`]), `reminder_texts.rs` (subscriptions, reminders, announcements and
//! calendar files, [`ReminderTexts`]) and `formats.rs` (dates, meeting statuses and lead times).

mod formats;
mod reminder_texts;
mod texts;

pub use reminder_texts::ReminderTexts;
pub use texts::Texts;

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Ru,
}

/// Language codes whose speakers get the Russian interface (Russian is the common working
/// language of the region's officials).
pub const RUSSIAN_READERS: &[&str] = &["ru", "kk", "ky", "uz", "az", "tg", "be"];

impl Lang {
    /// The interface language for a Telegram `language_code` such as `ru` or `uz-Latn`.
    pub fn from_code(code: Option<&str>) -> Lang {
        let primary = code.unwrap_or_default().split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        if RUSSIAN_READERS.contains(&primary.as_str()) {
            Lang::Ru
        } else {
            Lang::En
        }
    }
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regional_languages_get_russian_and_others_english() {
        for code in ["ru", "kk", "ky", "uz", "az", "tg", "be", "ru-RU", "UZ"] {
            assert_eq!(Lang::from_code(Some(code)), Lang::Ru, "{code}");
        }
        for code in ["en", "tr", "de", "", "zz"] {
            assert_eq!(Lang::from_code(Some(code)), Lang::En, "{code}");
        }
        assert_eq!(Lang::from_code(None), Lang::En);
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(fill("{a} and {b}, {a}", &[("a", "1"), ("b", "2")]), "1 and 2, 1");
    }
}
