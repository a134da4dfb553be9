//! Interface text in English and Russian. Quotes from the sources are never translated;
//! only the bot's own words live here. `{n}`-style placeholders are filled by [`fill`].

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
    /// `{orgs}`.
    pub known_topics: &'static str,
    /// A meeting with no date yet, in its calendar line.
    pub date_not_set: &'static str,
    /// The header of a calendar listing of the meetings a question matches.
    pub matching_header: &'static str,
    /// How a calendar listing cites the calendar.
    pub calendar_title: &'static str,
    /// Asked when a short follow-up ("and where?") has nothing to follow.
    pub what_is_meant: &'static str,
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
    /// `{not_helpful}`, `{last_reload}`, `{subscribers}`.
    pub stats: &'static str,
    /// The `{subscribers}` of `/stats` when no chat subscribes.
    pub no_subscribers: &'static str,
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
    /// Said when answering a message failed inside the bot.
    pub handling_failed: &'static str,
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
    known_topics: "I know about ICT cooperation of {orgs}.",
    date_not_set: "date not set",
    matching_header: "Meetings:",
    calendar_title: "Meetings calendar",
    what_is_meant: "Which meeting, organization or topic do you mean? Please ask the whole question, for example:",
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
    no_subscribers: "none",
    stats: "Running for: {uptime}\nKnowledge: {documents} documents, {facts} facts, {meetings} meetings\nQuestions: {today} today, {week} in the last 7 days, {total} in all\nAnswered {answered}, unsure {unsure}, declined {declined}\nAnswer time (7 days): p50 {p50}, p99 {p99}\nSubscribers: {subscribers}\nOutbox: {outbox} waiting\nFeedback: 👍 {helpful}, 👎 {not_helpful}\nLast reload: {last_reload}",
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
    handling_failed: "Sorry, something went wrong while I was answering this. Please send it again.",
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
    known_topics: "Я знаю о сотрудничестве в сфере ИКТ: {orgs}.",
    date_not_set: "дата не назначена",
    matching_header: "Встречи:",
    calendar_title: "Календарь встреч",
    what_is_meant: "Какую встречу, организацию или тему вы имеете в виду? Задайте вопрос целиком, например:",
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
    no_subscribers: "нет",
    stats: "Работаю: {uptime}\nЗнания: документов {documents}, фактов {facts}, встреч {meetings}\nВопросов: сегодня {today}, за 7 дней {week}, всего {total}\nС ответом {answered}, неуверенно {unsure}, без ответа {declined}\nВремя ответа (7 дней): p50 {p50}, p99 {p99}\nПодписчики: {subscribers}\nОчередь отправки: {outbox}\nОтзывы: 👍 {helpful}, 👎 {not_helpful}\nПоследняя перезагрузка: {last_reload}",
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
    handling_failed: "Извините, при ответе на это сообщение что-то пошло не так. Пожалуйста, отправьте его ещё раз.",
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

    /// The words of subscriptions, reminders, announcements and calendar files.
    pub fn reminder_texts(self) -> &'static ReminderTexts {
        match self {
            Lang::En => &REMINDERS_EN,
            Lang::Ru => &REMINDERS_RU,
        }
    }
}

/// What the bot says about subscriptions, reminders, announcements and calendar files.
pub struct ReminderTexts {
    pub choose_organization: &'static str,
    pub all_organizations_button: &'static str,
    /// How "all organizations" reads inside a sentence.
    pub all_organizations: &'static str,
    /// `{org}`, `{leads}`, `{zone}`.
    pub subscribed: &'static str,
    /// `{org}`.
    pub already_subscribed: &'static str,
    /// `{name}`, `{orgs}`.
    pub unknown_organization: &'static str,
    /// `{org}`.
    pub unsubscribed: &'static str,
    pub unsubscribed_all: &'static str,
    /// `{org}`.
    pub not_subscribed: &'static str,
    pub nothing_to_cancel: &'static str,
    /// `{orgs}`, `{leads}`.
    pub subscriptions: &'static str,
    pub no_subscriptions: &'static str,
    pub next_reminders: &'static str,
    pub no_reminder_due: &'static str,
    pub admins_only: &'static str,
    /// `{leads}`.
    pub choose_leads: &'static str,
    /// `{leads}`.
    pub leads_set: &'static str,
    /// `{value}`.
    pub bad_leads: &'static str,
    pub default_leads_button: &'static str,
    /// `{lead}`.
    pub reminder_header: &'static str,
    pub date_label: &'static str,
    pub time_label: &'static str,
    pub place_label: &'static str,
    pub status_label: &'static str,
    pub announce_added: &'static str,
    pub announce_changed: &'static str,
    /// `{old}`.
    pub was: &'static str,
    pub calendar_button: &'static str,
    pub calendar_caption: &'static str,
    /// `{org}`.
    pub calendar_empty: &'static str,
    pub unconfirmed_header: &'static str,
    pub subscribe_desc: &'static str,
    pub subscriptions_desc: &'static str,
    pub remind_desc: &'static str,
    pub calendar_desc: &'static str,
}

static REMINDERS_EN: ReminderTexts = ReminderTexts {
    choose_organization: "Which meetings should I remind this chat of?",
    all_organizations_button: "All organizations",
    all_organizations: "all organizations",
    subscribed: "Subscribed: this chat will be reminded of {org} meetings {leads} before each (meetings without a time at 09:00 {zone}). /subscriptions shows what is due.",
    already_subscribed: "This chat already receives reminders of {org} meetings.",
    unknown_organization: "I don't know an organization called '{name}'. I can remind you of: {orgs}.",
    unsubscribed: "Done: no more reminders of {org} meetings here.",
    unsubscribed_all: "Done: this chat gets no more meeting reminders.",
    not_subscribed: "This chat has no subscription to {org} meetings; /subscriptions shows what it receives.",
    nothing_to_cancel: "This chat has no meeting reminders to cancel.",
    subscriptions: "This chat receives reminders of: {orgs}.\nLead times: {leads}.",
    no_subscriptions: "This chat receives no meeting reminders. Send /subscribe to get them.",
    next_reminders: "Next reminders:",
    no_reminder_due: "No reminder is due: no upcoming meeting of these organizations has an exact date yet.",
    admins_only: "Sorry, in a group only its administrators can change meeting reminders.",
    choose_leads: "How long before a meeting should I remind this chat? Now: {leads}. You can also write, for example, /remind 7d 1d 2h.",
    leads_set: "Reminders will come {leads} before each meeting.",
    bad_leads: "'{value}' is not a lead time. Write, for example, /remind 7d 1d 2h (d days, h hours, m minutes; at most 60 days).",
    default_leads_button: "Default",
    reminder_header: "Meeting reminder — in {lead}",
    date_label: "Date",
    time_label: "Time",
    place_label: "Place",
    status_label: "Status",
    announce_added: "New in the meetings calendar:",
    announce_changed: "Changed in the meetings calendar:",
    was: "was: {old}",
    calendar_button: "Add to calendar",
    calendar_caption: "Open the file to add it to your calendar.",
    calendar_empty: "No meeting of {org} has an exact date yet, so there is nothing to put in a calendar.",
    unconfirmed_header: "Date passed, not yet confirmed as held:",
    subscribe_desc: "Meeting reminders: /subscribe or /subscribe OTS",
    subscriptions_desc: "What reminders this chat receives",
    remind_desc: "When reminders come: /remind 7d 1d",
    calendar_desc: "Meetings as a calendar file",
};

static REMINDERS_RU: ReminderTexts = ReminderTexts {
    choose_organization: "О встречах какой организации напоминать в этом чате?",
    all_organizations_button: "Все организации",
    all_organizations: "всех организаций",
    subscribed: "Подписка оформлена: в этот чат будут приходить напоминания о встречах {org} за {leads} до начала (о встречах без времени — в 09:00 {zone}). /subscriptions покажет ближайшие.",
    already_subscribed: "Этот чат уже получает напоминания о встречах {org}.",
    unknown_organization: "Я не знаю организацию «{name}». Я могу напоминать о встречах: {orgs}.",
    unsubscribed: "Готово: напоминаний о встречах {org} здесь больше не будет.",
    unsubscribed_all: "Готово: этот чат больше не получает напоминаний о встречах.",
    not_subscribed: "Этот чат не подписан на встречи {org}; /subscriptions покажет, что он получает.",
    nothing_to_cancel: "У этого чата нет напоминаний, которые можно отменить.",
    subscriptions: "Этот чат получает напоминания о встречах: {orgs}.\nЗа сколько: {leads}.",
    no_subscriptions: "Этот чат не получает напоминаний о встречах. Отправьте /subscribe, чтобы подписаться.",
    next_reminders: "Ближайшие напоминания:",
    no_reminder_due: "Напоминаний пока нет: у предстоящих встреч этих организаций ещё нет точной даты.",
    admins_only: "Извините, в группе напоминания могут менять только её администраторы.",
    choose_leads: "За сколько до встречи напоминать в этом чате? Сейчас: {leads}. Можно написать, например, /remind 7d 1d 2h.",
    leads_set: "Напоминания будут приходить за {leads} до каждой встречи.",
    bad_leads: "«{value}» — не срок напоминания. Напишите, например, /remind 7d 1d 2h (d — дни, h — часы, m — минуты; не более 60 дней).",
    default_leads_button: "По умолчанию",
    reminder_header: "Напоминание о встрече — через {lead}",
    date_label: "Дата",
    time_label: "Время",
    place_label: "Место",
    status_label: "Статус",
    announce_added: "Новое в календаре встреч:",
    announce_changed: "Изменение в календаре встреч:",
    was: "было: {old}",
    calendar_button: "Добавить в календарь",
    calendar_caption: "Откройте файл, чтобы добавить встречу в календарь.",
    calendar_empty: "У встреч {org} пока нет точной даты, поэтому календарь пуст.",
    unconfirmed_header: "Дата прошла, проведение не подтверждено:",
    subscribe_desc: "Напоминания о встречах: /subscribe или /subscribe ОТГ",
    subscriptions_desc: "Какие напоминания получает чат",
    remind_desc: "Когда напоминать: /remind 7d 1d",
    calendar_desc: "Встречи файлом календаря",
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
    fn dates_and_status_words_are_localised() {
        let day = crate::knowledge::PartialDate::parse("2026-12-12").unwrap();
        assert_eq!(Lang::Ru.date(day), "12 декабря 2026");
        assert_eq!(Lang::En.date(day), "12 December 2026");
        assert_eq!(Lang::Ru.date(crate::knowledge::PartialDate::parse("2026-05").unwrap()), "май 2026");
        assert_eq!(Lang::Ru.status(crate::knowledge::MeetingStatus::Planned), "запланирована");
        assert_eq!(Lang::En.lead(86_400), "1 day");
        assert_eq!(Lang::En.lead(7_200), "2 hours");
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(fill("{a} and {b}, {a}", &[("a", "1"), ("b", "2")]), "1 and 2, 1");
    }
}
