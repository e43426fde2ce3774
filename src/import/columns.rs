//! The vocabulary of export columns: what a column means ([`Role`]), how its cells become
//! values ([`Reading`]), and how a header label as written (`Impressions (organic)`,
//! `Amount spent (EUR)`, `Klick­rate der Impressionen (%)`) is normalised and split into a
//! base label, a paid/organic/total split and a currency.
//!
//! The per-platform tables (`x.rs`, `linkedin.rs`, …) are data written in this vocabulary.
//! This module must not know any platform's labels.

use crate::metrics::CanonicalMetric;
use crate::model::{Distribution, Language, Metric, Platform};

/// One label of a column in one language, normalised (see [`normalise_label`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Label {
    pub language: Option<Language>,
    pub text: &'static str,
}

/// A label any language may use (numbers, brand words, labels X never translated).
pub(crate) const fn any(text: &'static str) -> Label {
    Label {
        language: None,
        text,
    }
}
pub(crate) const fn en(text: &'static str) -> Label {
    Label {
        language: Some(Language::En),
        text,
    }
}
pub(crate) const fn nl(text: &'static str) -> Label {
    Label {
        language: Some(Language::Nl),
        text,
    }
}
pub(crate) const fn de(text: &'static str) -> Label {
    Label {
        language: Some(Language::De),
        text,
    }
}
pub(crate) const fn fr(text: &'static str) -> Label {
    Label {
        language: Some(Language::Fr),
        text,
    }
}
pub(crate) const fn es(text: &'static str) -> Label {
    Label {
        language: Some(Language::Es),
        text,
    }
}

/// A column an export kind knows: its labels in every language, and what it means.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    pub labels: &'static [Label],
    pub role: Role,
}

/// A column from its labels and role (the tables' shorthand).
pub(crate) const fn col(labels: &'static [Label], role: Role) -> Column {
    Column { labels, role }
}

/// What a known column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Role {
    /// A figure to record.
    Metric(Target),
    /// The row's day (daily rows), or the word `Lifetime` (Meta's per-post totals).
    Date,
    /// The post's (video's, pin's) id, as text.
    PostId,
    /// The post's own link (its permalink); the id is taken from it when there is no id
    /// column.
    PostLink,
    /// When the post was published: the start of its lifetime window, and the content
    /// record's publication day.
    PublishedAt,
    /// The post's title or text: kept as the observation's name when short, and as the
    /// content record's text when no [`Role::Text`] column says more.
    Title,
    /// The post's full text or an ad's primary text (Meta's `Description`), for the content
    /// record only.
    Text,
    /// A link the post or ad points to (an ad's click URL), never the post's own address.
    TargetLink,
    /// The ad manager's result type or result indicator of the row's entity.
    ResultType,
    /// The attribution setting the row's results were counted under.
    Attribution,
    /// The ad manager campaign a row that is not an ad entity belongs to (a LinkedIn
    /// sponsored post's `Campaign name`). Ad entity rows name their campaign with
    /// [`Role::EntityName`] and [`Role::EntityId`] instead; no post export seen names a
    /// campaign id.
    CampaignName,
    /// The account's name or handle.
    AccountName,
    /// First and last day of a range row (Ads Manager).
    RangeStart,
    RangeEnd,
    /// The ad entity a row describes, by name or id (Ads Manager).
    EntityName(crate::model::Scope),
    EntityId(crate::model::Scope),
    /// Known, read by nobody: text properties (description, post type, labels).
    Attribute,
}

/// Where a column's numbers go.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Target {
    pub metric: MetricName,
    pub reading: Reading,
    /// The paid/organic split the column counts when its label says so in words
    /// (`Sponsored followers`) rather than with a suffix.
    pub split: Option<Distribution>,
}

/// A canonical metric, or a platform's own figure under its snake_case name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum MetricName {
    Canonical(CanonicalMetric),
    Own(&'static str),
}

impl MetricName {
    pub(crate) fn resolve(self, platform: Platform) -> Metric {
        match self {
            MetricName::Canonical(metric) => Metric::Canonical(metric),
            MetricName::Own(name) => Metric::platform(platform, name),
        }
    }
}

/// How a cell's text becomes the recorded value and unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// A count.
    Count,
    /// A fraction already (`0.0155`); a `%` in the cell still divides by 100.
    Fraction,
    /// A percentage written without `%` (`5.02` under `… (%)`): divided by 100.
    PercentNumber,
    /// Seconds.
    Seconds,
    /// Hours (`Watch time (hours)`): multiplied by 3600.
    Hours,
    /// `h:mm:ss` or seconds.
    Duration,
    /// Money; the currency comes from the header (`(EUR)`) or the row.
    Money,
    /// A level on a day (total followers), recorded as a snapshot.
    Level,
}

/// Shorthand constructors the tables use.
pub(crate) const fn metric(metric: CanonicalMetric, reading: Reading) -> Role {
    Role::Metric(Target {
        metric: MetricName::Canonical(metric),
        reading,
        split: None,
    })
}
pub(crate) const fn own(name: &'static str, reading: Reading) -> Role {
    Role::Metric(Target {
        metric: MetricName::Own(name),
        reading,
        split: None,
    })
}
pub(crate) const fn count(metric: CanonicalMetric) -> Role {
    self::metric(metric, Reading::Count)
}
/// A count of one part of the audience (`Sponsored followers`).
pub(crate) const fn count_split(metric: CanonicalMetric, split: Distribution) -> Role {
    Role::Metric(Target {
        metric: MetricName::Canonical(metric),
        reading: Reading::Count,
        split: Some(split),
    })
}

/// A header label split into what the importers match on and what it says besides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HeaderLabel {
    /// Lower case, whitespace collapsed, soft hyphens and BOMs gone, suffixes removed.
    pub base: String,
    /// The whole label normalised, suffixes kept (matched first).
    pub full: String,
    pub distribution: Option<Distribution>,
    /// An ISO 4217 code from a `(EUR)` suffix.
    pub currency: Option<String>,
    /// The language the distribution suffix was written in, when it tells.
    pub suffix_language: Option<Language>,
}

/// Normalises a label: trims, lower-cases, removes BOMs, soft hyphens and zero-width marks,
/// turns no-break spaces into spaces and collapses whitespace, and straightens quotes.
pub(crate) fn normalise_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        match c {
            '\u{feff}' | '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' => {}
            c if c.is_whitespace() => pending_space = true,
            '\u{2019}' | '\u{2018}' => push_char(&mut out, &mut pending_space, '\''),
            c => {
                for lower in c.to_lowercase() {
                    push_char(&mut out, &mut pending_space, lower);
                }
            }
        }
    }
    out
}

fn push_char(out: &mut String, pending_space: &mut bool, c: char) {
    if *pending_space && !out.is_empty() {
        out.push(' ');
    }
    *pending_space = false;
    out.push(c);
}

/// Paid/organic/total suffixes in the five languages (LinkedIn, Meta).
const DISTRIBUTION_SUFFIXES: &[(&str, Distribution, Option<Language>)] = &[
    ("organic", Distribution::Organic, Some(Language::En)),
    ("sponsored", Distribution::Paid, Some(Language::En)),
    ("paid", Distribution::Paid, Some(Language::En)),
    ("total", Distribution::Total, None),
    ("organisch", Distribution::Organic, None),
    ("gesponsord", Distribution::Paid, Some(Language::Nl)),
    ("betaald", Distribution::Paid, Some(Language::Nl)),
    ("totaal", Distribution::Total, Some(Language::Nl)),
    ("gesponsert", Distribution::Paid, Some(Language::De)),
    ("bezahlt", Distribution::Paid, Some(Language::De)),
    ("gesamt", Distribution::Total, Some(Language::De)),
    ("insgesamt", Distribution::Total, Some(Language::De)),
    ("organique", Distribution::Organic, Some(Language::Fr)),
    ("organiques", Distribution::Organic, Some(Language::Fr)),
    ("sponsorisé", Distribution::Paid, Some(Language::Fr)),
    ("sponsorisés", Distribution::Paid, Some(Language::Fr)),
    ("payant", Distribution::Paid, Some(Language::Fr)),
    ("orgánico", Distribution::Organic, Some(Language::Es)),
    ("orgánicos", Distribution::Organic, Some(Language::Es)),
    ("orgánica", Distribution::Organic, Some(Language::Es)),
    ("orgánicas", Distribution::Organic, Some(Language::Es)),
    ("patrocinado", Distribution::Paid, Some(Language::Es)),
    ("patrocinados", Distribution::Paid, Some(Language::Es)),
    ("patrocinadas", Distribution::Paid, Some(Language::Es)),
    ("totales", Distribution::Total, Some(Language::Es)),
];

/// Splits a header into base label, distribution and currency.
pub(crate) fn parse_header(raw: &str) -> HeaderLabel {
    let full = normalise_label(raw);
    let mut base = full.as_str();
    let mut distribution = None;
    let mut currency = None;
    let mut suffix_language = None;
    // Suffixes come in either order: `Amount spent (EUR)`, `Spend (organic) (EUR)`.
    for _ in 0..2 {
        let Some((rest, inner)) = trailing_parenthesis(base) else {
            break;
        };
        if currency.is_none() && is_currency_code(inner) {
            currency = Some(inner.to_ascii_uppercase());
            base = rest;
        } else if let Some((_, split, language)) = distribution
            .is_none()
            .then(|| {
                DISTRIBUTION_SUFFIXES
                    .iter()
                    .find(|(word, _, _)| *word == inner)
            })
            .flatten()
        {
            distribution = Some(*split);
            suffix_language = *language;
            base = rest;
        }
    }
    HeaderLabel {
        base: base.to_owned(),
        full,
        distribution,
        currency,
        suffix_language,
    }
}

fn trailing_parenthesis(text: &str) -> Option<(&str, &str)> {
    let without_close = text.strip_suffix(')')?;
    let open = without_close.rfind('(')?;
    let inner = without_close.get(open + 1..)?;
    let rest = without_close.get(..open)?.trim_end();
    Some((rest, inner.trim()))
}

/// Three ASCII letters that name a currency (`eur`, `usd`), lower-cased by normalisation.
/// `(sec)` and `(all)` are three letters too, so only known codes count.
fn is_currency_code(text: &str) -> bool {
    const CODES: &[&str] = &[
        "eur", "usd", "gbp", "chf", "sek", "nok", "dkk", "pln", "czk", "huf", "cad", "aud", "nzd",
        "jpy", "inr", "brl", "mxn", "zar", "try", "ron", "bgn", "sgd", "hkd", "ars", "clp", "cop",
        "pen", "krw", "idr", "thb", "php", "myr", "aed", "sar", "ils",
    ];
    CODES.contains(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: &str, base: &str, distribution: Option<Distribution>, currency: Option<&str>) {
        let header = parse_header(raw);
        assert_eq!(header.base, base, "{raw}");
        assert_eq!(header.distribution, distribution, "{raw}");
        assert_eq!(header.currency.as_deref(), currency, "{raw}");
    }

    #[test]
    fn splits_distribution_and_currency_suffixes() {
        check(
            "Impressions (organic)",
            "impressions",
            Some(Distribution::Organic),
            None,
        );
        check(
            "Impresiones (orgánicas)",
            "impresiones",
            Some(Distribution::Organic),
            None,
        );
        check("Clics (Totales)", "clics", Some(Distribution::Total), None);
        check("Amount spent (EUR)", "amount spent", None, Some("EUR"));
        check(
            "CPM (kosten per 1000 weergaven) (EUR)",
            "cpm (kosten per 1000 weergaven)",
            None,
            Some("EUR"),
        );
        check("Duration (sec)", "duration (sec)", None, None);
        check("Clicks (all)", "clicks (all)", None, None);
    }

    #[test]
    fn normalises_what_spreadsheets_add() {
        assert_eq!(normalise_label("\u{feff}Post ID"), "post id");
        assert_eq!(
            normalise_label("Klick\u{ad}rate der  Impressionen (%)"),
            "klickrate der impressionen (%)"
        );
        assert_eq!(
            normalise_label(" Taux d\u{2019}engagement\u{a0}"),
            "taux d'engagement"
        );
    }
}
