//! A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests and the burst benchmark.
//!
//! It speaks just enough HTTP/1.1 (keep-alive, Content-Length bodies) for teloxide's reqwest
//! client, serves `getUpdates` from a queue the test fills, records every other request with
//! its JSON body, and can inject failures into sends (429 with retry_after, 5xx, 403, a
//! group's migration, any 400, a request left hanging), for every chat or for one, also
//! aimed past the first sends (`Fault::Pass`); it can also go down (every connection
//! dropped), revoke the token (401), and redeliver every update as Telegram does after it
//! lost track of confirmations.

#![allow(dead_code)]

use std::collections::{HashSet, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;

/// The token the fake server accepts.
pub const TOKEN: &str = "123456789:AAEfakeTokenForTestsOnly_abcdefghijk";
/// The bot's user id and username as `getMe` reports them.
pub const BOT_ID: i64 = 123_456_789;
pub const BOT_USERNAME: &str = "ictbot_test_bot";

/// One request the bot made.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// Method name as Telegram documents it (`sendMessage`), whatever case teloxide used.
    pub method: String,
    pub body: Value,
    pub at: Instant,
    /// The id of the message a successful sendMessage or sendDocument created.
    pub message_id: Option<i64>,
}

impl Recorded {
    pub fn chat_id(&self) -> Option<i64> {
        self.body["chat_id"].as_i64()
    }

    pub fn text(&self) -> &str {
        self.body["text"].as_str().unwrap_or_default()
    }

    /// The file of a sendDocument: its name and text.
    pub fn document(&self) -> Option<(String, String)> {
        let file = &self.body["document"];
        Some((file["file_name"].as_str()?.to_string(), file["content"].as_str()?.to_string()))
    }

    /// Labels and callback data of the inline keyboard, row by row.
    pub fn buttons(&self) -> Vec<(String, String)> {
        self.body["reply_markup"]["inline_keyboard"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|row| row.as_array().cloned().unwrap_or_default())
            .map(|b| {
                (
                    b["text"].as_str().unwrap_or_default().to_string(),
                    b["callback_data"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect()
    }
}

/// A failure to answer one send with.
#[derive(Debug, Clone)]
pub enum Fault {
    /// 429 with `parameters.retry_after`.
    TooManyRequests { retry_after: u32 },
    /// A 5xx with a JSON error body.
    ServerError { status: u16 },
    /// An HTML 502 page, as a proxy in front of Telegram sends it.
    BadGatewayHtml,
    /// 403: the user blocked the bot.
    Blocked,
    /// 400: the group became the supergroup `to`.
    Migrated { to: i64 },
    /// 400: the forum topic the send names was deleted.
    ThreadNotFound,
    /// 400 with this description ("Bad Request: chat not found", "Bad Request: query is too
    /// old and response timeout expired or query ID is invalid", …).
    BadRequest(String),
    /// The send succeeds: aims the faults after it at later sends (the second part of a long
    /// message).
    Pass,
    /// The request is read and never answered (nor recorded; counted in `swallowed`), as if
    /// Telegram hung on it: the client times out or gives up. Held for at most a minute.
    Hang,
}

#[derive(Default)]
struct State {
    updates: Mutex<VecDeque<Value>>,
    /// Every update pushed, for redelivery.
    history: Mutex<Vec<Value>>,
    requests: Mutex<Vec<Recorded>>,
    /// Faults with the chat they apply to (`None`: any).
    faults: Mutex<VecDeque<(Option<i64>, Fault)>>,
    /// Every connection is dropped unanswered.
    down: AtomicBool,
    /// Every request gets 401.
    revoked: AtomicBool,
    /// Sends (not getUpdates) are dropped unanswered.
    sends_down: AtomicBool,
    /// Sends are read and never answered nor recorded, as if Telegram hung.
    black_hole: AtomicBool,
    /// Sends swallowed by the black hole so far.
    swallowed: AtomicI64,
    /// The next getUpdates returns every update ever pushed, whatever its offset.
    redeliver: AtomicBool,
    /// Wakes long polls (new update) and waiters (new request).
    changed: Notify,
    next_update_id: AtomicI64,
    next_message_id: AtomicI64,
    /// (chat, user) pairs getChatMember reports as administrators.
    admins: Mutex<HashSet<(i64, i64)>>,
    /// Chats whose every send fails with 403 (the user blocked the bot).
    blocked: Mutex<HashSet<i64>>,
}

/// A running fake server; it stops with the test's runtime.
#[derive(Clone)]
pub struct FakeBotApi {
    pub url: String,
    state: Arc<State>,
}

impl FakeBotApi {
    /// Starts a server on a free port of 127.0.0.1.
    pub async fn start() -> FakeBotApi {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let state = Arc::new(State {
            next_update_id: AtomicI64::new(1),
            next_message_id: AtomicI64::new(1000),
            ..State::default()
        });
        let server_state = state.clone();
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                tokio::spawn(serve_connection(stream, server_state.clone()));
            }
        });
        FakeBotApi { url, state }
    }

    /// Queues an update (its `update_id` is assigned here) and returns the id.
    pub fn push(&self, mut update: Value) -> i64 {
        let id = self.state.next_update_id.fetch_add(1, Ordering::SeqCst);
        update["update_id"] = json!(id);
        self.state.history.lock().unwrap().push(update.clone());
        self.state.updates.lock().unwrap().push_back(update);
        self.state.changed.notify_waiters();
        id
    }

    /// The next sends (sendMessage, answerCallbackQuery, answerInlineQuery) fail like this,
    /// in order.
    pub fn inject(&self, faults: impl IntoIterator<Item = Fault>) {
        self.state.faults.lock().unwrap().extend(faults.into_iter().map(|f| (None, f)));
    }

    /// The next sends to `chat_id` fail like this, in order; other chats are not affected.
    pub fn inject_for(&self, chat_id: i64, faults: impl IntoIterator<Item = Fault>) {
        self.state.faults.lock().unwrap().extend(faults.into_iter().map(|f| (Some(chat_id), f)));
    }

    /// Takes the server down (every connection dropped unanswered) or back up.
    pub fn set_down(&self, down: bool) {
        self.state.down.store(down, Ordering::SeqCst);
    }

    /// Drops sends unanswered (polls still work) while `down`.
    pub fn set_sends_down(&self, down: bool) {
        self.state.sends_down.store(down, Ordering::SeqCst);
    }

    /// While on, sends are swallowed: never answered, never recorded.
    pub fn set_black_hole(&self, on: bool) {
        self.state.black_hole.store(on, Ordering::SeqCst);
        self.state.changed.notify_waiters();
    }

    /// Sends swallowed by the black hole or [`Fault::Hang`] so far.
    pub fn swallowed(&self) -> i64 {
        self.state.swallowed.load(Ordering::SeqCst)
    }

    /// From now on every request is refused with 401, as after the token was revoked.
    pub fn revoke_token(&self) {
        self.state.revoked.store(true, Ordering::SeqCst);
    }

    /// The next getUpdates returns every update ever pushed, confirmed or not.
    pub fn redeliver_all(&self) {
        self.state.redeliver.store(true, Ordering::SeqCst);
        self.state.changed.notify_waiters();
    }

    /// getChatMember reports `user` as an administrator of `chat` from now on.
    pub fn set_admin(&self, chat: i64, user: i64) {
        self.state.admins.lock().unwrap().insert((chat, user));
    }

    /// Every send to `chat` fails with 403 from now on.
    pub fn block(&self, chat: i64) {
        self.state.blocked.lock().unwrap().insert(chat);
    }

    /// Every request so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.state.requests.lock().unwrap().clone()
    }

    /// Requests of one method so far.
    pub fn requests_of(&self, method: &str) -> Vec<Recorded> {
        self.requests().into_iter().filter(|r| r.method == method).collect()
    }

    /// Waits until `done` holds for the recorded requests; panics after `timeout` with what
    /// was recorded.
    pub async fn wait_until(&self, timeout: Duration, mut done: impl FnMut(&[Recorded]) -> bool) -> Vec<Recorded> {
        let deadline = Instant::now() + timeout;
        loop {
            let notified = self.state.changed.notified();
            {
                // Checked under the lock, cloned once: a burst records thousands of requests.
                let requests = self.state.requests.lock().unwrap();
                if done(&requests) {
                    return requests.clone();
                }
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                let methods: Vec<String> = self.requests().iter().map(|r| format!("{} {}", r.method, r.body)).collect();
                panic!("timed out; requests so far:\n{}", methods.join("\n"));
            }
            let _ = tokio::time::timeout(left.min(Duration::from_millis(200)), notified).await;
        }
    }

    /// Waits for the `n`-th (1-based) request of `method` satisfying `filter` and returns it.
    pub async fn wait_for(&self, method: &str, n: usize, filter: impl Fn(&Recorded) -> bool) -> Recorded {
        let requests = self
            .wait_until(Duration::from_secs(30), |rs| {
                rs.iter().filter(|r| r.method == method && filter(r)).count() >= n
            })
            .await;
        requests.into_iter().filter(|r| r.method == method && filter(r)).nth(n - 1).unwrap()
    }
}

async fn serve_connection(stream: TcpStream, state: Arc<State>) {
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).await.unwrap_or(0) == 0 {
            return;
        }
        let path = request_line.split_whitespace().nth(1).unwrap_or_default().to_string();
        let mut length = 0;
        let mut chunked = false;
        let mut content_type = String::new();
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).await.unwrap_or(0) == 0 {
                return;
            }
            let header = header.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().unwrap_or(0);
                } else if name.eq_ignore_ascii_case("transfer-encoding") {
                    chunked = value.to_ascii_lowercase().contains("chunked");
                } else if name.eq_ignore_ascii_case("content-type") {
                    content_type = value.trim().to_string();
                }
            }
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).await.is_err() {
            return;
        }
        if chunked {
            body.clear();
            loop {
                let mut size = String::new();
                if reader.read_line(&mut size).await.unwrap_or(0) == 0 {
                    return;
                }
                let size = usize::from_str_radix(size.trim().split(';').next().unwrap_or("0"), 16).unwrap_or(0);
                let mut chunk = vec![0; size + 2];
                if reader.read_exact(&mut chunk).await.is_err() {
                    return;
                }
                if size == 0 {
                    break;
                }
                body.extend_from_slice(&chunk[..size]);
            }
        }
        if content_type.starts_with("multipart/form-data") {
            body = multipart_to_json(&body).to_string().into_bytes();
        }
        if state.down.load(Ordering::SeqCst) {
            // An outage: the request is never answered and the connection drops.
            return;
        }
        let is_send = !path.ends_with("/GetUpdates") && !path.ends_with("/getUpdates");
        if is_send && state.sends_down.load(Ordering::SeqCst) {
            return;
        }
        if is_send && state.black_hole.load(Ordering::SeqCst) {
            state.swallowed.fetch_add(1, Ordering::SeqCst);
            state.changed.notify_waiters();
            // Held until the black hole closes; then the connection drops unanswered.
            while state.black_hole.load(Ordering::SeqCst) {
                let _ = tokio::time::timeout(Duration::from_millis(100), state.changed.notified()).await;
            }
            return;
        }
        let (status, content_type, reply) = respond(&state, &path, &body).await;
        let head =
            format!("HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n", reply.len());
        if write.write_all(head.as_bytes()).await.is_err() || write.write_all(reply.as_bytes()).await.is_err() {
            return;
        }
    }
}

/// A multipart form as JSON: each field by name; a file field becomes
/// `{"file_name": …, "content": …}` (text files only, as the bot sends).
fn multipart_to_json(body: &[u8]) -> Value {
    let text = String::from_utf8_lossy(body);
    let boundary = text.lines().next().unwrap_or_default().trim().to_string();
    let mut fields = serde_json::Map::new();
    if boundary.is_empty() {
        return Value::Object(fields);
    }
    for part in text.split(boundary.as_str()) {
        let Some((head, content)) = part.split_once("\r\n\r\n") else {
            continue;
        };
        let content = content.strip_suffix("\r\n").unwrap_or(content);
        let attribute = |name: &str| {
            let key = format!("{name}=\"");
            head.find(&key).map(|at| head[at + key.len()..].split('"').next().unwrap_or_default().to_string())
        };
        let Some(name) = attribute("name") else {
            continue;
        };
        let value = match attribute("filename") {
            Some(file_name) => json!({ "file_name": file_name, "content": content }),
            None => match content.parse::<i64>() {
                Ok(n) => json!(n),
                Err(_) => json!(content),
            },
        };
        fields.insert(name, value);
    }
    // `"document": "attach://<id>"` names the part that holds the file.
    let attached: Vec<(String, String)> = fields
        .iter()
        .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.strip_prefix("attach://")?.to_string())))
        .collect();
    for (field, part) in attached {
        if let Some(file) = fields.remove(&part) {
            fields.insert(field, file);
        }
    }
    Value::Object(fields)
}

/// `SendMessage` -> `sendMessage`.
fn method_name(raw: &str) -> String {
    let mut chars = raw.chars();
    chars.next().map(|c| c.to_ascii_lowercase().to_string() + chars.as_str()).unwrap_or_default()
}

fn ok(result: Value) -> (u16, &'static str, String) {
    (200, "application/json", json!({"ok": true, "result": result}).to_string())
}

fn api_error(code: u16, description: &str, retry_after: Option<u32>) -> (u16, &'static str, String) {
    let mut body = json!({"ok": false, "error_code": code, "description": description});
    if let Some(seconds) = retry_after {
        body["parameters"] = json!({ "retry_after": seconds });
    }
    (code, "application/json", body.to_string())
}

fn fault_response(fault: Fault) -> (u16, &'static str, String) {
    match fault.clone() {
        Fault::TooManyRequests { retry_after } => {
            api_error(429, &format!("Too Many Requests: retry after {retry_after}"), Some(retry_after))
        }
        Fault::ServerError { status } => api_error(status, "Internal Server Error", None),
        Fault::BadGatewayHtml => (502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>".into()),
        Fault::Blocked => api_error(403, "Forbidden: bot was blocked by the user", None),
        Fault::ThreadNotFound => api_error(400, "Bad Request: message thread not found", None),
        Fault::BadRequest(description) => api_error(400, &description, None),
        // Handled before a response is chosen.
        Fault::Pass | Fault::Hang => unreachable!("{fault:?} has no error response"),
        Fault::Migrated { to } => {
            let body = json!({
                "ok": false, "error_code": 400,
                "description": "Bad Request: group chat was upgraded to a supergroup chat",
                "parameters": { "migrate_to_chat_id": to }
            });
            (400, "application/json", body.to_string())
        }
    }
}

async fn respond(state: &State, path: &str, body: &[u8]) -> (u16, &'static str, String) {
    let Some((token, raw_method)) = path.strip_prefix("/bot").and_then(|rest| rest.rsplit_once('/')) else {
        return api_error(404, "Not Found", None);
    };
    if token != TOKEN || state.revoked.load(Ordering::SeqCst) {
        return api_error(401, "Unauthorized", None);
    }
    let method = method_name(raw_method);
    let body: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    if method == "getUpdates" {
        return ok(get_updates(state, &body).await);
    }
    let sends = ["sendMessage", "sendDocument", "answerCallbackQuery", "answerInlineQuery"];
    let chat = body["chat_id"].as_i64();
    let failure = if method.starts_with("send") && chat.is_some_and(|c| state.blocked.lock().unwrap().contains(&c)) {
        Some(api_error(403, "Forbidden: bot was blocked by the user", None))
    } else if sends.contains(&method.as_str()) {
        let fault = {
            let mut faults = state.faults.lock().unwrap();
            let position = faults.iter().position(|(c, _)| c.is_none() || *c == chat);
            position.and_then(|n| faults.remove(n)).map(|(_, fault)| fault)
        };
        match fault {
            Some(Fault::Hang) => {
                state.swallowed.fetch_add(1, Ordering::SeqCst);
                state.changed.notify_waiters();
                tokio::time::sleep(Duration::from_secs(60)).await;
                return api_error(504, "Gateway Timeout", None);
            }
            Some(Fault::Pass) | None => None,
            Some(fault) => Some(fault_response(fault)),
        }
    } else {
        None
    };
    let creates = failure.is_none() && (method == "sendMessage" || method == "sendDocument");
    let message_id = creates.then(|| state.next_message_id.fetch_add(1, Ordering::SeqCst));
    state.requests.lock().unwrap().push(Recorded {
        method: method.clone(),
        body: body.clone(),
        at: Instant::now(),
        message_id,
    });
    state.changed.notify_waiters();
    if let Some(failure) = failure {
        return failure;
    }
    match method.as_str() {
        "getMe" => ok(json!({
            "id": BOT_ID, "is_bot": true, "first_name": "ICT Bot", "username": BOT_USERNAME,
            "can_join_groups": true, "can_read_all_group_messages": false,
            "supports_inline_queries": true, "can_connect_to_business": false,
            "has_main_web_app": false
        })),
        "getWebhookInfo" => ok(json!({
            "url": "", "has_custom_certificate": false, "pending_update_count": 0
        })),
        "getChatMember" => {
            let chat = body["chat_id"].as_i64().unwrap_or_default();
            let user = body["user_id"].as_i64().unwrap_or_default();
            let status = if state.admins.lock().unwrap().contains(&(chat, user)) { "creator" } else { "member" };
            ok(json!({ "user": user_json(user, "en"), "status": status, "is_anonymous": false }))
        }
        "sendDocument" => {
            let chat_id = body["chat_id"].as_i64().unwrap_or_default();
            let message_id = message_id.unwrap_or_default();
            ok(json!({
                "message_id": message_id,
                "date": 1_764_000_000,
                "chat": chat_json(chat_id),
                "from": bot_user(),
                "document": {"file_id": format!("doc{message_id}"), "file_unique_id": format!("u{message_id}")},
            }))
        }
        "sendMessage" => {
            let chat_id = body["chat_id"].as_i64().unwrap_or_default();
            ok(json!({
                "message_id": message_id.unwrap_or_default(),
                "date": 1_764_000_000,
                "chat": chat_json(chat_id),
                "from": bot_user(),
                "text": body["text"],
            }))
        }
        _ => ok(json!(true)),
    }
}

/// Long poll: returns queued updates from `offset` on, waiting up to `timeout` seconds (at
/// most 5, well under teloxide's 17 s client timeout) for one to arrive.
async fn get_updates(state: &State, body: &Value) -> Value {
    let offset = body["offset"].as_i64().unwrap_or(0);
    let timeout = Duration::from_secs(body["timeout"].as_u64().unwrap_or(0).min(5));
    let deadline = Instant::now() + timeout;
    loop {
        let notified = state.changed.notified();
        if state.redeliver.swap(false, Ordering::SeqCst) {
            return Value::Array(state.history.lock().unwrap().clone());
        }
        {
            let mut updates = state.updates.lock().unwrap();
            while updates.front().is_some_and(|u| u["update_id"].as_i64().unwrap_or(0) < offset) {
                updates.pop_front();
            }
            if !updates.is_empty() {
                return Value::Array(updates.iter().take(100).cloned().collect());
            }
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return json!([]);
        }
        let _ = tokio::time::timeout(left, notified).await;
    }
}

pub fn bot_user() -> Value {
    json!({"id": BOT_ID, "is_bot": true, "first_name": "ICT Bot", "username": BOT_USERNAME})
}

fn chat_json(chat_id: i64) -> Value {
    if chat_id > 0 {
        json!({"id": chat_id, "type": "private", "first_name": "User"})
    } else {
        json!({"id": chat_id, "type": "supergroup", "title": "ICT officials"})
    }
}

fn user_json(user_id: i64, language: &str) -> Value {
    json!({"id": user_id, "is_bot": false, "first_name": "Official", "language_code": language})
}

/// Builders of real-shaped updates.
pub mod updates {
    use super::*;

    static MESSAGE_ID: AtomicI64 = AtomicI64::new(1);

    fn next_message_id() -> i64 {
        MESSAGE_ID.fetch_add(1, Ordering::SeqCst)
    }

    /// A message object in `chat_id` from `user_id`; `extra` adds fields (text, sticker, …).
    pub fn message_json(chat_id: i64, user_id: i64, language: &str, extra: Value) -> Value {
        let mut message = json!({
            "message_id": next_message_id(),
            "date": 1_764_000_000,
            "chat": chat_json(chat_id),
            "from": user_json(user_id, language),
        });
        for (k, v) in extra.as_object().cloned().unwrap_or_default() {
            message[k] = v;
        }
        message
    }

    fn text_fields(text: &str) -> Value {
        let mut fields = json!({ "text": text });
        if text.starts_with('/') {
            let len: usize = text.split_whitespace().next().unwrap_or_default().encode_utf16().count();
            fields["entities"] = json!([{"type": "bot_command", "offset": 0, "length": len}]);
        }
        fields
    }

    /// Text in the private chat of `user_id`.
    pub fn private_text(user_id: i64, language: &str, text: &str) -> Value {
        json!({ "message": message_json(user_id, user_id, language, text_fields(text)) })
    }

    /// Text in group `chat_id` (negative), optionally replying to `reply_to` (a message object).
    pub fn group_text(chat_id: i64, user_id: i64, text: &str, reply_to: Option<Value>) -> Value {
        let mut fields = text_fields(text);
        if let Some(original) = reply_to {
            fields["reply_to_message"] = original;
        }
        json!({ "message": message_json(chat_id, user_id, "en", fields) })
    }

    /// A command typed in group `chat_id` by `user_id`.
    pub fn group_command(chat_id: i64, user_id: i64, text: &str) -> Value {
        group_text(chat_id, user_id, text, None)
    }

    /// A sticker in `chat_id` from `user_id`.
    pub fn sticker(chat_id: i64, user_id: i64) -> Value {
        json!({ "message": message_json(chat_id, user_id, "en", json!({
            "sticker": {
                "file_id": "CAACAgIAAxkBAAIBQ2", "file_unique_id": "AgADQ2",
                "type": "regular", "width": 512, "height": 512,
                "is_animated": false, "is_video": false, "emoji": "👍"
            }
        })) })
    }

    /// An edit of an earlier text message in `chat_id`.
    pub fn edited_text(chat_id: i64, user_id: i64, text: &str) -> Value {
        let mut message = message_json(chat_id, user_id, "en", text_fields(text));
        message["edit_date"] = json!(1_764_000_100);
        json!({ "edited_message": message })
    }

    /// A press on a button of the bot's message `message_id` in `chat_id`.
    pub fn callback(chat_id: i64, user_id: i64, message_id: i64, data: &str) -> Value {
        callback_in(chat_id, user_id, "en", message_id, data)
    }

    /// A press by a user whose interface language is `language`.
    pub fn callback_in(chat_id: i64, user_id: i64, language: &str, message_id: i64, data: &str) -> Value {
        json!({ "callback_query": {
            "id": format!("cb{}", next_message_id()),
            "from": user_json(user_id, language),
            "message": {
                "message_id": message_id, "date": 1_764_000_000,
                "chat": chat_json(chat_id), "from": bot_user(), "text": "answer"
            },
            "chat_instance": "42",
            "data": data,
        } })
    }

    /// An inline query `@bot query` from `user_id`.
    pub fn inline_query(user_id: i64, query: &str) -> Value {
        json!({ "inline_query": {
            "id": format!("iq{}", next_message_id()),
            "from": user_json(user_id, "en"),
            "query": query,
            "offset": "",
        } })
    }

    /// Text an anonymous admin of group `chat_id` writes: from @GroupAnonymousBot, as the group.
    pub fn anonymous_admin_text(chat_id: i64, text: &str) -> Value {
        let mut message = message_json(chat_id, 0, "en", text_fields(text));
        message["from"] =
            json!({"id": 1_087_968_824i64, "is_bot": true, "first_name": "Group", "username": "GroupAnonymousBot"});
        message["sender_chat"] = chat_json(chat_id);
        json!({ "message": message })
    }

    /// A post of channel `channel_id` in its linked discussion group `chat_id`.
    pub fn channel_text(chat_id: i64, channel_id: i64, text: &str) -> Value {
        let mut message = message_json(chat_id, 0, "en", text_fields(text));
        message["from"] =
            json!({"id": 136_817_688i64, "is_bot": true, "first_name": "Channel", "username": "Channel_Bot"});
        message["sender_chat"] = json!({"id": channel_id, "type": "channel", "title": "ICT news"});
        json!({ "message": message })
    }

    /// Text in forum topic `thread_id` of supergroup `chat_id`.
    pub fn topic_text(chat_id: i64, thread_id: i64, user_id: i64, text: &str) -> Value {
        let mut fields = text_fields(text);
        fields["message_thread_id"] = json!(thread_id);
        fields["is_topic_message"] = json!(true);
        let mut message = message_json(chat_id, user_id, "en", fields);
        message["chat"]["is_forum"] = json!(true);
        json!({ "message": message })
    }

    /// A press on a button of the bot's message `message_id` in forum topic `thread_id`.
    pub fn topic_callback(chat_id: i64, thread_id: i64, user_id: i64, message_id: i64, data: &str) -> Value {
        let mut update = callback(chat_id, user_id, message_id, data);
        let message = &mut update["callback_query"]["message"];
        message["message_thread_id"] = json!(thread_id);
        message["is_topic_message"] = json!(true);
        message["chat"]["is_forum"] = json!(true);
        update
    }

    /// A photo with `caption` in the private chat of `user_id`.
    pub fn photo_with_caption(user_id: i64, caption: &str) -> Value {
        json!({ "message": message_json(user_id, user_id, "en", json!({
            "photo": [{"file_id": "AgACAgIAAxkBAAIB", "file_unique_id": "AQADx", "width": 90, "height": 90}],
            "caption": caption,
        })) })
    }
}
