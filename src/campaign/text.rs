//! Reading post text for campaign rules: hashtags, whole words, links and their UTM
//! parameters.
//!
//! Plain string work on untrusted text: nothing here panics, allocates without bound, or
//! resolves a link (shortened links such as `lnkd.in/…` or `t.co/…` stay what they are;
//! Yardstick never goes online to follow them).

/// The hashtags in `text`, lower-cased, without their `#`.
pub fn hashtags(text: &str) -> Vec<String> {
    let mut tags = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut previous: Option<char> = None;
    while let Some((_, c)) = chars.next() {
        let starts_tag = matches!(c, '#' | '＃') && !previous.is_some_and(is_word_char);
        previous = Some(c);
        if !starts_tag {
            continue;
        }
        let mut tag = String::new();
        while let Some((_, next)) = chars.peek().copied() {
            if !is_word_char(next) {
                break;
            }
            tag.extend(next.to_lowercase());
            previous = Some(next);
            chars.next();
        }
        if !tag.is_empty() {
            tags.push(tag);
        }
    }
    tags
}

/// True when `phrase` occurs in `text` as whole words, ignoring case.
pub fn contains_words(text: &str, phrase: &str) -> bool {
    let text: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    let phrase: Vec<char> = phrase.trim().chars().flat_map(char::to_lowercase).collect();
    if phrase.is_empty() || phrase.len() > text.len() {
        return false;
    }
    (0..=text.len() - phrase.len()).any(|at| {
        let inside = text.get(at..at + phrase.len()) == Some(phrase.as_slice());
        let before_ok = at == 0 || text.get(at - 1).is_none_or(|c| !is_word_char(*c));
        let after_ok = text
            .get(at + phrase.len())
            .is_none_or(|c| !is_word_char(*c));
        inside && before_ok && after_ok
    })
}

/// The web addresses written in `text` (`https://…`, `http://…`, `www.…`), with trailing
/// punctuation taken off.
pub fn links(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '“' | '”'))
        .filter_map(|word| {
            let lower = word.to_ascii_lowercase();
            let start = ["https://", "http://", "www."]
                .iter()
                .filter_map(|p| lower.find(p))
                .min();
            start.and_then(|at| word.get(at..))
        })
        .map(|link| link.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\'', '…']))
        .filter(|link| link.len() > 4)
        .collect()
}

/// A link reduced for comparison: lower-case host, no scheme, no `www.`, no trailing `/`
/// before the query.
pub fn normalise_link(link: &str) -> String {
    let mut rest = link.trim();
    for scheme in ["https://", "http://"] {
        if rest
            .get(..scheme.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(scheme))
        {
            rest = rest.get(scheme.len()..).unwrap_or_default();
        }
    }
    if rest
        .get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("www."))
    {
        rest = rest.get(4..).unwrap_or_default();
    }
    let (address, query) = match rest.find(['?', '#']) {
        Some(at) => (
            rest.get(..at).unwrap_or_default(),
            rest.get(at..).unwrap_or_default(),
        ),
        None => (rest, ""),
    };
    let (host, path) = match address.find('/') {
        Some(at) => (
            address.get(..at).unwrap_or_default(),
            address.get(at..).unwrap_or_default(),
        ),
        None => (address, ""),
    };
    let path = path.trim_end_matches('/');
    format!("{}{path}{query}", host.to_ascii_lowercase())
}

/// True when `link` starts with the address `pattern` (both normalised), at a boundary of
/// the path (`acme.nl/open-day` matches `acme.nl/open-day/programme`, not
/// `acme.nl/open-days`).
pub fn link_starts_with(link: &str, pattern: &str) -> bool {
    let link = normalise_link(link);
    let pattern = normalise_link(pattern);
    if pattern.is_empty() {
        return false;
    }
    match link.strip_prefix(&pattern) {
        Some(rest) => {
            rest.is_empty() || pattern.ends_with('/') || rest.starts_with(['/', '?', '#', '&'])
        }
        None => false,
    }
}

/// The query parameters of a link, names lower-cased, values percent-decoded.
pub fn query_parameters(link: &str) -> Vec<(String, String)> {
    let Some(at) = link.find('?') else {
        return Vec::new();
    };
    let query = link.get(at + 1..).unwrap_or_default();
    let query = query.split('#').next().unwrap_or_default();
    query
        .split('&')
        .filter_map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let name = percent_decode(name).to_lowercase();
            (!name.is_empty()).then(|| (name, percent_decode(value)))
        })
        .collect()
}

/// True when the link carries every `(name, value)` pair, values compared ignoring case.
pub fn has_parameters(link: &str, wanted: &[(String, String)]) -> bool {
    let found = query_parameters(link);
    !wanted.is_empty()
        && wanted.iter().all(|(name, value)| {
            found
                .iter()
                .any(|(n, v)| n == name && v.to_lowercase() == value.to_lowercase())
        })
}

/// `%XX` and `+` decoded; invalid escapes kept as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(byte) = bytes.get(index) {
        match byte {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(index + 1..index + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                if let Some(decoded) = hex {
                    out.push(decoded);
                    index += 3;
                    continue;
                }
                out.push(b'%');
            }
            other => out.push(*other),
        }
        index += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Up to `around` characters of `text` either side of the first occurrence of `needle`
/// (ignoring case), for showing why a rule matched.
pub fn snippet(text: &str, needle: &str, around: usize) -> String {
    let lower: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    let chars: Vec<char> = text.chars().collect();
    let needle: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    // Lower-casing can change the length of a few characters; then show the start.
    let at = if lower.len() == chars.len() && !needle.is_empty() && needle.len() <= lower.len() {
        (0..=lower.len() - needle.len())
            .find(|i| lower.get(*i..*i + needle.len()) == Some(needle.as_slice()))
    } else {
        None
    };
    let (from, to) = match at {
        Some(at) => (
            at.saturating_sub(around),
            (at + needle.len() + around).min(chars.len()),
        ),
        None => (0, (2 * around).min(chars.len())),
    };
    let mut out: String = chars.get(from..to).unwrap_or_default().iter().collect();
    out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    if from > 0 {
        out.insert(0, '…');
    }
    if to < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashtags_are_whole_words_after_a_hash() {
        let check = |text: &str, expected: &[&str]| assert_eq!(hashtags(text), expected, "{text}");
        check(
            "Join us! #OpenDay2027 #Utrecht",
            &["openday2027", "utrecht"],
        );
        check("#OpenDay2027NL and C# and issue#4", &["openday2027nl"]);
        check("Kom langs! #opendag_2027.", &["opendag_2027"]);
        check("## #", &[]);
        check("Café #Zoë", &["zoë"]);
    }

    #[test]
    fn words_match_whole_and_ignore_case() {
        let check = |text: &str, phrase: &str, expected: bool| {
            assert_eq!(
                contains_words(text, phrase),
                expected,
                "{text:?} / {phrase:?}"
            )
        };
        check("Come to our Open Day on 14 March", "open day", true);
        check("Come to our open days", "open day", false);
        check("reopen day", "open day", false);
        check("Open Day!", "open day", true);
        check("x", "a longer phrase", false);
        check("anything", "  ", false);
    }

    #[test]
    fn links_are_found_and_compared_without_scheme_or_www() {
        let text = "Sign up: https://www.acme.nl/open-day?utm_source=linkedin&utm_campaign=OpenDay27. (www.acme.nl/jobs)";
        let found = links(text);
        assert_eq!(
            found,
            vec![
                "https://www.acme.nl/open-day?utm_source=linkedin&utm_campaign=OpenDay27",
                "www.acme.nl/jobs"
            ]
        );
        assert!(link_starts_with(found[0], "acme.nl/open-day"));
        assert!(link_starts_with(found[0], "https://acme.nl/open-day/"));
        assert!(link_starts_with(
            "ACME.nl/open-day/programme",
            "acme.nl/open-day"
        ));
        assert!(!link_starts_with("acme.nl/open-days", "acme.nl/open-day"));
        assert!(!link_starts_with(found[1], "acme.nl/open-day"));
        assert!(!link_starts_with("acme.nl", ""));
    }

    #[test]
    fn utm_parameters_are_decoded_and_compared_ignoring_case() {
        let link = "https://acme.nl/?utm_campaign=open%20day+27&UTM_Source=LinkedIn#top";
        assert_eq!(
            query_parameters(link),
            vec![
                ("utm_campaign".to_owned(), "open day 27".to_owned()),
                ("utm_source".to_owned(), "LinkedIn".to_owned())
            ]
        );
        let wanted = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        assert!(has_parameters(link, &wanted(&[("utm_source", "linkedin")])));
        assert!(!has_parameters(
            link,
            &wanted(&[("utm_source", "linkedin"), ("utm_medium", "social")])
        ));
        assert!(!has_parameters(link, &[]));
        assert_eq!(
            query_parameters("https://acme.nl/?a=%zz&%&="),
            vec![
                ("a".to_owned(), "%zz".to_owned()),
                ("%".to_owned(), String::new())
            ]
        );
    }

    #[test]
    fn snippets_show_the_match_in_context() {
        let text =
            "We are opening our doors on 14 March for the #OpenDay2027 at the Utrecht campus";
        assert_eq!(
            snippet(text, "#openday2027", 10),
            "…h for the #OpenDay2027 at the Ut…"
        );
        assert_eq!(snippet("short text", "absent", 3), "short…");
        assert_eq!(snippet("short", "", 3), "short");
    }
}
