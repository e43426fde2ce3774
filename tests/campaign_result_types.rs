//! Meta ad sets' results counted as one figure only when they count one action under one
//! attribution setting, compared by meaning: a Dutch Ads Manager page's "Klikken op link"
//! and an English export's result indicator `actions:link_click` are one result type, and
//! "7-day click or 1-day view" is the same setting in Dutch words. Different actions or
//! windows are refused with a note naming the user's own words. The KPI's "counted" phrase
//! and the money refusal read in Dutch for Dutch users; the command line's errors stay
//! English.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::json;
use yardstick::campaign::{self, measure, CampaignError, CampaignPlan, CampaignView, Part};
use yardstick::content::ContentRecord;
use yardstick::metrics::CanonicalMetric;
use yardstick::model::{
    Distribution, Language, Observation, Platform, Scope, Source, SourceKind, Unit, Window,
};
use yardstick::store::Store;

const AD_ACCOUNT: &str = "act_1234567890";

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn source(kind: SourceKind, locale: &str) -> Source {
    let (location, label) = match kind {
        SourceKind::Page => (
            "https://adsmanager.facebook.com/adsmanager/manage/adsets?act=1234567890",
            "Resultaten",
        ),
        _ => (
            "Acme-Ad-sets-1-May-2027-14-May-2027.csv",
            "Result indicator",
        ),
    };
    Source {
        kind,
        location: location.into(),
        label: label.into(),
        raw: String::new(),
        read_at: DateTime::parse_from_rfc3339("2027-05-15T08:00:00Z")
            .unwrap()
            .with_timezone(&Utc),
        locale: Some(locale.into()),
    }
}

/// One Meta ad set as read: its spend (in `currency`), impressions and results over 1-14
/// May, and its record's result type and attribution setting in the source's words.
struct AdSet {
    name: &'static str,
    spend: f64,
    currency: &'static str,
    results: f64,
    result_type: &'static str,
    attribution: &'static str,
    /// A Dutch page (`SourceKind::Page`, `nl`) or an English export.
    from: (SourceKind, &'static str),
}

fn observations(ad_set: &AdSet) -> Vec<Observation> {
    [
        (
            CanonicalMetric::Spend,
            ad_set.spend,
            Unit::Currency(ad_set.currency.into()),
        ),
        (CanonicalMetric::Impressions, 50_000.0, Unit::Count),
        (CanonicalMetric::Results, ad_set.results, Unit::Count),
    ]
    .into_iter()
    .map(|(metric, value, unit)| Observation {
        platform: Platform::Meta,
        account: AD_ACCOUNT.into(),
        scope: Scope::AdSet,
        post_id: Some(ad_set.name.into()),
        name: Some(ad_set.name.into()),
        metric: metric.into(),
        distribution: Distribution::Total,
        window: Window::Range,
        start: day("2027-05-01"),
        end: day("2027-05-14"),
        value,
        unit,
        rounded_to: None,
        derivation: None,
        source: source(ad_set.from.0, ad_set.from.1),
    })
    .collect()
}

fn store(ad_sets: &[AdSet]) -> Store {
    let mut store = Store::new();
    let observations: Vec<Observation> = ad_sets.iter().flat_map(observations).collect();
    store.merge(&observations).unwrap();
    let records = ad_sets.iter().map(|ad_set| {
        let mut record = ContentRecord::new(
            Platform::Meta,
            AD_ACCOUNT,
            Scope::AdSet,
            ad_set.name,
            source(ad_set.from.0, ad_set.from.1),
        );
        record.result_type = Some(ad_set.result_type.into());
        record.attribution = Some(ad_set.attribution.into());
        record.campaign_name = Some("Launch 2027".into());
        record
    });
    let merged = store.merge_content(records);
    assert_eq!((merged.kept, merged.refused.len()), (ad_sets.len(), 0));
    store
}

const DUTCH_PAGE: (SourceKind, &str) = (SourceKind::Page, "nl");
const ENGLISH_EXPORT: (SourceKind, &str) = (SourceKind::Export, "en");

/// The Dutch form of Meta's default setting (a guess: see src/campaign/attribution.rs).
const DEFAULT_NL: &str = "7 dagen na klikken of 1 dag na weergave";
const DEFAULT_EN: &str = "7-day click or 1-day view";

fn traffic(result_type: &'static str, attribution: &'static str) -> AdSet {
    AdSet {
        name: "Launch 2027 - Traffic NL",
        spend: 600.0,
        currency: "EUR",
        results: 120.0,
        result_type,
        attribution,
        from: DUTCH_PAGE,
    }
}

fn retargeting(result_type: &'static str, attribution: &'static str) -> AdSet {
    AdSet {
        name: "Launch 2027 - Retargeting",
        spend: 400.0,
        currency: "EUR",
        results: 800.0,
        result_type,
        attribution,
        from: ENGLISH_EXPORT,
    }
}

fn plan() -> CampaignPlan {
    let text = json!({ "schema": "yardstick-strategy", "version": 1, "name": "S", "objectives": [],
        "campaigns": [{ "id": "launch-2027", "name": "Launch 2027", "start": "2027-05-01", "end": "2027-05-31",
            "platforms": ["meta"], "match": [{ "ad_name": "Launch 2027", "contains": true }],
            "kpis": [
                { "id": "cpr", "metric": "cost_per_result", "distribution": "paid", "target": 2.0 },
                { "id": "spend", "metric": "spend", "distribution": "paid", "target": 1500.0 }
            ] }] });
    campaign::load(&text.to_string()).unwrap().plans.remove(0)
}

fn view(ad_sets: &[AdSet], language: Language) -> CampaignView {
    measure(&plan(), &store(ad_sets), &[], day("2027-05-15"), language).unwrap()
}

/// The paid total over every platform: (results, cost per result, notes).
fn paid_total(view: &CampaignView) -> (Option<f64>, Option<f64>, Vec<String>) {
    let row = view
        .totals
        .iter()
        .find(|t| t.platform.is_none() && t.part == Some(Part::Paid))
        .unwrap();
    (
        row.figure("results").map(|f| f.value),
        row.figure("cost_per_result").map(|f| f.value),
        row.notes.clone(),
    )
}

#[test]
fn a_dutch_page_and_an_english_exports_indicator_are_one_result_type() {
    let ad_sets = [
        traffic("Klikken op link", DEFAULT_NL),
        retargeting("actions:link_click", DEFAULT_EN),
    ];
    let view = view(&ad_sets, Language::En);
    let (results, cost, notes) = paid_total(&view);
    let spend = ad_sets[0].spend + ad_sets[1].spend;
    let added = ad_sets[0].results + ad_sets[1].results;
    assert_eq!(results, Some(added), "{notes:?}");
    assert!((cost.unwrap() - spend / added).abs() < 1e-12, "{cost:?}");
    assert!(notes.is_empty(), "{notes:?}");
    let kpi = &view.kpis[0];
    assert!(kpi.notes.is_empty(), "{:?}", kpi.notes);
    assert!((kpi.evaluation.actual.unwrap() - spend / added).abs() < 1e-12);
    assert_eq!(
        kpi.counted, "spend / results over 2 item(s) with both",
        "English keeps the strategy file's metric ids"
    );
}

#[test]
fn different_actions_are_refused_naming_both_in_the_users_words() {
    let check = |language: Language, expected: &str| {
        let ad_sets = [
            traffic("Link clicks", DEFAULT_EN),
            retargeting("Leads", DEFAULT_EN),
        ];
        let view = view(&ad_sets, language);
        let (results, cost, notes) = paid_total(&view);
        assert_eq!((results, cost), (None, None));
        assert_eq!(notes, [expected]);
        assert_eq!(view.kpis[0].evaluation.actual, None);
        assert_eq!(view.kpis[0].notes, [expected]);
    };
    check(
        Language::En,
        "results count different actions (Leads, Link clicks), so they have no one cost per result",
    );
    check(
        Language::Nl,
        "resultaten tellen verschillende acties (Leads, Link clicks), dus er zijn geen gezamenlijke kosten per resultaat",
    );
}

#[test]
fn one_attribution_setting_in_two_languages_adds_up_and_two_settings_do_not() {
    let same = [
        traffic("Klikken op link", DEFAULT_NL),
        retargeting("Link clicks", DEFAULT_EN),
    ];
    let (results, cost, notes) = paid_total(&view(&same, Language::En));
    assert_eq!(results, Some(920.0), "{notes:?}");
    assert!(cost.is_some() && notes.is_empty(), "{notes:?}");

    let different = [
        traffic("Klikken op link", DEFAULT_NL),
        retargeting("Link clicks", "1-day click"),
    ];
    let view = view(&different, Language::En);
    let (results, cost, notes) = paid_total(&view);
    assert_eq!((results, cost), (None, None));
    assert_eq!(
        notes,
        [format!(
            "results were counted under different attribution settings (1-day click and {DEFAULT_NL}), so they are not added and have no one cost per result"
        )]
    );
    // The newer default with an engaged-view window is another setting too.
    let engaged = [
        traffic("Klikken op link", DEFAULT_NL),
        retargeting(
            "Link clicks",
            "7-day click, 1-day view, or 1-day engaged-view",
        ),
    ];
    let (results, _, notes) = paid_total(&self::view(&engaged, Language::En));
    assert_eq!(results, None);
    assert!(notes[0].contains("1-day engaged-view"), "{notes:?}");
}

#[test]
fn what_a_kpi_counted_reads_in_dutch() {
    let ad_sets = [
        traffic("Klikken op link", DEFAULT_NL),
        retargeting("actions:link_click", DEFAULT_EN),
    ];
    let view = view(&ad_sets, Language::Nl);
    let counted: Vec<&str> = view.kpis.iter().map(|k| k.counted.as_str()).collect();
    assert_eq!(
        counted,
        [
            "besteed bedrag / resultaten over 2 items met beide",
            "besteed bedrag over 2 items"
        ]
    );
    // A refused rate names only what it would have divided.
    let refused = self::view(
        &[
            traffic("Link clicks", DEFAULT_EN),
            retargeting("Leads", DEFAULT_EN),
        ],
        Language::Nl,
    );
    assert_eq!(refused.kpis[0].counted, "besteed bedrag / resultaten");
}

#[test]
fn money_in_two_currencies_is_refused_in_the_users_language() {
    let mut dollars = retargeting("actions:link_click", DEFAULT_EN);
    dollars.currency = "USD";
    let ad_sets = [traffic("Klikken op link", DEFAULT_NL), dollars];
    let refused = measure(
        &plan(),
        &store(&ad_sets),
        &[],
        day("2027-05-15"),
        Language::Nl,
    )
    .unwrap_err();
    assert!(
        matches!(refused, CampaignError::Money { .. }),
        "{refused:?}"
    );
    // The command line's sentence stays English, whatever the view's language.
    assert_eq!(
        refused.to_string(),
        "campaign \"launch-2027\": the campaign's spend on meta is in EUR and USD and no rate converts them; add \"currency\": { \"report\": \"EUR\", \"rates\": { \"USD\": … } } to the campaign with today's rates"
    );
    assert_eq!(refused.message(Language::En), refused.to_string());
    assert_eq!(
        refused.message(Language::Nl),
        "campagne \"launch-2027\": het besteed bedrag op Meta Ads is in EUR en USD en geen koers rekent ze om; voeg \"currency\": { \"report\": \"EUR\", \"rates\": { \"USD\": … } } met de koersen van vandaag toe aan de campagne"
    );
}
