//! The campaign report as one self-contained HTML page with a print stylesheet, so that
//! "Save as PDF" gives a clean document: the targets and their status, totals per platform
//! organic and paid, the top content with why it belongs, and what was left out.
//!
//! The page carries its own styles and nothing else: no script, image, font or link to
//! anything outside it, and a Content-Security-Policy that forbids loading any. Every text
//! from a page, file or strategy is escaped. Words are English or Dutch.

use std::fmt::Write as _;

use crate::campaign::words;
use crate::campaign::{CampaignView, ContentRow, TotalsRow};
use crate::evaluate::Status;
use crate::model::{Distribution, Language, Unit};
use crate::report::shown;
use crate::values::{format_date, format_date_range, DateRange};

/// How many content items the report lists.
pub const TOP_CONTENT: usize = 10;

/// The figures the totals table shows, in order, when any row has them.
const TOTAL_COLUMNS: [&str; 9] = [
    "impressions",
    "engagements",
    "engagement_rate",
    "link_clicks",
    "followers_gained",
    "spend",
    "cpm",
    "cpc_link",
    "ctr_link",
];

const STYLE: &str = "
:root { --ink: #1b1f24; --muted: #5b6470; --line: #d6dae0; --good: #1a7f37; --warn: #9a6700; --bad: #cf222e; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: var(--ink); margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
.meta, .note, footer { color: var(--muted); }
.label { display: inline-block; border: 1px solid var(--line); border-radius: .25rem; padding: 0 .4rem; font-size: .85em; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .45rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; font-size: .9em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
th { hyphens: auto; }
.status { font-weight: 600; white-space: nowrap; }
.status-on_track, .status-achieved { color: var(--good); }
.status-at_risk, .status-partial_data { color: var(--warn); }
.status-off_track, .status-missed { color: var(--bad); }
.status-no_data, .status-not_started { color: var(--muted); }
table.totals { font-size: .88em; }
table.totals td:nth-child(2) { white-space: nowrap; }
ul.notes { margin: .4rem 0 0; padding-left: 1.1rem; }
footer { margin-top: 2rem; font-size: .85em; border-top: 1px solid var(--line); padding-top: .5rem; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  h2 { break-after: avoid; }
  tr, li { break-inside: avoid; }
  thead { display: table-header-group; }
  .status { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
";

/// The whole page.
pub fn page(view: &CampaignView, language: Language) -> String {
    let nl = language == Language::Nl;
    let t = |en: &'static str, dutch: &'static str| if nl { dutch } else { en };
    let campaign = &view.campaign;
    let mut html = String::new();
    let title = format!(
        "{} — {}",
        campaign.name,
        t("campaign report", "campagnerapport")
    );
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        language.code(),
        escape(&title)
    );
    let dates = DateRange::new(campaign.start, campaign.end)
        .map(|range| format_date_range(range, language))
        .unwrap_or_default();
    let platforms: Vec<&str> = campaign
        .platforms
        .iter()
        .map(|p| p.display_name())
        .collect();
    let delivery = match campaign.delivery {
        crate::campaign::Delivery::Organic => {
            words::part_name(Some(crate::campaign::Part::Organic), language)
        }
        crate::campaign::Delivery::Paid => {
            words::part_name(Some(crate::campaign::Part::Paid), language)
        }
        crate::campaign::Delivery::Both => words::part_name(None, language),
    };
    let _ = writeln!(
        html,
        "<header>\n<h1>{}</h1>\n<p class=\"meta\">{} · {} · {} · {} {}</p>\n</header>",
        escape(&campaign.name),
        escape(&dates),
        escape(&platforms.join(", ")),
        escape(delivery),
        t("as of", "stand op"),
        escape(&format_date(view.today, language)),
    );
    kpi_section(&mut html, view, language);
    totals_section(&mut html, &view.totals, language);
    content_section(&mut html, view, language);
    left_out_section(&mut html, &view.left_out, language);
    let mut footer = String::new();
    if let Some(currency) = &view.currency {
        let _ = write!(
            footer,
            "{} {}. ",
            t("Money in", "Bedragen in"),
            escape(currency)
        );
        for (code, rate) in &view.rates_used {
            let _ = write!(
                footer,
                "1 {} = {} {} ({}). ",
                escape(code),
                rate,
                escape(currency),
                t("your rate", "uw koers")
            );
        }
    }
    footer.push_str(t(
        "Rates are computed from summed parts, never averaged; reach is never added across items. Made by Yardstick on this computer.",
        "Percentages en kosten zijn berekend uit opgetelde delen, nooit gemiddeld; bereik wordt nooit over items opgeteld. Gemaakt met Yardstick op deze computer.",
    ));
    let _ = write!(html, "<footer>{footer}</footer>\n</body>\n</html>\n");
    html
}

fn kpi_section(html: &mut String, view: &CampaignView, language: Language) {
    let nl = language == Language::Nl;
    let t = |en: &'static str, dutch: &'static str| if nl { dutch } else { en };
    let _ = write!(html, "<section>\n<h2>{}</h2>\n", t("Targets", "Doelen"));
    if view.kpis.is_empty() {
        let _ = writeln!(
            html,
            "<p class=\"note\">{}</p>\n</section>",
            t("The campaign has no KPIs.", "De campagne heeft geen KPI's.")
        );
        return;
    }
    let _ = writeln!(
        html,
        "<table class=\"kpis\">\n<thead><tr><th>KPI</th><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>Status</th></tr></thead>\n<tbody>",
        t("Platforms", "Platforms"),
        t("Part", "Deel"),
        t("Target", "Doel"),
        t("Actual", "Stand"),
        t("Achieved", "Behaald"),
        t("Forecast", "Prognose"),
    );
    let mut notes = Vec::new();
    for kpi in &view.kpis {
        let evaluation = &kpi.evaluation;
        let unit = evaluation
            .unit
            .clone()
            .or(kpi.currency.clone().map(Unit::Currency));
        let value = |v: Option<f64>| match (v, &unit) {
            (Some(v), Some(unit)) => shown(v, unit, language),
            (Some(v), None) => shown(v, &Unit::Count, language),
            (None, _) => "—".to_owned(),
        };
        let metric = match kpi.clicks {
            Some(clicks) => {
                words::figure_name(&format!("{}_{}", evaluation.metric, clicks.id()), language)
            }
            None => words::metric_name(&evaluation.metric, language),
        };
        let name = match &evaluation.title {
            Some(title) => format!("{title} ({metric})"),
            None => metric,
        };
        let platforms: Vec<&str> = evaluation
            .platforms
            .iter()
            .map(|p| p.display_name())
            .collect();
        let part = match evaluation.distribution {
            Distribution::Organic => {
                words::part_name(Some(crate::campaign::Part::Organic), language)
            }
            Distribution::Paid => words::part_name(Some(crate::campaign::Part::Paid), language),
            Distribution::Total => words::part_name(None, language),
        };
        let achieved = evaluation
            .achieved
            .map(|a| shown(a, &Unit::Ratio, language))
            .unwrap_or_else(|| "—".to_owned());
        let status = status_text(evaluation.status, evaluation.provisional, language);
        let _ = writeln!(
            html,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"status status-{}\">{}</td></tr>",
            escape(&name),
            escape(&platforms.join(", ")),
            escape(part),
            escape(&value(Some(evaluation.target))),
            escape(&value(evaluation.actual)),
            escape(&achieved),
            escape(&value(evaluation.forecast.as_ref().map(|f| f.value))),
            status_class(evaluation.status),
            escape(&status),
        );
        for note in &kpi.notes {
            notes.push(format!("{}: {note}", evaluation.kpi));
        }
    }
    html.push_str("</tbody>\n</table>\n");
    notes_list(html, &notes);
    html.push_str("</section>\n");
}

fn totals_section(html: &mut String, totals: &[TotalsRow], language: Language) {
    let nl = language == Language::Nl;
    let t = |en: &'static str, dutch: &'static str| if nl { dutch } else { en };
    let _ = writeln!(
        html,
        "<section>\n<h2>{}</h2>",
        t("Totals per platform", "Totalen per platform")
    );
    let columns: Vec<&str> = TOTAL_COLUMNS
        .iter()
        .copied()
        .filter(|key| totals.iter().any(|row| row.figure(key).is_some()))
        .collect();
    let _ = write!(
        html,
        "<table class=\"totals\">\n<thead><tr><th>Platform</th><th>{}</th>",
        t("Part", "Deel")
    );
    for key in &columns {
        let _ = write!(
            html,
            "<th class=\"num\">{}</th>",
            escape(&words::figure_name(key, language))
        );
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    let mut notes: Vec<String> = Vec::new();
    for row in totals {
        let _ = write!(
            html,
            "<tr><td>{}</td><td>{}</td>",
            escape(words::platform_name(row.platform, language)),
            escape(match row.part {
                Some(part) => words::part_name(Some(part), language),
                None => t("total", "totaal"),
            })
        );
        for key in &columns {
            let cell = row
                .figure(key)
                .map(|f| shown(f.value, &f.unit, language))
                .unwrap_or_else(|| "—".to_owned());
            let _ = write!(html, "<td class=\"num\">{}</td>", escape(&cell));
        }
        html.push_str("</tr>\n");
        for note in &row.notes {
            if !notes.contains(note) {
                notes.push(note.clone());
            }
        }
    }
    html.push_str("</tbody>\n</table>\n");
    notes_list(html, &notes);
    html.push_str("</section>\n");
}

fn content_section(html: &mut String, view: &CampaignView, language: Language) {
    let nl = language == Language::Nl;
    let t = |en: &'static str, dutch: &'static str| if nl { dutch } else { en };
    let ranked_by = words::metric_name(&view.ranked_by, language);
    let _ = writeln!(
        html,
        "<section>\n<h2>{}</h2>\n<p class=\"note\">{} {}.</p>",
        t("Top content", "Beste inhoud"),
        t(
            "Ranked by their share of the campaign's",
            "Gerangschikt naar hun aandeel in de"
        ),
        escape(&ranked_by)
    );
    let top: Vec<&ContentRow> = view
        .content
        .iter()
        .filter(|r| r.rank.is_some())
        .take(TOP_CONTENT)
        .collect();
    if top.is_empty() {
        let _ = writeln!(
            html,
            "<p class=\"note\">{}</p>\n</section>",
            t("No content matched yet.", "Nog geen inhoud gevonden.")
        );
        return;
    }
    let _ = writeln!(
        html,
        "<table class=\"content\">\n<thead><tr><th class=\"num\">#</th><th>Platform</th><th>Item</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead>\n<tbody>",
        t("Part", "Deel"),
        escape(&ranked_by),
        t("Share", "Aandeel"),
        t("Why it belongs", "Waarom het erbij hoort"),
    );
    let key = view.ranked_by.to_string();
    for row in top {
        let value = row
            .figures
            .iter()
            .find(|f| f.key == key)
            .map(|f| shown(f.value, &f.unit, language))
            .unwrap_or_else(|| "—".to_owned());
        let share = row
            .contribution
            .map(|c| shown(c, &Unit::Ratio, language))
            .unwrap_or_default();
        let reasons: Vec<String> = row.reasons.iter().map(|r| r.because.clone()).collect();
        let _ = writeln!(
            html,
            "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            row.rank.unwrap_or_default(),
            escape(row.platform.display_name()),
            escape(row.name.as_deref().unwrap_or(&row.id)),
            escape(row.part.map_or("", |p| words::part_name(Some(p), language))),
            escape(&value),
            escape(&share),
            escape(&reasons.join("; ")),
        );
    }
    html.push_str("</tbody>\n</table>\n</section>\n");
}

fn left_out_section(html: &mut String, left_out: &[ContentRow], language: Language) {
    if left_out.is_empty() {
        return;
    }
    let nl = language == Language::Nl;
    let heading = if nl { "Weggelaten" } else { "Left out" };
    let _ = write!(
        html,
        "<section>\n<h2>{heading}</h2>\n<ul class=\"notes\">\n"
    );
    for row in left_out {
        let reasons: Vec<String> = row.reasons.iter().map(|r| r.because.clone()).collect();
        let _ = writeln!(
            html,
            "<li>{} · {} — {} ({})</li>",
            escape(row.platform.display_name()),
            escape(row.name.as_deref().unwrap_or(&row.id)),
            escape(row.note.as_deref().unwrap_or_default()),
            escape(&reasons.join("; ")),
        );
    }
    html.push_str("</ul>\n</section>\n");
}

fn notes_list(html: &mut String, notes: &[String]) {
    if notes.is_empty() {
        return;
    }
    html.push_str("<ul class=\"notes note\">\n");
    for note in notes {
        let _ = writeln!(html, "<li>{}</li>", escape(note));
    }
    html.push_str("</ul>\n");
}

fn status_text(status: Status, provisional: Option<Status>, language: Language) -> String {
    match provisional {
        Some(provisional) => format!(
            "{} ({})",
            words::status_name(status, language),
            words::status_name(provisional, language)
        ),
        None => words::status_name(status, language).to_owned(),
    }
}

fn status_class(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "not_started",
        Status::NoData => "no_data",
        Status::PartialData => "partial_data",
        Status::OnTrack => "on_track",
        Status::AtRisk => "at_risk",
        Status::OffTrack => "off_track",
        Status::Achieved => "achieved",
        Status::Missed => "missed",
    }
}

/// Text made safe inside HTML elements and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape("<img src=x onerror=\"alert('hi')\"> & co"),
            "&lt;img src=x onerror=&quot;alert(&#39;hi&#39;)&quot;&gt; &amp; co"
        );
    }
}
