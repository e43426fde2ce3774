//! `yardstick snapshot`: not built yet.

use std::process::ExitCode;

/// Runs the command with its arguments.
pub fn run(_args: &[String]) -> Result<ExitCode, String> {
    Err("not built yet".to_owned())
}
