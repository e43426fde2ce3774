//! The campaign report as CSV that opens correctly in Excel: UTF-8 with a byte order mark
//! (without it Excel reads UTF-8 as the local code page and breaks `é`, `€` and emoji),
//! CRLF line ends, and either `,` with `.` decimals (English Excel) or `;` with `,` decimals
//! and Dutch headers (Dutch Excel expects `;` because `,` is its decimal mark).
//!
//! One long table, filterable in Excel: a row per KPI, per total figure, per content item
//! and per item left out. Text that Excel would run as a formula (a cell starting with `=`,
//! `+`, `-`, `@`, a tab or a carriage return: a post titled `=HYPERLINK(…)` or `-50% sale`)
//! is neutralised with a leading `'`; numbers are written plainly, never as text.

use crate::campaign::words;
use crate::campaign::{CampaignView, ContentRow};
use crate::model::{Language, Unit};

/// Which Excel the CSV is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// `,` between cells, `.` before decimals, English headers.
    English,
    /// `;` between cells, `,` before decimals, Dutch headers.
    Dutch,
}

impl Dialect {
    fn delimiter(self) -> u8 {
        match self {
            Dialect::English => b',',
            Dialect::Dutch => b';',
        }
    }

    fn language(self) -> Language {
        match self {
            Dialect::English => Language::En,
            Dialect::Dutch => Language::Nl,
        }
    }
}

/// The byte order mark that tells Excel the file is UTF-8.
pub const BOM: &str = "\u{feff}";

/// The report's CSV bytes, starting with the byte order mark.
pub fn write(view: &CampaignView, dialect: Dialect) -> Vec<u8> {
    let mut out = String::from(BOM);
    for row in rows(view, dialect) {
        let cells: Vec<String> = row
            .iter()
            .map(|cell| quoted(&cell.text(dialect), dialect.delimiter()))
            .collect();
        out.push_str(&cells.join(&char::from(dialect.delimiter()).to_string()));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// One cell: text (neutralised when it looks like a formula) or a number.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Text(String),
    Number { value: f64, decimals: usize },
    Empty,
}

impl Cell {
    fn text(&self, dialect: Dialect) -> String {
        match self {
            Cell::Text(text) => neutralise(text),
            Cell::Number { value, decimals } => number(*value, *decimals, dialect),
            Cell::Empty => String::new(),
        }
    }
}

fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

/// A value in its unit: rates as percentage numbers, money with two decimals.
fn value_cells(value: Option<f64>, unit: Option<&Unit>, frequency: bool) -> (Cell, Cell) {
    let Some(value) = value.filter(|v| v.is_finite()) else {
        return (Cell::Empty, Cell::Empty);
    };
    match unit {
        Some(Unit::Ratio) if !frequency => (
            Cell::Number {
                value: value * 100.0,
                decimals: 4,
            },
            text("%"),
        ),
        Some(Unit::Currency(code)) => (Cell::Number { value, decimals: 2 }, text(code.clone())),
        Some(Unit::Seconds) => (Cell::Number { value, decimals: 2 }, text("s")),
        _ => (Cell::Number { value, decimals: 4 }, Cell::Empty),
    }
}

fn headers(language: Language) -> [&'static str; 13] {
    match language {
        Language::Nl => [
            "Onderdeel",
            "Platform",
            "Deel",
            "Item",
            "Meting",
            "Waarde",
            "Eenheid",
            "Doel",
            "Prognose",
            "Status",
            "Rang",
            "Aandeel (%)",
            "Opmerking",
        ],
        _ => [
            "Section",
            "Platform",
            "Part",
            "Item",
            "Metric",
            "Value",
            "Unit",
            "Target",
            "Forecast",
            "Status",
            "Rank",
            "Share (%)",
            "Note",
        ],
    }
}

fn section(key: &str, language: Language) -> &'static str {
    let dutch = language == Language::Nl;
    match (key, dutch) {
        ("kpi", _) => "KPI",
        ("total", false) => "Total",
        ("total", true) => "Totaal",
        ("content", false) => "Content",
        ("content", true) => "Inhoud",
        (_, false) => "Left out",
        (_, true) => "Weggelaten",
    }
}

fn rows(view: &CampaignView, dialect: Dialect) -> Vec<Vec<Cell>> {
    let language = dialect.language();
    let mut rows: Vec<Vec<Cell>> = vec![headers(language).iter().map(|h| text(*h)).collect()];
    for kpi in &view.kpis {
        let evaluation = &kpi.evaluation;
        let unit = evaluation
            .unit
            .clone()
            .or(kpi.currency.clone().map(Unit::Currency));
        let frequency = evaluation.metric.to_string() == "frequency";
        let (value, unit_cell) = value_cells(evaluation.actual, unit.as_ref(), frequency);
        let (target, _) = value_cells(Some(evaluation.target), unit.as_ref(), frequency);
        let (forecast, _) = value_cells(
            evaluation.forecast.as_ref().map(|f| f.value),
            unit.as_ref(),
            frequency,
        );
        let platforms: Vec<&str> = evaluation
            .platforms
            .iter()
            .map(|p| p.display_name())
            .collect();
        let metric = match kpi.clicks {
            Some(clicks) => {
                words::figure_name(&format!("{}_{}", evaluation.metric, clicks.id()), language)
            }
            None => words::metric_name(&evaluation.metric, language),
        };
        rows.push(vec![
            text(section("kpi", language)),
            text(platforms.join(" + ")),
            text(distribution_name(evaluation.distribution, language)),
            text(
                evaluation
                    .title
                    .clone()
                    .unwrap_or_else(|| evaluation.kpi.clone()),
            ),
            text(metric),
            value,
            unit_cell,
            target,
            forecast,
            text(words::status_name(evaluation.status, language)),
            Cell::Empty,
            Cell::Empty,
            text(kpi.notes.join("; ")),
        ]);
    }
    for total in &view.totals {
        let platform = words::platform_name(total.platform, language);
        let part = words::part_name(total.part, language);
        for figure in &total.figures {
            let (value, unit) = value_cells(
                Some(figure.value),
                Some(&figure.unit),
                figure.key == "frequency",
            );
            rows.push(vec![
                text(section("total", language)),
                text(platform),
                text(part),
                Cell::Empty,
                text(words::figure_name(&figure.key, language)),
                value,
                unit,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                text(figure.formula.clone().unwrap_or_default()),
            ]);
        }
        for note in &total.notes {
            let mut row = vec![text(section("total", language)), text(platform), text(part)];
            row.extend(std::iter::repeat_n(Cell::Empty, 9));
            row.push(text(note.clone()));
            rows.push(row);
        }
    }
    let ranked_by = words::metric_name(&view.ranked_by, language);
    for row in &view.content {
        rows.push(content_row(
            row,
            &ranked_by,
            section("content", language),
            language,
            view,
        ));
    }
    for row in &view.left_out {
        rows.push(content_row(
            row,
            "",
            section("left_out", language),
            language,
            view,
        ));
    }
    rows
}

fn content_row(
    row: &ContentRow,
    ranked_by: &str,
    section: &str,
    language: Language,
    view: &CampaignView,
) -> Vec<Cell> {
    let key = view.ranked_by.to_string();
    let figure = row.figures.iter().find(|f| f.key == key);
    let (value, unit) = match figure {
        Some(figure) => value_cells(Some(figure.value), Some(&figure.unit), false),
        None => (Cell::Empty, Cell::Empty),
    };
    let mut notes: Vec<String> = row
        .reasons
        .iter()
        .map(|r| match &r.evidence {
            Some(evidence) => format!("{}: {evidence}", r.because),
            None => r.because.clone(),
        })
        .collect();
    notes.extend(row.note.clone());
    vec![
        text(section),
        text(row.platform.display_name()),
        row.part
            .map_or(Cell::Empty, |p| text(words::part_name(Some(p), language))),
        text(row.name.clone().unwrap_or_else(|| row.id.clone())),
        if figure.is_some() {
            text(ranked_by)
        } else {
            Cell::Empty
        },
        value,
        unit,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        row.rank.map_or(Cell::Empty, |rank| Cell::Number {
            value: rank as f64,
            decimals: 0,
        }),
        row.contribution.map_or(Cell::Empty, |share| Cell::Number {
            value: share * 100.0,
            decimals: 2,
        }),
        text(notes.join("; ")),
    ]
}

fn distribution_name(distribution: crate::model::Distribution, language: Language) -> &'static str {
    use crate::campaign::Part;
    use crate::model::Distribution;
    match distribution {
        Distribution::Organic => words::part_name(Some(Part::Organic), language),
        Distribution::Paid => words::part_name(Some(Part::Paid), language),
        Distribution::Total => words::part_name(None, language),
    }
}

/// A number without grouping, at most `decimals` decimals (trailing zeros dropped, except
/// that money keeps two), with the dialect's decimal mark.
fn number(value: f64, decimals: usize, dialect: Dialect) -> String {
    let mut text = format!("{value:.decimals$}");
    if decimals != 2 && text.contains('.') {
        text = text.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    if text == "-0" {
        text = "0".to_owned();
    }
    match dialect {
        Dialect::English => text,
        Dialect::Dutch => text.replace('.', ","),
    }
}

/// Text Excel would treat as a formula gets a leading `'`.
pub fn neutralise(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// A cell quoted when it holds the delimiter, a quote or a line break.
fn quoted(cell: &str, delimiter: u8) -> String {
    let needs = cell
        .bytes()
        .any(|b| b == delimiter || matches!(b, b'"' | b'\n' | b'\r'));
    if needs {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_text_is_neutralised_and_numbers_are_not() {
        let check =
            |input: &str, expected: &str| assert_eq!(neutralise(input), expected, "{input:?}");
        check(
            "=HYPERLINK(\"http://evil\",\"click\")",
            "'=HYPERLINK(\"http://evil\",\"click\")",
        );
        check("+31 20 123 4567", "'+31 20 123 4567");
        check("-50% on all robots", "'-50% on all robots");
        check("@acme thanks!", "'@acme thanks!");
        check("\tindented", "'\tindented");
        check("\rcarriage", "'\rcarriage");
        check("Open day 2027", "Open day 2027");
        check("", "");
        assert_eq!(
            Cell::Number {
                value: -3.5,
                decimals: 4
            }
            .text(Dialect::English),
            "-3.5"
        );
    }

    #[test]
    fn numbers_follow_the_dialect() {
        let check = |value: f64, decimals: usize, english: &str, dutch: &str| {
            assert_eq!(number(value, decimals, Dialect::English), english);
            assert_eq!(number(value, decimals, Dialect::Dutch), dutch);
        };
        check(2850.4, 2, "2850.40", "2850,40");
        check(348_900.0, 4, "348900", "348900");
        check(1.25, 4, "1.25", "1,25");
        check(-0.00001, 4, "0", "0");
        check(3.0, 0, "3", "3");
    }

    #[test]
    fn cells_are_quoted_only_when_needed() {
        assert_eq!(quoted("a,b", b','), "\"a,b\"");
        assert_eq!(quoted("a,b", b';'), "a,b");
        assert_eq!(quoted("say \"hi\"", b';'), "\"say \"\"hi\"\"\"");
        assert_eq!(quoted("two\nlines", b','), "\"two\nlines\"");
    }
}
