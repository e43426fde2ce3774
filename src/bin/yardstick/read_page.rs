//! `yardstick read-page FILE --url URL [--read-at RFC3339]`: reads a saved analytics page
//! with the same `read_page` the extension runs and prints the reading (platform, page
//! kind, period, observations, diagnostics) as JSON.

use std::process::ExitCode;

use chrono::{DateTime, Utc};

/// The arguments shared by `read-page` and `snapshot`.
#[derive(Debug)]
pub struct PageArgs {
    pub html: String,
    pub url: String,
    pub read_at: Option<DateTime<Utc>>,
}

impl PageArgs {
    /// Parses `FILE --url URL [--read-at RFC3339]` and reads the file.
    pub fn parse(args: &[String], allow_read_at: bool) -> Result<PageArgs, String> {
        let mut file = None;
        let mut url = None;
        let mut read_at = None;
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            match arg.as_str() {
                "--url" => {
                    url = Some(
                        rest.next()
                            .ok_or("--url needs a value: the page's address")?
                            .clone(),
                    )
                }
                "--read-at" if allow_read_at => {
                    let text = rest
                        .next()
                        .ok_or("--read-at needs an RFC 3339 time such as 2026-10-29T10:00:00Z")?;
                    let time = DateTime::parse_from_rfc3339(text).map_err(|e| {
                        format!("--read-at {text:?} is not an RFC 3339 time such as 2026-10-29T10:00:00Z: {e}")
                    })?;
                    read_at = Some(time.with_timezone(&Utc));
                }
                flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
                path if file.is_none() => file = Some(path.to_owned()),
                extra => return Err(format!("unexpected argument {extra:?}: give one FILE")),
            }
        }
        let file = file.ok_or("give the saved page: FILE --url URL")?;
        let url = url.ok_or("give the page's address with --url (the rules are chosen by URL)")?;
        let bytes = std::fs::read(&file).map_err(|e| format!("could not read {file}: {e}"))?;
        Ok(PageArgs {
            html: String::from_utf8_lossy(&bytes).into_owned(),
            url,
            read_at,
        })
    }
}

/// Runs the command with its arguments.
pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let page = PageArgs::parse(args, true)?;
    let snapshot = yardstick::page::snapshot_from_html(&page.html, &page.url);
    // The CLI is the one place a clock may be read: the core is handed the time.
    let read_at = page.read_at.unwrap_or_else(now);
    let reading = yardstick::page::read_page(&snapshot, read_at);
    let json = serde_json::to_string_pretty(&reading)
        .map_err(|e| format!("could not write the reading as JSON: {e}"))?;
    println!("{json}");
    Ok(ExitCode::SUCCESS)
}

/// The current time, from the system clock (chrono's clock feature is off in the core).
fn now() -> DateTime<Utc> {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let seconds = i64::try_from(since_epoch.as_secs()).unwrap_or(0);
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}
