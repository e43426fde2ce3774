//! The campaign report of the "Open day 2027" fixture as JSON, as CSV for English and Dutch
//! Excel (byte order mark, delimiters, decimal marks, formula-like text neutralised), and as
//! a self-contained printable HTML page.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod campaign_support;

use campaign_support as fixture;
use yardstick::campaign::{measure, CampaignView};
use yardstick::model::Language;
use yardstick::report::{render, Format};

fn view() -> CampaignView {
    let strategy = fixture::strategy();
    let plan = strategy.plan("open-day-2027").unwrap();
    measure(
        plan,
        &fixture::store_with_content(),
        &fixture::meta_info(),
        fixture::today(),
        Language::En,
    )
    .unwrap()
}

/// The CSV's records as Excel would split them (after the byte order mark).
fn records(bytes: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).unwrap();
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a UTF-8 byte order mark first");
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn find<'a>(rows: &'a [Vec<String>], section: &str, item: &str) -> &'a Vec<String> {
    rows.iter()
        .find(|r| r[0] == section && r[3] == item)
        .unwrap_or_else(|| panic!("no {section} row for {item}"))
}

#[test]
fn json_is_the_campaign_view() {
    let view = view();
    let json: serde_json::Value = serde_json::from_slice(&render(&view, Format::Json)).unwrap();
    assert_eq!(json["campaign"]["id"], "open-day-2027");
    assert_eq!(json["currency"], "EUR");
    assert_eq!(json["kpis"][4]["kpi"], "od-spend");
    assert_eq!(json["kpis"][4]["status"], "off_track");
    assert_eq!(
        json["content"][0]["reasons"][0]["because"],
        "ad manager entity containing \"Open Day 2027\""
    );
    assert_eq!(json["ranked_by"], "impressions");
}

#[test]
fn csv_for_english_excel() {
    let bytes = render(&view(), Format::Csv);
    assert!(
        std::str::from_utf8(&bytes).unwrap().contains("\r\n"),
        "Excel's line ends"
    );
    let rows = records(&bytes, b',');
    assert_eq!(
        rows[0][..6],
        ["Section", "Platform", "Part", "Item", "Metric", "Value"]
    );
    assert!(
        rows.iter().all(|r| r.len() == 13),
        "every row has every column"
    );
    let spend = find(&rows, "KPI", "od-spend");
    assert_eq!(spend[4], "spend");
    assert_eq!(
        (spend[5].as_str(), spend[6].as_str(), spend[7].as_str()),
        ("2850.40", "EUR", "3000.00")
    );
    assert_eq!(
        (spend[8].as_str(), spend[9].as_str()),
        ("4275.60", "off track")
    );
    let ctr = find(&rows, "KPI", "od-ctr-linkedin");
    // 198 / 21,000 as a percentage number, with its unit.
    assert_eq!(
        (ctr[4].as_str(), ctr[5].as_str(), ctr[6].as_str()),
        ("CTR (link clicks)", "0.9429", "%")
    );
    let reach = find(&rows, "Content", "Open Day 2027 - Reach");
    assert_eq!(
        (reach[4].as_str(), reach[5].as_str(), reach[10].as_str()),
        ("impressions", "142000", "1")
    );
    // Its share of the campaign's 324,700 impressions (Instagram's views are not impressions).
    assert_eq!(reach[11], "43.73");
    let total = rows
        .iter()
        .find(|r| {
            r[0] == "Total"
                && r[1] == "All platforms"
                && r[2] == "organic and paid"
                && r[4] == "spend"
        })
        .unwrap();
    assert_eq!(total[5], "2850.40");
    let left = rows.iter().filter(|r| r[0] == "Left out").count();
    assert_eq!(left, 2);
}

#[test]
fn csv_for_dutch_excel() {
    let bytes = render(&view(), Format::CsvNl);
    let rows = records(&bytes, b';');
    assert_eq!(
        rows[0][..6],
        ["Onderdeel", "Platform", "Deel", "Item", "Meting", "Waarde"]
    );
    assert!(rows.iter().all(|r| r.len() == 13));
    let spend = find(&rows, "KPI", "od-spend");
    assert_eq!(
        (spend[4].as_str(), spend[5].as_str(), spend[9].as_str()),
        ("besteed bedrag", "2850,40", "uit koers")
    );
    let cpm = rows
        .iter()
        .find(|r| r[0] == "Totaal" && r[1] == "Meta Ads" && r[2] == "betaald" && r[4] == "CPM")
        .unwrap();
    // 2,200 / 240,000 × 1000, with a decimal comma and the formula in words.
    assert_eq!(cpm[5], "9,17");
    assert_eq!(cpm[12], "spend 2200 / impressions 240000 × 1000");
    // The note says which rule matched and what it found.
    let post = find(
        &rows,
        "Inhoud",
        "Open Day 2027: meet the team that builds our robots",
    );
    assert!(
        post[12].starts_with("hashtag #OpenDay2027: "),
        "{}",
        post[12]
    );
}

#[test]
fn formula_like_text_is_neutralised() {
    let mut view = view();
    view.content[0].name = Some("=HYPERLINK(\"https://evil.example\",\"Open\")".into());
    view.content[1].name = Some("-50% on all robots; today only".into());
    view.content[2].name = Some("@acme \"quoted\"".into());
    for (format, delimiter) in [(Format::Csv, b','), (Format::CsvNl, b';')] {
        let rows = records(&render(&view, format), delimiter);
        let names: Vec<&str> = rows.iter().skip(1).map(|r| r[3].as_str()).collect();
        assert!(
            names.contains(&"'=HYPERLINK(\"https://evil.example\",\"Open\")"),
            "{names:?}"
        );
        assert!(names.contains(&"'-50% on all robots; today only"));
        assert!(names.contains(&"'@acme \"quoted\""));
        // Numbers, negative ones included, are never turned into text.
        assert!(rows.iter().skip(1).all(|r| !r[5].starts_with('\'')));
    }
}

#[test]
fn the_print_page_is_self_contained_and_escaped() {
    let mut view = view();
    view.content[0].name = Some("<script>alert('x')</script> Reach".into());
    let html = String::from_utf8(render(&view, Format::Html(Language::En))).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@media print"));
    assert!(html.contains("default-src 'none'"));
    for outside in [
        "<script", "<link", "<img", "src=", "href=", "@import", "url(",
    ] {
        assert!(
            !html.contains(outside),
            "the page must not load anything: found {outside}"
        );
    }
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Reach"));
    assert!(html.contains("<h1>Open day 2027</h1>"));
    assert!(html.contains("Mar 1, 2027 – Mar 21, 2027"));
    assert!(html.contains("class=\"status status-off_track\">off track</td>"));
    assert!(html.contains("Money in EUR."));
    assert!(html.contains("reach is not added across 2 items"));
    let dutch = String::from_utf8(render(&view, Format::Html(Language::Nl))).unwrap();
    assert!(dutch.contains("<html lang=\"nl\">"));
    assert!(dutch.contains("<h2>Doelen</h2>"));
    assert!(dutch.contains(">uit koers</td>"));
    assert!(dutch.contains("€\u{a0}2.850,40"), "Dutch money");
}
