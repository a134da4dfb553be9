//! Interface text in English and Russian. Quotes from the sources are never translated;
//! only the bot's own words live here. `{n}`-style placeholders are filled by [`fill`].

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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

    /// The strings of this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &EN,
            Lang::Ru => &RU,
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

/// Every sentence the bot says in one language.
pub struct Texts {
    pub welcome: &'static str,
    pub example_question: &'static str,
    pub help_intro: &'static str,
    pub help_admin: &'static str,
    pub help_groups: &'static str,
    pub ask_usage: &'static str,
    pub unsure: &'static str,
    pub declined: &'static str,
    /// `{orgs}`, `{titles}`.
    pub known_topics: &'static str,
    pub declined_next_step: &'static str,
    pub did_you_mean: &'static str,
    pub more_results: &'static str,
    pub sources_button: &'static str,
    pub no_more_results: &'static str,
    pub sources_header: &'static str,
    pub answer_sources_header: &'static str,
    pub upcoming_header: &'static str,
    pub no_upcoming: &'static str,
    pub recent_header: &'static str,
    pub next_header: &'static str,
    pub none_dated: &'static str,
    pub undated_header: &'static str,
    pub subscribe: &'static str,
    pub unsubscribe: &'static str,
    /// `{version}`, `{documents}`, `{facts}`, `{meetings}`.
    pub about: &'static str,
    pub not_admin: &'static str,
    /// `{documents}`, `{facts}`, `{meetings}`, `{took}`.
    pub reloaded: &'static str,
    pub reload_failed: &'static str,
    pub reload_busy: &'static str,
    pub nothing_changed: &'static str,
    pub documents_added: &'static str,
    pub documents_changed: &'static str,
    pub documents_removed: &'static str,
    pub facts_added: &'static str,
    pub facts_changed: &'static str,
    pub facts_removed: &'static str,
    pub meetings_added: &'static str,
    pub meetings_changed: &'static str,
    pub meetings_removed: &'static str,
    /// `{n}`: problems beyond those listed.
    pub more_problems: &'static str,
    /// `{trigger}`: one of the `trigger_*` texts.
    pub auto_reload_failed: &'static str,
    pub trigger_command: &'static str,
    pub trigger_signal: &'static str,
    pub trigger_watch: &'static str,
    pub reload_ok: &'static str,
    pub reload_not_ok: &'static str,
    pub no_reload_yet: &'static str,
    /// `{uptime}`, `{documents}`, `{facts}`, `{meetings}`, `{today}`, `{week}`, `{total}`,
    /// `{answered}`, `{unsure}`, `{declined}`, `{p50}`, `{p99}`, `{outbox}`, `{helpful}`,
    /// `{not_helpful}`, `{last_reload}`.
    pub stats: &'static str,
    /// `{shown}`, `{total}`.
    pub unanswered_header: &'static str,
    pub unanswered_empty: &'static str,
    pub unanswered_footer: &'static str,
    /// `{n}`.
    pub unanswered_cleared: &'static str,
    pub reason_declined: &'static str,
    pub reason_unsure: &'static str,
    pub reason_not_helpful: &'static str,
    pub store_failed: &'static str,
    pub helpful_button: &'static str,
    pub not_helpful_button: &'static str,
    pub feedback_thanks: &'static str,
    pub feedback_noted: &'static str,
    pub unsupported: &'static str,
    pub edited: &'static str,
    pub unknown_command: &'static str,
    pub stale_button: &'static str,
    /// `{n}`, `{max}`.
    pub too_long: &'static str,
    pub empty_question: &'static str,
    /// Reply to a thank-you.
    pub you_are_welcome: &'static str,
    pub inline_no_upcoming: &'static str,
    /// Command descriptions for the menu and /help, in [`crate::conversation::Command::MENU`] order.
    pub start_desc: &'static str,
    pub help_desc: &'static str,
    pub ask_desc: &'static str,
    pub meetings_desc: &'static str,
    pub next_desc: &'static str,
    pub sources_desc: &'static str,
    pub subscribe_desc: &'static str,
    pub unsubscribe_desc: &'static str,
    pub about_desc: &'static str,
    pub reload_desc: &'static str,
    pub stats_desc: &'static str,
    pub unanswered_desc: &'static str,
}

static EN: Texts = Texts {
    welcome: "Hello! I answer questions about ICT cooperation in the Organization of Turkic States (Turkic Council), the SCO, the CIS and its Regional Commonwealth in the Field of Communications, and Uzbekistan, quoting official documents with their sources.\n\nAsk in plain words, for example:",
    example_question: "When did the SCO meet in Almaty?",
    help_intro: "Write a question as a message, or use a command:",
    help_admin: "For administrators:",
    help_groups: "In a group, mention me, reply to my message or use /ask. In any chat, type my @username and a question to share an answer.",
    ask_usage: "Write the question after the command, for example:",
    unsure: "I'm not sure this answers your question; the closest I found:",
    declined: "I don't know: nothing in my sources answers that.",
    known_topics: "I know about ICT cooperation of {orgs}, from these documents: {titles}.",
    declined_next_step: "Try other words, or see /help and /sources.",
    did_you_mean: "Did you mean…?",
    more_results: "More results",
    sources_button: "Sources",
    no_more_results: "No more results for this question.",
    sources_header: "The documents I quote:",
    answer_sources_header: "Sources of this answer:",
    upcoming_header: "Upcoming:",
    no_upcoming: "No upcoming meeting is dated yet.",
    recent_header: "Recent:",
    next_header: "Next meeting:",
    none_dated: "None dated yet.",
    undated_header: "Planned without a date:",
    subscribe: "Meeting reminders are not available yet; they are coming in a later version. Until then, /meetings and /next show what is planned.",
    unsubscribe: "There is nothing to cancel: meeting reminders are not available yet.",
    about: "ictbot {version} answers from {documents} documents, {facts} curated facts and {meetings} calendar entries. Every answer quotes its source; check the linked document before citing it officially.",
    not_admin: "Sorry, this command is only for the bot's administrators.",
    reloaded: "Knowledge reloaded in {took}: {documents} documents, {facts} facts, {meetings} meetings.",
    reload_failed: "Reload failed; I keep answering from the previous knowledge. Problems:",
    reload_busy: "A reload is already running; I keep answering meanwhile. Try /reload again when it has finished.",
    nothing_changed: "Nothing changed.",
    documents_added: "Documents added:",
    documents_changed: "Documents changed:",
    documents_removed: "Documents removed:",
    facts_added: "Facts added:",
    facts_changed: "Facts changed:",
    facts_removed: "Facts removed:",
    meetings_added: "Meetings added:",
    meetings_changed: "Meetings changed:",
    meetings_removed: "Meetings removed:",
    more_problems: "… and {n} more; run `ictbot check`",
    auto_reload_failed: "The automatic reload {trigger} failed; I keep answering from the previous knowledge. Problems:",
    trigger_command: "by /reload",
    trigger_signal: "on SIGHUP",
    trigger_watch: "after the knowledge folder changed",
    reload_ok: "ok",
    reload_not_ok: "failed, previous knowledge kept",
    no_reload_yet: "none yet",
    stats: "Running for: {uptime}\nKnowledge: {documents} documents, {facts} facts, {meetings} meetings\nQuestions: {today} today, {week} in the last 7 days, {total} in all\nAnswered {answered}, unsure {unsure}, declined {declined}\nAnswer time (7 days): p50 {p50}, p99 {p99}\nOutbox: {outbox} waiting\nFeedback: 👍 {helpful}, 👎 {not_helpful}\nLast reload: {last_reload}",
    unanswered_header: "Questions I could not answer well, newest first ({shown} of {total}):",
    unanswered_empty: "No unanswered questions: nothing was declined, answered unsure or marked 👎.",
    unanswered_footer: "Add what they ask for to knowledge/ and /reload. /unanswered clear empties the list.",
    unanswered_cleared: "The list of unanswered questions is empty now ({n} removed).",
    reason_declined: "declined",
    reason_unsure: "unsure",
    reason_not_helpful: "👎",
    store_failed: "I could not read the bot's database; the log has the details.",
    helpful_button: "👍 Helpful",
    not_helpful_button: "👎 Not helpful",
    feedback_thanks: "Thanks for the feedback!",
    feedback_noted: "Thanks; noted that this did not help. The administrators will see the question.",
    unsupported: "I can only read text. Please write your question as a message, or see /help.",
    edited: "I answer new messages only. Please send the corrected question as a new message.",
    unknown_command: "I don't know that command. /help lists what I can do.",
    stale_button: "This button has expired. Please ask again.",
    too_long: "That message is too long for a question ({n} characters; at most {max}). Please ask in a sentence or two.",
    empty_question: "Please write a question.",
    you_are_welcome: "You're welcome! Ask another question any time, or see /help.",
    inline_no_upcoming: "No upcoming meetings",
    start_desc: "Welcome and how to ask",
    help_desc: "What I can do",
    ask_desc: "Ask a question: /ask your question",
    meetings_desc: "Upcoming and recent meetings",
    next_desc: "The next meeting",
    sources_desc: "The documents I quote",
    subscribe_desc: "Meeting reminders (coming soon)",
    unsubscribe_desc: "Stop meeting reminders",
    about_desc: "About this bot",
    reload_desc: "Reload the knowledge folder (admins)",
    stats_desc: "Usage counts (admins)",
    unanswered_desc: "Questions I could not answer (admins)",
};

static RU: Texts = Texts {
    welcome: "Здравствуйте! Я отвечаю на вопросы о сотрудничестве в сфере ИКТ в Организации тюркских государств (Тюркском совете), ШОС, СНГ и Региональном содружестве в области связи, а также Узбекистана, цитируя официальные документы с указанием источника.\n\nСпросите своими словами, например:",
    example_question: "Когда ШОС встречалась в Алматы?",
    help_intro: "Напишите вопрос сообщением или выберите команду:",
    help_admin: "Для администраторов:",
    help_groups: "В группе упомяните меня, ответьте на моё сообщение или используйте /ask. В любом чате наберите мой @username и вопрос, чтобы поделиться ответом.",
    ask_usage: "Напишите вопрос после команды, например:",
    unsure: "Не уверен, что это ответ на ваш вопрос; ближайшее, что я нашёл:",
    declined: "Не знаю: в моих источниках ответа на это нет.",
    known_topics: "Я знаю о сотрудничестве в сфере ИКТ: {orgs}, по документам: {titles}.",
    declined_next_step: "Попробуйте другие слова или посмотрите /help и /sources.",
    did_you_mean: "Возможно, вы имели в виду…?",
    more_results: "Ещё результаты",
    sources_button: "Источники",
    no_more_results: "Больше результатов по этому вопросу нет.",
    sources_header: "Документы, которые я цитирую:",
    answer_sources_header: "Источники этого ответа:",
    upcoming_header: "Предстоящие:",
    no_upcoming: "Дата следующих встреч пока не назначена.",
    recent_header: "Недавние:",
    next_header: "Следующая встреча:",
    none_dated: "Пока без даты.",
    undated_header: "Запланировано без даты:",
    subscribe: "Напоминания о встречах пока недоступны; они появятся в следующей версии. А пока /meetings и /next показывают, что запланировано.",
    unsubscribe: "Отменять нечего: напоминания о встречах пока недоступны.",
    about: "ictbot {version} отвечает по {documents} документам, {facts} проверенным фактам и {meetings} записям календаря. Каждый ответ цитирует источник; перед официальным цитированием сверьтесь с документом по ссылке.",
    not_admin: "Извините, эта команда только для администраторов бота.",
    reloaded: "Знания перезагружены за {took}: документов {documents}, фактов {facts}, встреч {meetings}.",
    reload_failed: "Перезагрузка не удалась; я продолжаю отвечать по прежним данным. Ошибки:",
    reload_busy: "Перезагрузка уже идёт; я пока отвечаю по прежним данным. Повторите /reload, когда она закончится.",
    nothing_changed: "Ничего не изменилось.",
    documents_added: "Добавлены документы:",
    documents_changed: "Изменены документы:",
    documents_removed: "Удалены документы:",
    facts_added: "Добавлены факты:",
    facts_changed: "Изменены факты:",
    facts_removed: "Удалены факты:",
    meetings_added: "Добавлены встречи:",
    meetings_changed: "Изменены встречи:",
    meetings_removed: "Удалены встречи:",
    more_problems: "… и ещё {n}; запустите `ictbot check`",
    auto_reload_failed: "Автоматическая перезагрузка {trigger} не удалась; я продолжаю отвечать по прежним данным. Ошибки:",
    trigger_command: "по /reload",
    trigger_signal: "по SIGHUP",
    trigger_watch: "после изменения папки знаний",
    reload_ok: "успешно",
    reload_not_ok: "не удалась, прежние данные сохранены",
    no_reload_yet: "ещё не было",
    stats: "Работаю: {uptime}\nЗнания: документов {documents}, фактов {facts}, встреч {meetings}\nВопросов: сегодня {today}, за 7 дней {week}, всего {total}\nС ответом {answered}, неуверенно {unsure}, без ответа {declined}\nВремя ответа (7 дней): p50 {p50}, p99 {p99}\nОчередь отправки: {outbox}\nОтзывы: 👍 {helpful}, 👎 {not_helpful}\nПоследняя перезагрузка: {last_reload}",
    unanswered_header: "Вопросы, на которые я не смог хорошо ответить, сначала новые ({shown} из {total}):",
    unanswered_empty: "Вопросов без ответа нет: ни отказов, ни неуверенных ответов, ни 👎.",
    unanswered_footer: "Добавьте нужное в knowledge/ и выполните /reload. /unanswered clear очищает список.",
    unanswered_cleared: "Список вопросов без ответа очищен (удалено: {n}).",
    reason_declined: "без ответа",
    reason_unsure: "неуверенно",
    reason_not_helpful: "👎",
    store_failed: "Не удалось прочитать базу данных бота; подробности в журнале.",
    helpful_button: "👍 Полезно",
    not_helpful_button: "👎 Не помогло",
    feedback_thanks: "Спасибо за отзыв!",
    feedback_noted: "Спасибо; отметил, что ответ не помог. Администраторы увидят вопрос.",
    unsupported: "Я понимаю только текст. Напишите вопрос сообщением или посмотрите /help.",
    edited: "Я отвечаю только на новые сообщения. Отправьте исправленный вопрос новым сообщением.",
    unknown_command: "Такой команды нет. /help покажет, что я умею.",
    stale_button: "Эта кнопка устарела. Задайте вопрос ещё раз.",
    too_long: "Сообщение слишком длинное для вопроса ({n} символов; не более {max}). Спросите в одном-двух предложениях.",
    empty_question: "Напишите вопрос.",
    you_are_welcome: "Пожалуйста! Задавайте вопросы в любое время, подсказки — в /help.",
    inline_no_upcoming: "Нет предстоящих встреч",
    start_desc: "Приветствие и как спрашивать",
    help_desc: "Что я умею",
    ask_desc: "Задать вопрос: /ask ваш вопрос",
    meetings_desc: "Предстоящие и недавние встречи",
    next_desc: "Следующая встреча",
    sources_desc: "Документы, которые я цитирую",
    subscribe_desc: "Напоминания о встречах (скоро)",
    unsubscribe_desc: "Отключить напоминания",
    about_desc: "О боте",
    reload_desc: "Перезагрузить знания (админы)",
    stats_desc: "Статистика (админы)",
    unanswered_desc: "Вопросы без ответа (админы)",
};

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
