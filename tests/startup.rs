//! Start-up of the real binary: what happens without a token, with a malformed setting and
//! with a token Telegram rejects.

#[path = "support/binary.rs"]
mod binary;

use binary::ictbot;

#[test]
fn without_a_token_the_bare_command_says_so_and_chats_in_the_console() {
    let (code, stdout, stderr) = ictbot(&[], &[], "When did the SCO meet in Almaty?\n/next\n");
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("TELOXIDE_TOKEN is not set"), "{stderr}");
    assert!(stdout.contains("February 1, 2024"), "{stdout}");
    assert!(stdout.contains("Next meeting:"), "{stdout}");
}

#[test]
fn serve_without_a_token_stops_with_one_line_naming_it() {
    let (code, stdout, stderr) = ictbot(&["serve"], &[], "");
    assert_ne!(code, 0);
    assert!(stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("TELOXIDE_TOKEN is not set"), "{stderr}");
}

#[test]
fn a_malformed_setting_stops_start_up_naming_it() {
    let token = "123456:ABCdefGHIjklMNOpqrSTUvwx_-yz";
    for (variable, value) in [("ADMIN_IDS", "12,bob"), ("BOT_TIMEZONE", "Almaty"), ("TELOXIDE_API_URL", "localhost")] {
        let (code, _, stderr) = ictbot(&["serve"], &[("TELOXIDE_TOKEN", token), (variable, value)], "");
        assert_ne!(code, 0);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(variable), "{stderr}");
    }
    let (code, _, stderr) = ictbot(&["serve"], &[("TELOXIDE_TOKEN", "my hidden value")], "");
    assert_ne!(code, 0);
    assert!(stderr.contains("TELOXIDE_TOKEN: not a bot token"), "{stderr}");
    assert!(!stderr.contains("hidden value"), "the token was printed: {stderr}");
}

#[test]
fn an_unreachable_api_is_a_clear_error_without_the_token() {
    // A port nobody listens on: bind one, then free it.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let token = "123456:ABCdefGHIjklMNOpqrSTUvwx_-yz";
    let data = tempfile::tempdir().unwrap();
    let (code, _, stderr) = ictbot(
        &[],
        &[
            ("TELOXIDE_TOKEN", token),
            ("TELOXIDE_API_URL", &format!("http://127.0.0.1:{port}")),
            ("DATA_DIR", data.path().to_str().unwrap()),
        ],
        "",
    );
    assert_ne!(code, 0);
    assert!(stderr.contains("cannot reach the Telegram Bot API"), "{stderr}");
    assert!(!stderr.contains("ABCdef"), "the token was printed: {stderr}");
}
