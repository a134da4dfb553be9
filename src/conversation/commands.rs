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
    About,
    Reload,
    Stats,
    Unanswered,
}

impl Command {
    /// Commands everyone may use, in menu order.
    pub const MENU: [Command; 9] = [
        Command::Start,
        Command::Help,
        Command::Ask,
        Command::Meetings,
        Command::Next,
        Command::Sources,
        Command::Subscribe,
        Command::Unsubscribe,
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
            Command::Subscribe => t.subscribe_desc,
            Command::Unsubscribe => t.unsubscribe_desc,
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
                "meetings" => message(self.meetings_view(knowledge, t)),
                "next" => message(self.next_view(knowledge, t)),
                "sources" => message(sources_view(knowledge, t)),
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
            Command::Ask => self.question(incoming.chat_id, lang, args),
            Command::Meetings => message(self.meetings_view(knowledge, t)),
            Command::Next => message(self.next_view(knowledge, t)),
            Command::Sources => message(sources_view(knowledge, t)),
            Command::Subscribe => message(vec![para(t.subscribe)]),
            Command::Unsubscribe => message(vec![para(t.unsubscribe)]),
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
