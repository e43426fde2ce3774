//! `yardstick`: the command line over the same core the extension runs.
//!
//! JSON on stdout, errors on stderr with a non-zero exit code.

fn main() {
    eprintln!("yardstick: no commands yet");
    std::process::exit(2);
}
