//! The campaign report: one campaign's targets, status, totals per platform, organic and
//! paid, and top content, as JSON (the [`CampaignView`] itself), as CSV that opens
//! correctly in Excel ([`csv`]), and as a self-contained printable HTML page ([`html`]).
//!
//! Reports are made from a measured [`CampaignView`]; nothing here measures, reads the
//! store or fetches anything: the HTML carries its own styles and no script, image, font
//! or link to anything outside it.

pub mod csv;
pub mod html;

use crate::campaign::CampaignView;
use crate::model::{Language, Unit};
use crate::values::{format_value, ValueKind};

/// The report formats the CLI and the dashboard offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The campaign view as JSON.
    Json,
    /// CSV for English-language Excel: `,` between cells, `.` before decimals.
    Csv,
    /// CSV for Dutch Excel: `;` between cells, `,` before decimals, Dutch headers.
    CsvNl,
    /// A printable HTML page in the given language.
    Html(Language),
}

impl Format {
    /// The format with this name (`json`, `csv`, `csv-nl`, `html`, `html-nl`).
    pub fn from_name(name: &str) -> Option<Format> {
        match name {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "csv-nl" => Some(Format::CsvNl),
            "html" => Some(Format::Html(Language::En)),
            "html-nl" => Some(Format::Html(Language::Nl)),
            _ => None,
        }
    }

    /// The language the campaign's own words (why items matched, notes) should be in for
    /// this format: Dutch for `csv-nl` and `html-nl`, English otherwise (JSON keeps every
    /// reason's kind and value beside its words).
    pub fn language(self) -> Language {
        match self {
            Format::CsvNl | Format::Html(Language::Nl) => Language::Nl,
            Format::Json | Format::Csv | Format::Html(_) => Language::En,
        }
    }
}

/// The report in `format`, as bytes to save (CSV starts with a UTF-8 byte order mark).
pub fn render(view: &CampaignView, format: Format) -> Vec<u8> {
    match format {
        Format::Json => {
            let mut text = serde_json::to_string_pretty(view).unwrap_or_default();
            text.push('\n');
            text.into_bytes()
        }
        Format::Csv => csv::write(view, csv::Dialect::English),
        Format::CsvNl => csv::write(view, csv::Dialect::Dutch),
        Format::Html(language) => html::page(view, language).into_bytes(),
    }
}

/// A value written for people in `language`: rates as percentages, money with its
/// currency, counts grouped.
pub fn shown(value: f64, unit: &Unit, language: Language) -> String {
    let kind = match unit {
        Unit::Currency(code) => ValueKind::Currency(Some(code.clone())),
        Unit::Ratio => ValueKind::Percent,
        Unit::Seconds => ValueKind::Duration,
        Unit::Count => ValueKind::Number,
    };
    format_value(value, &kind, language)
}
