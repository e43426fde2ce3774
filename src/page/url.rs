//! Just enough URL handling for the rules: host, path segments, query parameters, and the
//! path patterns rules match against (`/company/{account}/admin/analytics/updates`).
//!
//! The URL comes from the page, so parsing is lenient and never fails: an unusable URL has
//! an empty host and matches no rule. This module knows nothing of platforms.

use std::collections::BTreeMap;

/// The parts of a page URL the rules look at.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageUrl {
    /// Lower case, without port or credentials.
    pub host: String,
    /// Non-empty path segments, percent-decoded.
    pub segments: Vec<String>,
    /// Query parameters in order, percent-decoded (`+` as space).
    pub query: Vec<(String, String)>,
}

impl PageUrl {
    /// Splits a URL into host, path and query.
    pub fn parse(url: &str) -> PageUrl {
        let rest = url.trim();
        let rest = rest.split_once('#').map_or(rest, |(before, _)| before);
        let rest = match rest.split_once("://") {
            Some((_, after)) => after,
            None => rest,
        };
        let (authority, path_and_query) = match rest.find(['/', '?']) {
            Some(at) => rest.split_at(at),
            None => (rest, ""),
        };
        let host = authority.rsplit('@').next().unwrap_or("");
        let host = host.split(':').next().unwrap_or("").to_ascii_lowercase();
        let (path, query) = path_and_query
            .split_once('?')
            .unwrap_or((path_and_query, ""));
        PageUrl {
            host,
            segments: path
                .split('/')
                .filter(|s| !s.is_empty())
                .map(|s| percent_decode(s, false))
                .collect(),
            query: query
                .split('&')
                .filter(|pair| !pair.is_empty())
                .map(|pair| {
                    let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                    (percent_decode(name, true), percent_decode(value, true))
                })
                .collect(),
        }
    }

    /// The first value of a query parameter.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Decodes `%XX` escapes (and `+` as a space in query strings); invalid escapes and invalid
/// UTF-8 stay as they were.
pub fn percent_decode(text: &str, plus_is_space: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |at: usize| bytes.get(at).and_then(|c| (*c as char).to_digit(16));
        match b {
            b'%' => match (hex(i + 1), hex(i + 2)) {
                (Some(high), Some(low)) => {
                    out.push(u8::try_from(high * 16 + low).unwrap_or(b'?'));
                    i += 3;
                    continue;
                }
                _ => out.push(b),
            },
            b'+' if plus_is_space => out.push(b' '),
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// One segment of a path pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    /// Must equal this text (ASCII case-insensitive).
    Literal(String),
    /// Any segment starting with `prefix`; the rest is captured under `name`.
    Capture { prefix: String, name: String },
    /// `**`: any number of further segments (only last).
    Rest,
}

/// A compiled path pattern from a rules file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PathPattern {
    segments: Vec<Segment>,
}

impl PathPattern {
    /// Compiles `"/company/{account}/admin/analytics/updates/**"`.
    pub fn parse(pattern: &str) -> Result<PathPattern, String> {
        let parts: Vec<&str> = pattern.split('/').filter(|s| !s.is_empty()).collect();
        let mut segments = Vec::with_capacity(parts.len());
        for (index, part) in parts.iter().enumerate() {
            if *part == "**" {
                if index + 1 != parts.len() {
                    return Err(format!("`**` must be the last segment of {pattern:?}"));
                }
                segments.push(Segment::Rest);
            } else if let Some((prefix, rest)) = part.split_once('{') {
                let name = rest
                    .strip_suffix('}')
                    .filter(|n| {
                        !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    })
                    .ok_or_else(|| {
                        format!("bad capture {part:?} in {pattern:?}: write prefix{{name}}")
                    })?;
                segments.push(Segment::Capture {
                    prefix: prefix.to_owned(),
                    name: name.to_owned(),
                });
            } else if part.contains('}') || part.contains('*') {
                return Err(format!("bad segment {part:?} in {pattern:?}"));
            } else {
                segments.push(Segment::Literal((*part).to_owned()));
            }
        }
        Ok(PathPattern { segments })
    }

    /// The captures when the path matches.
    pub fn matches(&self, path: &[String]) -> Option<BTreeMap<String, String>> {
        let mut captures = BTreeMap::new();
        let mut remaining = path.iter();
        for segment in &self.segments {
            match segment {
                Segment::Rest => return Some(captures),
                Segment::Literal(text) => {
                    if !remaining.next()?.eq_ignore_ascii_case(text) {
                        return None;
                    }
                }
                Segment::Capture { prefix, name } => {
                    let actual = remaining.next()?;
                    let value = strip_prefix_ignore_case(actual, prefix)?;
                    if value.is_empty() {
                        return None;
                    }
                    captures.insert(name.clone(), value.to_owned());
                }
            }
        }
        remaining.next().is_none().then_some(captures)
    }
}

fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(pattern: &str, url: &str, expected: Option<&[(&str, &str)]>) {
        let compiled = PathPattern::parse(pattern).unwrap();
        let parsed = PageUrl::parse(url);
        let expected = expected.map(|pairs| {
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect::<BTreeMap<_, _>>()
        });
        assert_eq!(
            compiled.matches(&parsed.segments),
            expected,
            "{pattern} ~ {url}"
        );
    }

    #[test]
    fn patterns_match_paths_and_capture() {
        let updates = "/company/{account}/admin/analytics/updates";
        check(
            updates,
            "https://www.linkedin.com/company/12345/admin/analytics/updates/",
            Some(&[("account", "12345")]),
        );
        check(
            updates,
            "https://www.linkedin.com/company/12345/admin/analytics/followers/",
            None,
        );
        check(
            "/company/{account}/admin/post-analytics/{post_id}",
            "https://www.linkedin.com/company/9/admin/post-analytics/urn%3Ali%3Aactivity%3A7/",
            Some(&[("account", "9"), ("post_id", "urn:li:activity:7")]),
        );
        check(
            "/video/{post_id}/analytics/tab-{tab}/**",
            "https://studio.youtube.com/video/abc/analytics/tab-overview/period-default",
            Some(&[("post_id", "abc"), ("tab", "overview")]),
        );
        check(
            "/i/account_analytics/**",
            "https://x.com/i/account_analytics",
            Some(&[]),
        );
        check("/a/{b}", "https://x.test/a/", None);
    }

    #[test]
    fn urls_split_into_host_segments_and_query() {
        let url = PageUrl::parse("https://User@WWW.LinkedIn.com:443/analytics/creator/content/?timeRange=past_28_days&metricType=IMPRESSIONS#x");
        assert_eq!(url.host, "www.linkedin.com");
        assert_eq!(url.segments, ["analytics", "creator", "content"]);
        assert_eq!(url.param("timeRange"), Some("past_28_days"));
        assert_eq!(url.param("nope"), None);
        assert_eq!(PageUrl::parse("not a url").host, "not a url");
        assert_eq!(percent_decode("%7B%22a%22%7D+%zz", true), "{\"a\"} %zz");
    }

    #[test]
    fn bad_patterns_are_rejected() {
        assert!(PathPattern::parse("/a/**/b").is_err());
        assert!(PathPattern::parse("/a/{}").is_err());
        assert!(PathPattern::parse("/a/b*").is_err());
    }
}
