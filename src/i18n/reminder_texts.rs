//! What the bot says about subscriptions, reminders, announcements and calendar files, in
//! English and Russian.

use super::Lang;

impl Lang {
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
    subscriptions: "Этот чат получает напоминания о встречах: {orgs}.\nЗа сколько: {leads}",
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
