//! The commands the bot understands, in the console and in Telegram alike, and what each one
//! says. Admin commands are refused to everyone not in `ADMIN_IDS`.

use super::model::{Block, Reply, Span};
use super::views::{about_view, message, para, sources_view};
use super::{Conversation, Incoming};
use crate::admin;
use crate::i18n::Lang;

/// A command the bot understands, in the console and in Telegram alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Start,
    Help,
    Ask,
    Meetings,
    Next,
    Sources,
    Subscribe,
    Unsubscribe,
    Subscriptions,
    Remind,
    Calendar,
    About,
    Reload,
    Stats,
    Unanswered,
}

impl Command {
    /// Commands everyone may use, in menu order.
    pub const MENU: [Command; 12] = [
        Command::Start,
        Command::Help,
        Command::Ask,
        Command::Meetings,
        Command::Next,
        Command::Sources,
        Command::Subscribe,
        Command::Unsubscribe,
        Command::Subscriptions,
        Command::Remind,
        Command::Calendar,
        Command::About,
    ];
    /// Commands gated by `ADMIN_IDS`.
    pub const ADMIN: [Command; 3] = [Command::Reload, Command::Stats, Command::Unanswered];

    /// The name without the slash.
    pub fn name(self) -> &'static str {
        match self {
            Command::Start => "start",
            Command::Help => "help",
            Command::Ask => "ask",
            Command::Meetings => "meetings",
            Command::Next => "next",
            Command::Sources => "sources",
            Command::Subscribe => "subscribe",
            Command::Unsubscribe => "unsubscribe",
            Command::Subscriptions => "subscriptions",
            Command::Remind => "remind",
            Command::Calendar => "calendar",
            Command::About => "about",
            Command::Reload => "reload",
            Command::Stats => "stats",
            Command::Unanswered => "unanswered",
        }
    }

    /// The menu description in `lang`.
    pub fn description(self, lang: Lang) -> &'static str {
        let t = lang.texts();
        match self {
            Command::Start => t.start_desc,
            Command::Help => t.help_desc,
            Command::Ask => t.ask_desc,
            Command::Meetings => t.meetings_desc,
            Command::Next => t.next_desc,
            Command::Sources => t.sources_desc,
            Command::Subscribe => lang.reminder_texts().subscribe_desc,
            Command::Unsubscribe => t.unsubscribe_desc,
            Command::Subscriptions => lang.reminder_texts().subscriptions_desc,
            Command::Remind => lang.reminder_texts().remind_desc,
            Command::Calendar => lang.reminder_texts().calendar_desc,
            Command::About => t.about_desc,
            Command::Reload => t.reload_desc,
            Command::Stats => t.stats_desc,
            Command::Unanswered => t.unanswered_desc,
        }
    }

    /// Splits `/name arguments` into a command and its arguments. `None` when the text is not
    /// a command; `Some(Err(name))` for a command this bot does not know.
    pub fn parse(text: &str) -> Option<(Result<Command, String>, &str)> {
        let rest = text.strip_prefix('/')?;
        let (name, args) = rest.split_once(char::is_whitespace).map_or((rest, ""), |(n, a)| (n, a.trim()));
        let name = name.to_lowercase();
        let command = Command::MENU.into_iter().chain(Command::ADMIN).find(|c| c.name() == name).ok_or(name);
        Some((command, args))
    }
}

impl Conversation {
    pub(super) fn command(&self, incoming: &Incoming, lang: Lang, command: Command, args: &str) -> Vec<Reply> {
        let t = lang.texts();
        if Command::ADMIN.contains(&command) && !self.is_admin(incoming.sender) {
            admin::log_refusal(incoming, command);
            return message(vec![para(t.not_admin)]);
        }
        let engine = self.engine();
        let knowledge = engine.knowledge();
        match command {
            Command::Start => match args {
                "meetings" => vec![Reply::Message(self.meetings_message(knowledge, lang))],
                "next" => message(self.next_view(knowledge, lang)),
                "sources" => message(sources_view(knowledge, lang)),
                "help" => message(self.help_view(incoming.sender, lang)),
                "about" => message(about_view(knowledge, t)),
                _ => message(vec![
                    para(t.welcome),
                    Block::Para(vec![Span::Italic(t.example_question.into())]),
                    Block::Para(vec![Span::Text(format!("/help — {}", t.help_desc))]),
                ]),
            },
            Command::Help => message(self.help_view(incoming.sender, lang)),
            Command::Ask if args.is_empty() => message(vec![
                para(t.ask_usage),
                Block::Para(vec![Span::Italic(format!("/ask {}", t.example_question))]),
            ]),
            Command::Ask => {
                let previous = self.previous_question(incoming);
                self.question(incoming.chat_id, lang, args, previous.as_deref())
            }
            Command::Meetings => vec![Reply::Message(self.meetings_message(knowledge, lang))],
            Command::Next => message(self.next_view(knowledge, lang)),
            Command::Sources => message(sources_view(knowledge, lang)),
            Command::Subscribe
            | Command::Unsubscribe
            | Command::Subscriptions
            | Command::Remind
            | Command::Calendar => self.subscription_command(incoming, lang, command, args),
            Command::About => message(about_view(knowledge, t)),
            Command::Reload | Command::Stats | Command::Unanswered => {
                admin::command(self, incoming, lang, command, args)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_parse_with_arguments_and_case() {
        assert_eq!(Command::parse("/ASK  when?"), Some((Ok(Command::Ask), "when?")));
        assert_eq!(Command::parse("/start meetings").unwrap().1, "meetings");
        assert_eq!(Command::parse("/frob x"), Some((Err("frob".into()), "x")));
        assert_eq!(Command::parse("hello /help"), None);
    }
}
