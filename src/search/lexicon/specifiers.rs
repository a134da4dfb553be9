//! Specifiers: a year or an ordinal in a question, which picks one of several like events.

use crate::search::language;

/// A year or an ordinal ("2027", "4th") picks one of several like events: a passage about
/// another year's or another number's meeting does not answer. Where a unit lacks one, the
/// specifier weighs this many times its weight.
pub const SPECIFIER_FACTOR: f32 = 2.0;

/// True for a year ("2025") or an ordinal, as the analyser spells it ("4th") or in words
/// ("fourth", «четвёртое»), which the analyser stems to the same.
pub(super) fn is_specifier(word: &str) -> bool {
    specifier_kind(word).is_some() || language::ordinal(word).is_some()
}

/// What kind of specifier a stem is: `Some(true)` for an ordinal ("4th"), `Some(false)` for a
/// year ("2025"), `None` for other stems.
pub(in crate::search) fn specifier_kind(stem: &str) -> Option<bool> {
    let digits = stem.chars().take_while(char::is_ascii_digit).count();
    let rest = &stem[digits..];
    let year = digits == 4 && rest.is_empty() && (stem.starts_with("19") || stem.starts_with("20"));
    let ordinal = digits > 0 && ["st", "nd", "rd", "th"].contains(&rest);
    (year || ordinal).then_some(ordinal)
}
