//! Native only: resolves a link's `href` against the page's address exactly as a browser's
//! `a.href` does, for the snapshot built from saved HTML ([`super::html`]).
//!
//! The browser side (`www/snapshot.js`) simply reads `a.href`; this is the small part of the
//! WHATWG URL parser the two must agree on: absolute `http(s)` addresses, scheme-relative
//! (`//host/x`), root-relative (`/x`), path-relative (`x`, `../x`), query-only (`?q`) and
//! fragment-only (`#f`) references, with dot segments removed, host names lower-cased,
//! default ports dropped and the characters both WHATWG and Chromium percent-encode the
//! same way encoded. Anything beyond that subset (credentials, IP or international host
//! names, characters the two parsers treat differently) gives `None`: the native snapshot
//! then leaves the link out rather than writing an address the browser would not. Links
//! that are not `http(s)` (`javascript:`, `mailto:`) are always `None`. This module must not
//! interpret what a link means: that is the reader's job.

use super::snapshot::MAX_HREF_CHARS;

/// An absolute `http(s)` address split into the parts resolution needs, each already
/// serialized.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Parsed {
    scheme: &'static str,
    /// Host with `:port` when the port is not the scheme's default.
    authority: String,
    /// Path segments; `/a/b/` is `["a", "b", ""]`, `/` is `[""]`.
    path: Vec<String>,
    query: Option<String>,
    fragment: Option<String>,
}

impl Parsed {
    fn serialize(&self) -> String {
        let mut out = format!(
            "{}://{}/{}",
            self.scheme,
            self.authority,
            self.path.join("/")
        );
        if let Some(query) = &self.query {
            out.push('?');
            out.push_str(query);
        }
        if let Some(fragment) = &self.fragment {
            out.push('#');
            out.push_str(fragment);
        }
        out
    }
}

/// The absolute address `href` points to from a page at `base`, as the browser's `a.href`
/// serializes it; `None` for anything that is not an `http(s)` address, is longer than
/// [`MAX_HREF_CHARS`] (left out, never cut: a cut address is a wrong one), or is beyond the
/// subset this module handles.
pub fn resolve_href(href: &str, base: &str) -> Option<String> {
    let base = parse(base, None);
    let resolved = parse(href, base.as_ref())?.serialize();
    (resolved.len() <= MAX_HREF_CHARS).then_some(resolved)
}

/// Parses `input` as an address, relative to `base` when it has no scheme of its own.
fn parse(input: &str, base: Option<&Parsed>) -> Option<Parsed> {
    // The URL parser strips leading and trailing C0 controls and spaces, and drops every
    // tab and newline.
    let trimmed = input.trim_matches(|c: char| c <= ' ');
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let input = cleaned.as_str();
    if let Some((scheme, rest)) = split_scheme(input) {
        let scheme = match scheme.to_ascii_lowercase().as_str() {
            "http" => "http",
            "https" => "https",
            _ => return None,
        };
        return match base {
            // `https:/x` or `https:x` on an https page is relative to it.
            Some(base) if base.scheme == scheme && !rest.starts_with("//") => relative(rest, base),
            _ => with_authority(scheme, rest),
        };
    }
    relative(input, base?)
}

/// `("https", "//host/x")` from `"https://host/x"`, when the text starts with a scheme.
fn split_scheme(input: &str) -> Option<(&str, &str)> {
    let colon = input.find(':')?;
    let scheme = input.get(..colon)?;
    let mut chars = scheme.chars();
    let first_is_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_fits = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_is_letter && rest_fits).then(|| (scheme, input.get(colon + 1..).unwrap_or("")))
}

fn is_slash(c: char) -> bool {
    c == '/' || c == '\\'
}

/// A reference resolved against `base` (which is absolute).
fn relative(input: &str, base: &Parsed) -> Option<Parsed> {
    let mut chars = input.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if is_slash(a) && is_slash(b) => with_authority(base.scheme, input),
        (Some(a), _) if is_slash(a) => {
            let (path, query, fragment) = split_tail(input);
            Some(Parsed {
                scheme: base.scheme,
                authority: base.authority.clone(),
                path: resolve_path(Vec::new(), path)?,
                query: optional(query, encode_query)?,
                fragment: optional(fragment, encode_fragment)?,
            })
        }
        (Some('?'), _) => {
            let (_, query, fragment) = split_tail(input);
            Some(Parsed {
                query: optional(query, encode_query)?,
                fragment: optional(fragment, encode_fragment)?,
                ..base.clone()
            })
        }
        (Some('#'), _) => Some(Parsed {
            fragment: Some(encode_fragment(input.get(1..).unwrap_or(""))?),
            ..base.clone()
        }),
        (None, _) => Some(Parsed {
            fragment: None,
            ..base.clone()
        }),
        (Some(_), _) => {
            let (path, query, fragment) = split_tail(input);
            let mut start = base.path.clone();
            start.pop();
            Some(Parsed {
                scheme: base.scheme,
                authority: base.authority.clone(),
                path: resolve_path(start, path)?,
                query: optional(query, encode_query)?,
                fragment: optional(fragment, encode_fragment)?,
            })
        }
    }
}

/// An address whose authority follows any number of slashes: `//host:port/path?q#f`.
fn with_authority(scheme: &'static str, rest: &str) -> Option<Parsed> {
    let rest = rest.trim_start_matches(is_slash);
    let end = rest.find(['/', '\\', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let authority = serialize_authority(scheme, authority)?;
    let (path, query, fragment) = split_tail(tail);
    Some(Parsed {
        scheme,
        authority,
        path: resolve_path(Vec::new(), path)?,
        query: optional(query, encode_query)?,
        fragment: optional(fragment, encode_fragment)?,
    })
}

/// An optional part encoded: `Some(None)` when absent, `None` when it cannot be encoded.
fn optional(part: Option<&str>, encode: fn(&str) -> Option<String>) -> Option<Option<String>> {
    match part {
        None => Some(None),
        Some(part) => encode(part).map(Some),
    }
}

/// Splits `path?query#fragment`.
fn split_tail(tail: &str) -> (&str, Option<&str>, Option<&str>) {
    let (before_fragment, fragment) = match tail.split_once('#') {
        Some((before, fragment)) => (before, Some(fragment)),
        None => (tail, None),
    };
    match before_fragment.split_once('?') {
        Some((path, query)) => (path, Some(query), fragment),
        None => (before_fragment, None, fragment),
    }
}

/// `host[:port]` as the browser writes it: host lower case, the default port dropped.
/// Credentials, IP literals and anything but plain ASCII host names give `None`.
fn serialize_authority(scheme: &str, authority: &str) -> Option<String> {
    if authority.contains('@') || authority.starts_with('[') {
        return None;
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    let host = host.to_ascii_lowercase();
    let host_fits = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | '_'));
    // A host whose last label is numeric is an IPv4 address, which browsers rewrite.
    let last_label = host.trim_end_matches('.').rsplit('.').next().unwrap_or("");
    if !host_fits || last_label.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let port = match port {
        None | Some("") => None,
        Some(digits) if digits.chars().all(|c| c.is_ascii_digit()) => {
            let number: u16 = digits.parse().ok()?;
            let default = if scheme == "https" { 443 } else { 80 };
            (number != default).then_some(number)
        }
        Some(_) => return None,
    };
    Some(match port {
        Some(port) => format!("{host}:{port}"),
        None => host,
    })
}

/// Appends the segments of `path` to `start`, removing `.` and `..` as the URL parser does.
fn resolve_path(mut segments: Vec<String>, path: &str) -> Option<Vec<String>> {
    let path = path.strip_prefix(is_slash).unwrap_or(path);
    let parts: Vec<&str> = path.split(is_slash).collect();
    let last = parts.len().saturating_sub(1);
    for (index, part) in parts.into_iter().enumerate() {
        let is_last = index == last;
        if part.to_ascii_lowercase().contains("%2e") {
            // Encoded dots count as dots in some positions only; not worth copying.
            return None;
        }
        match part {
            ".." => {
                segments.pop();
                if is_last {
                    segments.push(String::new());
                }
            }
            "." => {
                if is_last {
                    segments.push(String::new());
                }
            }
            _ => segments.push(encode(part, PATH_SAFE)?),
        }
    }
    if segments.is_empty() {
        segments.push(String::new());
    }
    Some(segments)
}

/// ASCII characters left as they are in a path (besides letters and digits).
const PATH_SAFE: &str = "-._~!$&()*+,;=:@%";

fn encode_query(query: &str) -> Option<String> {
    encode(query, "-._~!$&()*+,;=:@%/?")
}

fn encode_fragment(fragment: &str) -> Option<String> {
    if !fragment.is_ascii() || fragment.contains(' ') {
        return None;
    }
    encode(fragment, "-._~!$&()*+,;=:@%/?")
}

/// Percent-encodes what both parsers encode (space, `"`, `<`, `>`, non-ASCII as UTF-8)
/// and keeps the `safe` characters; anything else gives `None`. A `%` must start an
/// escape.
fn encode(text: &str, safe: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    for (at, c) in text.char_indices() {
        if c == '%' {
            let hex = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_hexdigit);
            if !(hex(at + 1) && hex(at + 2)) {
                return None;
            }
            out.push(c);
        } else if c.is_ascii_alphanumeric() || safe.contains(c) {
            out.push(c);
        } else if matches!(c, ' ' | '"' | '<' | '>') || !c.is_ascii() {
            let mut buffer = [0u8; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        } else {
            return None;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str =
        "https://www.linkedin.com/company/42/admin/analytics/updates/?anchor=page#top";

    /// What `a.href` gives for `href` on a page at [`PAGE`] (checked against Chromium).
    fn check(href: &str, expected: Option<&str>) {
        assert_eq!(resolve_href(href, PAGE).as_deref(), expected, "{href:?}");
    }

    #[test]
    fn absolute_addresses_are_normalised() {
        check(
            "https://www.tiktok.com/@northwind.bakes/video/7438291038475610123",
            Some("https://www.tiktok.com/@northwind.bakes/video/7438291038475610123"),
        );
        check("HTTPS://WWW.Example.COM", Some("https://www.example.com/"));
        check("https://example.com:443/a", Some("https://example.com/a"));
        check(
            "http://example.com:8080/a",
            Some("http://example.com:8080/a"),
        );
        check(
            "  https://example.com/a\tb\n ",
            Some("https://example.com/ab"),
        );
        check(
            "https://example.com/a b\"c",
            Some("https://example.com/a%20b%22c"),
        );
        check(
            "https://example.com/café",
            Some("https://example.com/caf%C3%A9"),
        );
        check(
            "https://example.com/a/./b/../c?x=1&y=(2)#f",
            Some("https://example.com/a/c?x=1&y=(2)#f"),
        );
        check(
            "https:\\\\example.com\\a\\b",
            Some("https://example.com/a/b"),
        );
    }

    #[test]
    fn relative_references_resolve_against_the_page() {
        check(
            "#",
            Some("https://www.linkedin.com/company/42/admin/analytics/updates/?anchor=page#"),
        );
        check(
            "#main",
            Some("https://www.linkedin.com/company/42/admin/analytics/updates/?anchor=page#main"),
        );
        check(
            "",
            Some("https://www.linkedin.com/company/42/admin/analytics/updates/?anchor=page"),
        );
        check(
            "?b=2",
            Some("https://www.linkedin.com/company/42/admin/analytics/updates/?b=2"),
        );
        check("/feed/", Some("https://www.linkedin.com/feed/"));
        check(
            "/feed/update/urn:li:activity:7/",
            Some("https://www.linkedin.com/feed/update/urn:li:activity:7/"),
        );
        check(
            "visitors/",
            Some("https://www.linkedin.com/company/42/admin/analytics/updates/visitors/"),
        );
        check(
            "../followers",
            Some("https://www.linkedin.com/company/42/admin/analytics/followers"),
        );
        check("../../../../../../..", Some("https://www.linkedin.com/"));
        check("//cdn.example.com/x", Some("https://cdn.example.com/x"));
        check("https:/feed/", Some("https://www.linkedin.com/feed/"));
        check("http:example.com/x", Some("http://example.com/x"));
    }

    #[test]
    fn other_schemes_and_unsupported_forms_are_left_out() {
        for href in [
            "javascript:void(0)",
            " JavaScript:alert(1)",
            "mailto:a@example.com",
            "data:,",
            "tel:+31",
            "https://user:pass@example.com/",
            "https://[::1]/",
            "https://192.168.0.1/",
            "https://bücher.example/",
            "https://example.com/{x}",
            "https://example.com/a%zz",
            "https://",
        ] {
            check(href, None);
        }
        let long = format!("https://example.com/{}", "a".repeat(MAX_HREF_CHARS));
        check(&long, None);
        // Without a usable page address only absolute links resolve.
        assert_eq!(resolve_href("/feed/", "about:blank"), None);
        assert_eq!(
            resolve_href("https://example.com", "about:blank").as_deref(),
            Some("https://example.com/")
        );
    }
}
