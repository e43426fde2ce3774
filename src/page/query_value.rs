//! Query-parameter values that wrap what they carry: percent-encoded more than once, or a
//! JSON value. Meta Business Suite writes its range as
//! `time_range=%257B%2522end%2522%253A%25222025-12-03%2522…%257D` (the JSON object
//! `{"end":"2025-12-03","start":"2025-12-03"}`, URL-encoded twice) or as a preset
//! `time_range=%2522LAST_28D%2522` (the JSON string `"LAST_28D"`, encoded twice).
//!
//! [`super::url::PageUrl`] decodes each value once; this module peels the remaining layers
//! for the period rules. It knows nothing of platforms and never fails: a value it cannot
//! unwrap stays as it was, and a field it cannot find is `None`.

use super::url::{percent_decode, PageUrl};

/// How many further layers of percent-encoding are peeled (Meta uses one more than the URL
/// itself); a bound so a hostile value cannot make the reader loop.
const MAX_EXTRA_LAYERS: usize = 3;

/// The value with every further layer of percent-encoding removed.
pub fn fully_decoded(value: &str) -> String {
    let mut current = value.to_owned();
    for _ in 0..MAX_EXTRA_LAYERS {
        if !current.contains('%') {
            break;
        }
        // Inner layers are JSON, not form data: a `+` there is a plus sign.
        let next = percent_decode(&current, false);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

/// The plain text a value carries: fully decoded, and the content of a JSON string when the
/// value is one (`"LAST_28D"` → `LAST_28D`). Any other value is returned decoded.
pub fn plain(value: &str) -> String {
    let decoded = fully_decoded(value);
    match serde_json::from_str::<serde_json::Value>(&decoded) {
        Ok(serde_json::Value::String(inner)) => inner,
        _ => decoded,
    }
}

/// A string field of the JSON object carried by query parameter `param` (`start` of
/// `{"end":"2025-12-03","start":"2025-12-01"}`).
pub fn json_field(url: &PageUrl, param: &str, field: &str) -> Option<String> {
    let decoded = fully_decoded(url.param(param)?);
    match serde_json::from_str::<serde_json::Value>(&decoded).ok()? {
        serde_json::Value::Object(object) => match object.get(field)? {
            serde_json::Value::String(text) => Some(text.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// One end of a range given in the URL: parameter `name` itself, or, with `within`, the
/// field `name` of the JSON object in parameter `within`.
pub fn range_part(url: &PageUrl, within: Option<&str>, name: &str) -> Option<String> {
    match within {
        Some(param) => json_field(url, param, name),
        None => url.param(name).map(plain),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const META: &str = "https://business.facebook.com/latest/insights/overview?business_id=1&asset_id=2&time_range=%257B%2522end%2522%253A%25222025-12-03%2522%252C%2522start%2522%253A%25222025-11-06%2522%257D";

    fn check(url: &str, within: Option<&str>, name: &str, expected: Option<&str>) {
        let url = PageUrl::parse(url);
        assert_eq!(
            range_part(&url, within, name).as_deref(),
            expected,
            "{name} in {within:?}"
        );
    }

    #[test]
    fn a_json_range_encoded_twice_is_unwrapped() {
        check(META, Some("time_range"), "start", Some("2025-11-06"));
        check(META, Some("time_range"), "end", Some("2025-12-03"));
        check(META, Some("time_range"), "until", None);
        check(META, Some("business_id"), "start", None);
        check(META, Some("nothing"), "start", None);
        // Encoded once only, the same object is found.
        check(
            "https://a.test/?r=%7B%22start%22%3A%222025-01-01%22%7D",
            Some("r"),
            "start",
            Some("2025-01-01"),
        );
        // A field that is not a string is not a date.
        check(
            "https://a.test/?r=%7B%22start%22%3A5%7D",
            Some("r"),
            "start",
            None,
        );
        // Without `within`, plain parameters are read as before.
        check(
            "https://a.test/?startDate=2026-10-01",
            None,
            "startDate",
            Some("2026-10-01"),
        );
    }

    #[test]
    fn presets_lose_their_quotes_and_layers() {
        assert_eq!(plain("%22LAST_28D%22"), "LAST_28D");
        assert_eq!(plain("%2522LAST_7D%2522"), "LAST_7D");
        assert_eq!(plain("past_28_days"), "past_28_days");
        assert_eq!(plain("%zz"), "%zz");
        assert_eq!(plain("12"), "12");
        // Deeper nesting than the bound stays partly encoded rather than looping.
        assert_eq!(fully_decoded("%25252522"), "%22");
    }
}
