//! Values written in the interface language: dates with their precision (Russian month
//! names in the right case), meeting statuses and reminder lead times.

use super::Lang;

/// Month names in the genitive case for day dates, and the nominative for month dates.
const MONTHS_RU_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const MONTHS_RU: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];

impl Lang {
    /// A date with its precision in this language: `12 December 2026` / `12 декабря 2026`,
    /// `December 2026` / `декабрь 2026`, `2026`.
    pub fn date(self, date: crate::knowledge::PartialDate) -> String {
        use crate::knowledge::PartialDate;
        use chrono::Datelike;
        match (self, date) {
            (Lang::En, date) => date.to_string(),
            (Lang::Ru, PartialDate::Day(d)) => {
                format!("{} {} {}", d.day(), MONTHS_RU_GENITIVE[d.month0() as usize], d.year())
            }
            (Lang::Ru, PartialDate::Month { year, month }) => {
                format!("{} {year}", MONTHS_RU[(month.clamp(1, 12) - 1) as usize])
            }
            (Lang::Ru, PartialDate::Year(year)) => format!("{year}"),
        }
    }

    /// A document's date with its label (`published`, `updated`) in this language:
    /// `published 1 October 2026` / `опубликовано 1 октября 2026`.
    pub fn dated(self, date: crate::knowledge::PartialDate, label: Option<&str>) -> String {
        let label = match (self, label) {
            (Lang::Ru, Some("published")) => Some("опубликовано"),
            (Lang::Ru, Some("updated")) => Some("обновлено"),
            (_, label) => label,
        };
        match label {
            Some(label) => format!("{label} {}", self.date(date)),
            None => self.date(date),
        }
    }

    /// The status of a meeting as a word: `planned` / `запланирована`.
    pub fn status(self, status: crate::knowledge::MeetingStatus) -> &'static str {
        use crate::knowledge::MeetingStatus;
        match (self, status) {
            (Lang::En, status) => status.as_str(),
            (Lang::Ru, MeetingStatus::Held) => "состоялась",
            (Lang::Ru, MeetingStatus::Planned) => "запланирована",
            (Lang::Ru, MeetingStatus::Proposed) => "предложена",
        }
    }

    /// A lead time in words: `7 days`, `1 day`, `2 hours` / `7 дн.`, `2 ч`.
    pub fn lead(self, seconds: i64) -> String {
        let (n, unit) = match seconds {
            s if s % 86_400 == 0 => (s / 86_400, 0),
            s if s % 3_600 == 0 => (s / 3_600, 1),
            s => (s / 60, 2),
        };
        match self {
            Lang::En => {
                let word = ["day", "hour", "minute"][unit];
                format!("{n} {word}{}", if n == 1 { "" } else { "s" })
            }
            Lang::Ru => format!("{n} {}", ["дн.", "ч", "мин"][unit]),
        }
    }
}

impl Lang {
    /// How long the bot has been running: `3h 05m` / `3 ч 05 мин`.
    pub fn uptime(self, seconds: u64) -> String {
        let (hours, minutes) = (seconds / 3600, seconds / 60 % 60);
        match self {
            Lang::En => format!("{hours}h {minutes:02}m"),
            Lang::Ru => format!("{hours} ч {minutes:02} мин"),
        }
    }

    /// Milliseconds with one decimal: `1.5 ms` / `1,5 мс`.
    pub fn millis(self, duration: std::time::Duration) -> String {
        self.decimal(duration.as_secs_f64() * 1000.0, ["ms", "мс"])
    }

    /// Seconds with one decimal: `2.3 s` / `2,3 с`.
    pub fn seconds(self, duration: std::time::Duration) -> String {
        self.decimal(duration.as_secs_f64(), ["s", "с"])
    }

    fn decimal(self, value: f64, units: [&str; 2]) -> String {
        let value = format!("{value:.1}");
        match self {
            Lang::En => format!("{value} {}", units[0]),
            Lang::Ru => format!("{} {}", value.replace('.', ","), units[1]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_status_words_are_localised() {
        let day = crate::knowledge::PartialDate::parse("2026-12-12").unwrap();
        assert_eq!(Lang::Ru.date(day), "12 декабря 2026");
        assert_eq!(Lang::En.date(day), "12 December 2026");
        assert_eq!(Lang::Ru.date(crate::knowledge::PartialDate::parse("2026-05").unwrap()), "май 2026");
        assert_eq!(Lang::Ru.status(crate::knowledge::MeetingStatus::Planned), "запланирована");
        assert_eq!(Lang::Ru.dated(day, Some("published")), "опубликовано 12 декабря 2026");
        assert_eq!(Lang::En.dated(day, Some("updated")), "updated 12 December 2026");
        assert_eq!(Lang::En.lead(86_400), "1 day");
        assert_eq!(Lang::En.lead(7_200), "2 hours");
    }

    #[test]
    fn uptimes_and_durations_have_units_in_the_language() {
        use std::time::Duration;
        assert_eq!(Lang::En.uptime(3 * 3600 + 5 * 60 + 7), "3h 05m");
        assert_eq!(Lang::Ru.uptime(3 * 3600 + 5 * 60 + 7), "3 ч 05 мин");
        assert_eq!(Lang::En.millis(Duration::from_micros(1_500)), "1.5 ms");
        assert_eq!(Lang::Ru.millis(Duration::from_micros(1_500)), "1,5 мс");
        assert_eq!(Lang::En.seconds(Duration::from_millis(2_340)), "2.3 s");
        assert_eq!(Lang::Ru.seconds(Duration::from_millis(2_340)), "2,3 с");
    }
}
