//! Build script: turns the page-reading rules (`rules/*.toml`, written by people, with
//! comments citing each label's source) into JSON in `OUT_DIR`, which `src/page/rules.rs`
//! compiles in and reads with serde_json. A TOML parser in the wasm module would cost
//! ~180 KB (68 KB gzip, measured in #5); at build time it costs nothing at run time, and a
//! rules file with a syntax error fails the build with the file and line.
//!
//! This script must not do anything else: no network, no other files.

use std::error::Error;
use std::fs;
use std::path::Path;

fn main() -> Result<(), Box<dyn Error>> {
    let rules_dir = Path::new("rules");
    println!("cargo:rerun-if-changed=rules");
    let out_dir = std::env::var("OUT_DIR")?;
    let mut entries: Vec<_> = fs::read_dir(rules_dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|entry| entry.path());
    for entry in entries {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("toml") {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path)?;
        let table: toml::Table =
            toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let json = serde_json::to_string(&table)?;
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or("rules file without a name")?;
        fs::write(Path::new(&out_dir).join(format!("rules-{name}.json")), json)?;
    }
    Ok(())
}
