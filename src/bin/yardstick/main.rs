//! `yardstick`: the command line over the same core the extension runs.
//!
//! `yardstick read-page FILE --url URL`, `yardstick import FILE…`,
//! `yardstick evaluate --strategy S --data D [--today DATE]`.
//! Output is JSON on stdout; errors go to stderr with a non-zero exit code.

mod campaign;
mod evaluate;
mod import;
mod read_page;
mod snapshot;

use std::process::ExitCode;

const USAGE: &str = "usage:
  yardstick read-page FILE --url URL [--read-at RFC3339]   read a saved analytics page
  yardstick snapshot FILE --url URL                        print the page snapshot readers run over
  yardstick import FILE...                                  import platform export files
  yardstick evaluate --strategy S.json --data OBS.json [--today YYYY-MM-DD]
  yardstick campaign --strategy S.json --data OBS.json [--format json|csv|csv-nl|html]   campaign report";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match command.as_str() {
        "read-page" => read_page::run(rest),
        "snapshot" => snapshot::run(rest),
        "import" => import::run(rest),
        "evaluate" => evaluate::run(rest),
        "campaign" => campaign::run(rest),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        other => Err(format!("unknown command {other:?}\n{USAGE}")),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("yardstick {command}: {message}");
            ExitCode::FAILURE
        }
    }
}
