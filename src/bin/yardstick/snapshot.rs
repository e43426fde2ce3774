//! `yardstick snapshot FILE --url URL`: prints the snapshot readers run over, built from a
//! saved HTML page exactly as the extension's content script builds it from the live DOM.
//! Browser tests compare the two.

use std::process::ExitCode;

use super::read_page::PageArgs;

/// Runs the command with its arguments.
pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let page = PageArgs::parse(args, false)?;
    let snapshot = yardstick::page::snapshot_from_html(&page.html, &page.url);
    let json = serde_json::to_string_pretty(&snapshot)
        .map_err(|e| format!("could not write the snapshot as JSON: {e}"))?;
    println!("{json}");
    Ok(ExitCode::SUCCESS)
}
