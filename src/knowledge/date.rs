//! Dates that may be known only to the month or the year, as sources give them.

use std::fmt;

use chrono::{Datelike, NaiveDate};

/// A calendar date with the precision the source gives: a day, a month or only a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartialDate {
    Day(NaiveDate),
    Month { year: i32, month: u32 },
    Year(i32),
}

impl PartialDate {
    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `None` for anything else or an impossible date.
    pub fn parse(text: &str) -> Option<PartialDate> {
        let parts: Vec<&str> = text.trim().split('-').collect();
        let number = |s: &str, len: usize| -> Option<u32> {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
        };
        match parts.as_slice() {
            [y] => Some(PartialDate::Year(number(y, 4)? as i32)),
            [y, m] => {
                let month = number(m, 2)?;
                (1..=12).contains(&month).then_some(PartialDate::Month { year: number(y, 4)? as i32, month })
            }
            [y, m, d] => {
                NaiveDate::from_ymd_opt(number(y, 4)? as i32, number(m, 2)?, number(d, 2)?).map(PartialDate::Day)
            }
            _ => None,
        }
    }

    /// The first day the date could mean.
    pub fn first_day(&self) -> NaiveDate {
        match *self {
            PartialDate::Day(d) => d,
            PartialDate::Month { year, month } => NaiveDate::from_ymd_opt(year, month, 1).unwrap_or_default(),
            PartialDate::Year(year) => NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default(),
        }
    }

    /// The last day the date could mean.
    pub fn last_day(&self) -> NaiveDate {
        match *self {
            PartialDate::Day(d) => d,
            PartialDate::Month { year, month } => {
                let (next_year, next_month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
                NaiveDate::from_ymd_opt(next_year, next_month, 1).and_then(|d| d.pred_opt()).unwrap_or_default()
            }
            PartialDate::Year(year) => NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default(),
        }
    }

    /// True when the date names a single day, so a reminder can be scheduled for it.
    pub fn is_exact(&self) -> bool {
        matches!(self, PartialDate::Day(_))
    }

    /// The year, whatever the precision.
    pub fn year(&self) -> i32 {
        self.first_day().year()
    }

    /// ISO form with the source's precision: `2016-11-29`, `2016-11` or `2016`.
    pub fn iso(&self) -> String {
        match *self {
            PartialDate::Day(d) => d.format("%Y-%m-%d").to_string(),
            PartialDate::Month { year, month } => format!("{year:04}-{month:02}"),
            PartialDate::Year(year) => format!("{year:04}"),
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// English month name for 1..=12.
pub fn month_name(month: u32) -> &'static str {
    MONTHS[(month.clamp(1, 12) - 1) as usize]
}

impl fmt::Display for PartialDate {
    /// `29 November 2016`, `November 2016` or `2016`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            PartialDate::Day(d) => write!(f, "{} {} {}", d.day(), month_name(d.month()), d.year()),
            PartialDate::Month { year, month } => write!(f, "{} {year}", month_name(month)),
            PartialDate::Year(year) => write!(f, "{year}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_rejects_impossible_dates() {
        assert_eq!(PartialDate::parse("2016-11-29").unwrap().to_string(), "29 November 2016");
        assert_eq!(PartialDate::parse("2019-09").unwrap().to_string(), "September 2019");
        assert_eq!(PartialDate::parse("2026").unwrap().to_string(), "2026");
        for bad in ["2016-13-01", "2016-02-30", "16-11-29", "2016/11/29", "", "soon", "2016-1-1"] {
            assert_eq!(PartialDate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn month_and_year_cover_their_whole_span() {
        let feb = PartialDate::parse("2024-02").unwrap();
        assert_eq!(feb.first_day(), NaiveDate::from_ymd_opt(2024, 2, 1).unwrap());
        assert_eq!(feb.last_day(), NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
        let dec = PartialDate::parse("2025-12").unwrap();
        assert_eq!(dec.last_day(), NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
        assert!(!PartialDate::parse("2026").unwrap().is_exact());
    }
}
