//! A deterministic stand-in for years of readings, for the round-trip test and the
//! benchmark: seven platforms with three accounts each read daily from their exports
//! (recent days revised a few days later, as X does), one post per account per day whose
//! lifetime totals are read two days after publication and again after four weeks, and
//! Meta ad campaigns with daily spend in euros. No randomness: the same `n` always gives
//! the same observations. [`content_records`] gives the same posts' texts and links.

// The generator unwraps fixed calendar literals only.
#![allow(clippy::unwrap_used)]

use chrono::{DateTime, Days, NaiveDate, Utc};
use yardstick::content::ContentRecord;
use yardstick::metrics::CanonicalMetric as M;
use yardstick::model::{
    Distribution, Observation, Platform, Scope, Source, SourceKind, Unit, Window,
};

const PLATFORMS: [Platform; 7] = [
    Platform::LinkedIn,
    Platform::X,
    Platform::Facebook,
    Platform::Instagram,
    Platform::YouTube,
    Platform::TikTok,
    Platform::Pinterest,
];
const ACCOUNT_METRICS: [M; 8] = [
    M::Impressions,
    M::Reach,
    M::Reactions,
    M::Comments,
    M::Shares,
    M::Clicks,
    M::ProfileVisits,
    M::Followers,
];
const POST_METRICS: [M; 7] = [
    M::Impressions,
    M::Reactions,
    M::Comments,
    M::Shares,
    M::Saves,
    M::Clicks,
    M::VideoViews,
];
const AD_METRICS: [M; 4] = [M::Spend, M::Impressions, M::LinkClicks, M::Results];

/// The first `n` observations of the stream.
pub fn observations(n: usize) -> Vec<Observation> {
    let mut out = Vec::with_capacity(n);
    let first = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    for day_index in 0u64.. {
        let date = first + Days::new(day_index);
        for platform in PLATFORMS {
            for account in 0..3u64 {
                account_day(&mut out, platform, account, date, day_index, n);
                post_readings(&mut out, platform, account, date, day_index, n);
            }
        }
        for campaign in 0..3u64 {
            for metric in AD_METRICS {
                let seed = mix(&[day_index, campaign, metric as u64, 99]);
                let value = if metric == M::Spend {
                    (seed % 40_000) as f64 / 100.0
                } else {
                    (seed % 9_000) as f64
                };
                let unit = metric.unit().unwrap_or(Unit::Currency("EUR".into()));
                let mut o = base(
                    Platform::Meta,
                    "act_5550123",
                    metric,
                    date,
                    date,
                    value,
                    unit,
                );
                o.scope = Scope::Campaign;
                o.post_id = Some(format!("2385012345678900{campaign}"));
                o.name = Some(format!("Autumn hiring {campaign}"));
                o.distribution = Distribution::Paid;
                o.source.location = format!("Acme-Campaigns-{date}.csv");
                o.source.read_at = morning_after(date, 1);
                push(&mut out, o, n);
            }
        }
        if out.len() >= n {
            break;
        }
    }
    out.truncate(n);
    out
}

/// Words the generated post texts are made of: a Dutch and English campaign vocabulary.
const WORDS: [&str; 24] = [
    "open",
    "dag",
    "Utrecht",
    "team",
    "werken",
    "bij",
    "Acme",
    "meet",
    "the",
    "engineers",
    "lab",
    "tour",
    "koffie",
    "aanmelden",
    "sign",
    "up",
    "today",
    "nieuw",
    "product",
    "launch",
    "we",
    "are",
    "hiring",
    "join",
];

/// One content record for each of the first `n` posts of the stream (the posts
/// [`observations`] reads, in the same order of publication): a text of about 280
/// characters with hashtags and a link, a link preview with UTM parameters, a permalink
/// and the publication day, read from the post's page two days after publication.
pub fn content_records(n: usize) -> Vec<ContentRecord> {
    let first = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let mut out = Vec::with_capacity(n);
    'days: for day_index in 0u64.. {
        let date = first + Days::new(day_index);
        for platform in PLATFORMS {
            for account in 0..3u64 {
                if out.len() >= n {
                    break 'days;
                }
                out.push(content_record(platform, account, date, day_index));
            }
        }
    }
    out
}

fn content_record(
    platform: Platform,
    account: u64,
    date: NaiveDate,
    day_index: u64,
) -> ContentRecord {
    let account_id = format!("{}_{account}", platform.id());
    let post_id = format!("{}{:07}{account}", platform as u64 + 1, day_index);
    let campaign = match day_index % 3 {
        0 => "najaar-werving",
        1 => "open-dag",
        _ => "product-launch",
    };
    let mut text = String::new();
    let mut word = 0u64;
    while text.chars().count() < 200 {
        let seed = mix(&[day_index, platform as u64, account, word, 11]);
        let pick = (seed % WORDS.len() as u64) as usize;
        text.push_str(WORDS.get(pick).copied().unwrap_or("Acme"));
        text.push(' ');
        word += 1;
    }
    text.push_str(&format!(
        "#OpenDag2026 #{campaign} https://acme.example/{campaign}?utm_source={}",
        platform.id()
    ));
    let mut record = ContentRecord::new(
        platform,
        account_id.clone(),
        Scope::Post,
        post_id.clone(),
        Source {
            kind: SourceKind::Page,
            location: format!(
                "https://analytics.example/{}/posts/{post_id}",
                platform.id()
            ),
            label: "post text".to_owned(),
            raw: String::new(),
            read_at: morning_after(date, 2),
            locale: Some("en".to_owned()),
        },
    );
    record.text = Some(text);
    record.links = vec![format!(
        "https://acme.example/{campaign}?utm_source={}&utm_medium=social&utm_campaign={campaign}",
        platform.id()
    )];
    record.permalink = Some(format!(
        "https://{}.example/{account_id}/posts/{post_id}",
        platform.id()
    ));
    record.published = Some(date);
    record
}

fn account_day(
    out: &mut Vec<Observation>,
    platform: Platform,
    account: u64,
    date: NaiveDate,
    day_index: u64,
    n: usize,
) {
    let account_id = format!("{}_{account}", platform.id());
    for metric in ACCOUNT_METRICS {
        let seed = mix(&[day_index, platform as u64, account, metric as u64]);
        let (value, window) = if metric == M::Followers {
            (
                (10_000 + day_index * 3 + account * 1000) as f64,
                Window::Snapshot,
            )
        } else {
            ((seed % 5_000) as f64, Window::Day)
        };
        let mut o = base(
            platform,
            &account_id,
            metric,
            date,
            date,
            value,
            Unit::Count,
        );
        o.window = window;
        push(out, o.clone(), n);
        // Recent days are revised: the export read three days later has a new value.
        if metric == M::Impressions && day_index % 3 == 0 {
            o.value += 17.0;
            o.source.raw = format!("{}", o.value);
            o.source.location = format!("{}_overview_{}.csv", platform.id(), date + Days::new(3));
            o.source.read_at = morning_after(date, 3);
            push(out, o, n);
        }
    }
}

fn post_readings(
    out: &mut Vec<Observation>,
    platform: Platform,
    account: u64,
    date: NaiveDate,
    day_index: u64,
    n: usize,
) {
    let account_id = format!("{}_{account}", platform.id());
    // The post published today, read two days later; the one published 28 days ago, again.
    for (published, read_after) in [(day_index, 2u64), (day_index.wrapping_sub(28), 30)] {
        if published > day_index {
            continue;
        }
        let publish_day = date - Days::new(day_index - published);
        let post_id = format!("{}{:07}{account}", platform as u64 + 1, published);
        for metric in POST_METRICS {
            let seed = mix(&[published, platform as u64, account, metric as u64, 7]);
            let value = (seed % 20_000 + read_after * 10) as f64;
            let as_of = publish_day + Days::new(read_after);
            let mut o = base(
                platform,
                &account_id,
                metric,
                publish_day,
                as_of,
                value,
                Unit::Count,
            );
            o.scope = Scope::Post;
            o.post_id = Some(post_id.clone());
            o.name = Some(format!("Post {published} of {account_id}"));
            o.window = Window::Lifetime;
            o.source.kind = SourceKind::Page;
            o.source.location = format!(
                "https://analytics.example/{}/posts/{post_id}",
                platform.id()
            );
            o.source.read_at = morning_after(as_of, 0);
            push(out, o, n);
        }
    }
}

fn base(
    platform: Platform,
    account: &str,
    metric: M,
    start: NaiveDate,
    end: NaiveDate,
    value: f64,
    unit: Unit,
) -> Observation {
    Observation {
        platform,
        account: account.to_owned(),
        scope: Scope::Account,
        post_id: None,
        name: None,
        metric: metric.into(),
        distribution: Distribution::Total,
        window: Window::Day,
        start,
        end,
        value,
        unit,
        rounded_to: None,
        derivation: None,
        source: Source {
            kind: SourceKind::Export,
            location: format!("{}_overview_{end}.csv", platform.id()),
            label: metric.id().to_owned(),
            raw: format!("{value}"),
            read_at: morning_after(end, 1),
            locale: Some("en".to_owned()),
        },
    }
}

fn morning_after(date: NaiveDate, days: u64) -> DateTime<Utc> {
    (date + Days::new(days))
        .and_hms_opt(8, 30, 0)
        .unwrap()
        .and_utc()
}

fn push(out: &mut Vec<Observation>, observation: Observation, n: usize) {
    if out.len() < n {
        out.push(observation);
    }
}

/// SplitMix64 over the parts: a well-spread, deterministic number.
fn mix(parts: &[u64]) -> u64 {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    for part in parts {
        state ^= part
            .wrapping_add(0x9E37_79B9_7F4A_7C15)
            .wrapping_add(state << 6)
            .wrapping_add(state >> 2);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        state = z ^ (z >> 31);
    }
    state
}
