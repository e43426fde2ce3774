//! Repository hygiene that keeps the privacy and architecture promises checkable by
//! `cargo test`: the extension's sources reach no network and parse no markup from strings,
//! the manifest asks for exactly the permissions it documents, and the core crate carries no
//! browser dependency.
//!
//! These are text checks over the repository, so they run before anything is built; the
//! end-to-end tests (tests/e2e) prove the same at run time in a real browser. This file must
//! not grow checks of style: rustfmt, clippy and eslint do that.

// A failed read of the repository's own files, or a manifest without a field, should stop
// the test loudly.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir` (recursively) whose name ends with one of `extensions`.
fn files_under(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if extensions
                .iter()
                .any(|ext| path.to_string_lossy().ends_with(ext))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The extension's own sources: www/ without the generated wasm glue (www/pkg, a local build).
fn extension_sources() -> Vec<(PathBuf, String)> {
    let www = root().join("www");
    files_under(&www, &[".js", ".mjs", ".html", ".css"])
        .into_iter()
        .filter(|path| !path.starts_with(www.join("pkg")))
        .map(|path| {
            let text = fs::read_to_string(&path).unwrap();
            (path, text)
        })
        .collect()
}

fn manifest() -> Value {
    serde_json::from_str(&fs::read_to_string(root().join("manifest.json")).unwrap()).unwrap()
}

/// True when `needle` occurs in `text` not as the tail of a longer identifier
/// (`eval(` but not `evaluate(` or `myeval(`).
fn contains_token(text: &str, needle: &str) -> bool {
    text.match_indices(needle).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$')
    })
}

#[test]
fn extension_sources_make_no_requests_and_build_no_code_or_markup_from_strings() {
    const FORBIDDEN: &[&str] = &[
        "fetch(",
        "XMLHttpRequest",
        "WebSocket",
        "EventSource",
        "sendBeacon",
        "eval(",
        "new Function",
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "setTimeout('",
        "setTimeout(\"",
    ];
    let sources = extension_sources();
    assert!(sources.len() >= 8, "www/ looks empty: {sources:?}");
    let mut found = Vec::new();
    for (path, text) in &sources {
        for needle in FORBIDDEN {
            if contains_token(text, needle) {
                found.push(format!("{}: {needle}", path.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "forbidden in the extension's sources:\n{}",
        found.join("\n")
    );
}

#[test]
fn extension_sources_name_no_remote_url() {
    let mut found = Vec::new();
    for (path, text) in extension_sources() {
        for needle in [
            "http://",
            "https://",
            "src=\"//",
            "href=\"//",
            "url(//",
            "ws://",
            "wss://",
        ] {
            if text.contains(needle) {
                found.push(format!("{}: {needle}", path.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "remote URLs in the extension's sources:\n{}",
        found.join("\n")
    );
}

#[test]
fn extension_scripts_are_type_checked() {
    for (path, text) in extension_sources() {
        if path.extension().is_some_and(|ext| ext == "js") {
            assert!(
                text.starts_with("// @ts-check"),
                "{} must start with // @ts-check",
                path.display()
            );
        }
    }
}

#[test]
fn html_pages_load_only_their_own_scripts() {
    for (path, text) in extension_sources() {
        if path.extension().is_none_or(|ext| ext != "html") {
            continue;
        }
        for tag in text.split("<script").skip(1) {
            let head = tag.split('>').next().unwrap_or_default();
            assert!(
                head.contains("src=\""),
                "{}: inline <script> (the CSP forbids it)",
                path.display()
            );
            assert!(!head.contains("://"), "{}: remote <script>", path.display());
        }
    }
}

/// Strings in the manifest that are URLs or match patterns, with the key path they sit under.
fn url_strings(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::String(text) if text.contains("://") || text.contains("<all_urls>") => {
            out.push((path.to_owned(), text.clone()));
        }
        Value::Array(items) => items.iter().for_each(|item| url_strings(item, path, out)),
        Value::Object(map) => {
            for (key, item) in map {
                url_strings(item, &format!("{path}.{key}"), out);
            }
        }
        _ => {}
    }
}

/// The origin (`https://host`) of a match pattern `https://host/path`.
fn origin_of(pattern: &str) -> String {
    let (scheme, rest) = pattern.split_once("://").unwrap();
    format!("{scheme}://{}", rest.split('/').next().unwrap())
}

/// Hosts that serve only analytics, whose overview is the site's root page.
const ANALYTICS_ONLY_HOSTS: &[&str] = &["analytics.pinterest.com"];

#[test]
fn manifest_asks_only_for_storage_and_the_analytics_pages() {
    let manifest = manifest();
    assert_eq!(manifest["manifest_version"], 3);
    assert_eq!(
        manifest["permissions"],
        serde_json::json!(["storage"]),
        "permissions"
    );
    for absent in [
        "host_permissions",
        "optional_permissions",
        "optional_host_permissions",
        "externally_connectable",
    ] {
        assert!(
            manifest.get(absent).is_none(),
            "{absent} must not be requested"
        );
    }
    assert_eq!(
        manifest["content_security_policy"]["extension_pages"],
        "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'"
    );

    let scripts = manifest["content_scripts"].as_array().unwrap();
    let matches: Vec<&str> = scripts
        .iter()
        .flat_map(|script| script["matches"].as_array().unwrap())
        .map(|pattern| pattern.as_str().unwrap())
        .collect();
    assert!(!matches.is_empty());
    for pattern in &matches {
        let (scheme, rest) = pattern.split_once("://").unwrap();
        let (host, path) = rest.split_once('/').unwrap();
        assert_eq!(scheme, "https", "{pattern}");
        assert!(
            !host.contains('*'),
            "{pattern}: a wildcard host reaches sites we do not read"
        );
        // A host that serves nothing but analytics may be matched at its root page.
        let analytics_only_host = ANALYTICS_ONLY_HOSTS.contains(&host) && path.is_empty();
        assert!(
            path.len() > 2 || analytics_only_host,
            "{pattern}: a whole site, not its analytics pages"
        );
    }
    for script in scripts {
        assert!(
            script.get("all_frames").is_none_or(|all| all == false),
            "top frames only"
        );
        assert!(
            script.get("world").is_none(),
            "content scripts stay in the isolated world"
        );
    }

    // The overlay is the only web-accessible resource, only on the analytics hosts.
    let resources = manifest["web_accessible_resources"].as_array().unwrap();
    assert_eq!(resources.len(), 1);
    let overlay = &resources[0];
    assert_eq!(overlay["resources"], serde_json::json!(["overlay.html"]));
    assert_eq!(overlay["use_dynamic_url"], true);
    let accessible: BTreeSet<String> = overlay["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|pattern| pattern.as_str().unwrap().to_owned())
        .collect();
    let hosts: BTreeSet<String> = matches
        .iter()
        .map(|pattern| format!("{}/*", origin_of(pattern)))
        .collect();
    assert_eq!(
        accessible, hosts,
        "web_accessible_resources.matches must be the content scripts' hosts"
    );

    // No other URL anywhere in the manifest (no remote code, update URL or homepage).
    let mut urls = Vec::new();
    url_strings(&manifest, "", &mut urls);
    for (path, url) in urls {
        assert!(
            path == ".content_scripts.matches" || path == ".web_accessible_resources.matches",
            "{path}: {url}"
        );
    }
}

#[test]
fn manifest_version_is_the_crate_version() {
    let cargo = fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let version = cargo
        .lines()
        .find_map(|line| line.strip_prefix("version = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .unwrap();
    assert_eq!(manifest()["version"], version);
}

#[test]
fn firefox_patch_declares_its_id_and_no_data_collection() {
    let text = fs::read_to_string(root().join("manifest.firefox.json")).unwrap();
    let patch: Value = serde_json::from_str(&text).unwrap();
    let gecko = &patch["browser_specific_settings"]["gecko"];
    assert!(gecko["id"].as_str().is_some_and(|id| id.contains('@')));
    assert_eq!(
        gecko["data_collection_permissions"]["required"],
        serde_json::json!(["none"])
    );
    assert_eq!(
        patch["background"]["scripts"],
        serde_json::json!(["background.js"])
    );
    assert!(
        patch.get("permissions").is_none(),
        "Firefox asks for what Chrome asks for"
    );
}

/// The `[section]` a Cargo.toml line belongs to, for every dependency line.
fn dependency_sections(cargo: &str) -> Vec<(String, String)> {
    let mut section = String::new();
    let mut found = Vec::new();
    for line in cargo.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line.to_owned();
        } else if section.contains("dependencies") && !line.starts_with('#') {
            if let Some((name, _)) = line.split_once('=') {
                found.push((section.clone(), name.trim().to_owned()));
            }
        }
    }
    found
}

#[test]
fn core_crate_has_no_browser_dependency() {
    const BROWSER_CRATES: &[&str] = &[
        "wasm-bindgen",
        "wasm-bindgen-futures",
        "web-sys",
        "js-sys",
        "serde-wasm-bindgen",
        "console_error_panic_hook",
        "gloo",
        "wasm-bindgen-test",
    ];
    let cargo = fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let sections = dependency_sections(&cargo);
    assert!(
        sections.iter().any(|(_, name)| name == "serde"),
        "parsed no dependencies"
    );
    for (section, name) in sections {
        let browser = BROWSER_CRATES
            .iter()
            .any(|krate| name == *krate || name.starts_with("gloo"));
        if browser {
            assert!(
                section.contains("cfg(target_arch = \"wasm32\")"),
                "{name} is a browser crate but sits in {section}"
            );
        }
    }
    // Only src/web/ may name the browser crates.
    for path in files_under(&root().join("src"), &[".rs"]) {
        if path.starts_with(root().join("src").join("web")) {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        for krate in ["wasm_bindgen", "web_sys", "js_sys", "serde_wasm_bindgen"] {
            assert!(!text.contains(krate), "{} names {krate}", path.display());
        }
    }
}

#[test]
fn content_script_spells_message_types_as_messages_js_does() {
    let content = fs::read_to_string(root().join("www/content.js")).unwrap();
    let messages = fs::read_to_string(root().join("www/messages.js")).unwrap();
    let spelled: Vec<&str> = content
        .split('\'')
        .filter(|text| text.starts_with("cs-") && !text.contains(' '))
        .collect();
    assert!(spelled.len() >= 3, "found {spelled:?}");
    for message_type in spelled {
        assert!(
            messages.contains(&format!("'{message_type}'")),
            "{message_type} is not in messages.js"
        );
    }
}

/// True when `url` matches a manifest match pattern (`*` matches any run of characters).
fn matches_pattern(pattern: &str, url: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let (first, rest) = parts.split_first().unwrap();
    let Some(mut remaining) = url.strip_prefix(first) else {
        return false;
    };
    for (i, part) in rest.iter().enumerate() {
        let last = i == rest.len() - 1;
        if last {
            return part.is_empty() || remaining.ends_with(part);
        }
        match remaining.find(part) {
            Some(at) => remaining = &remaining[at + part.len()..],
            None => return false,
        }
    }
    remaining.is_empty()
}

fn content_script_patterns() -> Vec<String> {
    manifest()["content_scripts"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|script| script["matches"].as_array().unwrap().clone())
        .map(|pattern| pattern.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn match_patterns_work_as_chrome_reads_them() {
    let pattern = "https://x.com/*/status/*/analytics*";
    assert!(matches_pattern(
        pattern,
        "https://x.com/a/status/1/analytics"
    ));
    assert!(matches_pattern(
        pattern,
        "https://x.com/a/status/1/analytics?x=1"
    ));
    assert!(!matches_pattern(pattern, "https://x.com/a/status/1"));
    assert!(!matches_pattern(
        "https://x.com/i/*",
        "https://x.com.evil.test/i/a"
    ));
    assert!(matches_pattern(
        "https://x.com/i/account_analytics*",
        "https://x.com/i/account_analytics"
    ));
}

/// The content script must run wherever the readers have rules and fixtures: a permission
/// change stays an explicit manifest edit, and this test says when one is due.
#[test]
fn content_scripts_cover_every_page_the_readers_know() {
    let patterns = content_script_patterns();
    let covered = |url: &str| patterns.iter().any(|pattern| matches_pattern(pattern, url));

    let fixtures = root().join("tests/fixtures/pages");
    let mut fixture_urls = 0;
    for case in files_under(&fixtures, &["case.toml"]) {
        let text = fs::read_to_string(&case).unwrap();
        let url = text
            .lines()
            .find_map(|line| line.trim().strip_prefix("url = \""))
            .and_then(|rest| rest.strip_suffix('"'))
            .unwrap();
        assert!(
            covered(url),
            "{}: {url} has no content script",
            case.display()
        );
        fixture_urls += 1;
    }
    assert!(fixture_urls > 0);

    let rules = yardstick::page::rules::all_rules().unwrap();
    for platform in rules {
        for page in &platform.pages {
            // A sample path: each {capture} one segment, `tab-{tab}` likewise, `**` nothing.
            let mut sample = String::new();
            for segment in page.path.split('/').filter(|s| !s.is_empty() && *s != "**") {
                sample.push('/');
                sample.push_str(if segment.contains('{') {
                    "sample"
                } else {
                    segment
                });
            }
            sample.push('/');
            let reached = page.hosts.iter().any(|host| {
                covered(&format!("https://{host}{sample}"))
                    || covered(&format!("https://{host}{}", sample.trim_end_matches('/')))
            });
            assert!(
                reached,
                "{} {}: no content script on {:?}{sample}",
                platform.platform, page.kind, page.hosts
            );
        }
    }
}
