//! X (Twitter) exports, as data: the legacy per-post `tweet_activity_metrics_*` and daily
//! `daily_tweet_activity_metrics_*` files (with their `promoted …` twins and the 2015
//! `favorites`), and the X Premium `account_overview_analytics`,
//! `account_analytics_content_*` (both header generations) and `video_overview_analytics`.
//!
//! X's own "engagements" and "engagement rate" count things other platforms do not, so they
//! stay `x:engagements` and `x:engagement_rate`. Labels are from
//! `reference/export-formats.md` and, for other languages, X's UI strings in
//! `reference/analytics-pages.md`. This file is data; it must not hold reading logic.

use super::columns::{any, col, count, de, en, es, fr, metric, nl, own, Column, Reading, Role};
use super::dates::DateOrder;
use super::kinds::{KindSpec, Shape, TotalRow};
use crate::metrics::CanonicalMetric::*;
use crate::model::{Distribution, Platform};

const C: Reading = Reading::Count;

/// The metric columns both legacy files share (the per-post file adds ids and text).
macro_rules! legacy_metric_columns {
    () => {
        [
            col(&[en("impressions")], count(Impressions)),
            col(&[en("engagements")], own("engagements", C)),
            col(
                &[en("engagement rate")],
                own("engagement_rate", Reading::Fraction),
            ),
            col(&[en("retweets")], count(Shares)),
            col(&[en("replies")], count(Comments)),
            col(&[en("likes"), en("favorites")], count(Reactions)),
            col(&[en("user profile clicks")], count(ProfileVisits)),
            col(&[en("url clicks")], count(LinkClicks)),
            col(&[en("hashtag clicks")], own("hashtag_clicks", C)),
            col(&[en("detail expands")], own("detail_expands", C)),
            col(&[en("permalink clicks")], own("permalink_clicks", C)),
            col(&[en("app opens")], own("app_opens", C)),
            col(&[en("app installs")], own("app_installs", C)),
            col(&[en("follows")], count(FollowersGained)),
            col(&[en("email tweet")], own("email_tweet", C)),
            col(&[en("dial phone")], own("dial_phone", C)),
            col(&[en("media views")], own("media_views", C)),
            col(&[en("media engagements")], own("media_engagements", C)),
        ]
    };
}

const LEGACY_METRICS: [Column; 18] = legacy_metric_columns!();

const M: [Column; 18] = LEGACY_METRICS;

static LEGACY_POST_COLUMNS: [Column; 22] = [
    col(&[en("tweet id")], Role::PostId),
    col(&[en("tweet permalink")], Role::PostLink),
    col(&[en("tweet text")], Role::Title),
    col(&[en("time")], Role::PublishedAt),
    M[0],
    M[1],
    M[2],
    M[3],
    M[4],
    M[5],
    M[6],
    M[7],
    M[8],
    M[9],
    M[10],
    M[11],
    M[12],
    M[13],
    M[14],
    M[15],
    M[16],
    M[17],
];

static LEGACY_DAILY_COLUMNS: [Column; 20] = [
    col(&[en("date")], Role::Date),
    col(&[en("tweets published")], own("posts_published", C)),
    M[0],
    M[1],
    M[2],
    M[3],
    M[4],
    M[5],
    M[6],
    M[7],
    M[8],
    M[9],
    M[10],
    M[11],
    M[12],
    M[13],
    M[14],
    M[15],
    M[16],
    M[17],
];

/// Legacy per-post export. Unprefixed columns count organic delivery; `promoted …` columns
/// paid delivery (`-` when the post was not promoted). Values are lifetime totals as of the
/// export day.
pub(crate) static TWEET_ACTIVITY: KindSpec = KindSpec {
    id: "x_tweet_activity",
    export: "x_tweet_activity",
    platform: Platform::X,
    title: "X per-post export tweet_activity_metrics_….csv",
    columns: &LEGACY_POST_COLUMNS,
    required: &[Role::PostId, count(Impressions)],
    sheet_names: &[],
    sheet_name_required: false,
    shape: Shape::PostLifetime,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Organic,
    promoted_prefix: true,
    total_row: TotalRow::Skip,
    localised_numbers: false,
    permalink_prefix: None,
};

/// Legacy daily export (≤ 91 days per file).
pub(crate) static DAILY_TWEET_ACTIVITY: KindSpec = KindSpec {
    id: "x_daily_tweet_activity",
    export: "x_daily_tweet_activity",
    platform: Platform::X,
    title: "X daily export daily_tweet_activity_metrics_….csv",
    columns: &LEGACY_DAILY_COLUMNS,
    required: &[Role::Date, own("posts_published", C)],
    sheet_names: &[],
    sheet_name_required: false,
    shape: Shape::Daily,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Organic,
    promoted_prefix: true,
    total_row: TotalRow::Skip,
    localised_numbers: false,
    permalink_prefix: None,
};

/// Labels of the current exports' shared metrics, in X's five UI languages.
const IMPRESSIONS: Column = col(
    &[
        en("impressions"),
        nl("weergaven"),
        de("impressionen"),
        es("impresiones"),
    ],
    count(Impressions),
);
const LIKES: Column = col(
    &[
        en("likes"),
        nl("vind-ik-leuks"),
        de("gefällt mir"),
        fr("j'aime"),
        es("me gusta"),
    ],
    count(Reactions),
);
const ENGAGEMENTS: Column = col(
    &[
        en("engagements"),
        nl("interacties"),
        de("interaktionen"),
        es("interacciones"),
    ],
    own("engagements", C),
);
const ENGAGEMENT_RATE: Column = col(
    &[
        en("engagement rate"),
        nl("interactieratio"),
        de("interaktionsrate"),
        fr("taux d'engagement"),
        es("tasa de interacción"),
    ],
    own("engagement_rate", Reading::Fraction),
);
const BOOKMARKS: Column = col(
    &[
        en("bookmarks"),
        nl("bladwijzers"),
        de("lesezeichen"),
        fr("signets"),
        es("guardados"),
    ],
    count(Saves),
);
const SHARES: Column = col(
    &[
        en("shares"),
        en("share"),
        nl("deelacties"),
        de("mal geteilt"),
        fr("partages"),
        es("compartidos"),
    ],
    own("shares", C),
);
const NEW_FOLLOWS: Column = col(
    &[
        en("new follows"),
        nl("nieuwe volgers"),
        de("neue follower*innen"),
        fr("nouveaux abonnés"),
        es("nuevos seguidores"),
    ],
    count(FollowersGained),
);
const UNFOLLOWS: Column = col(
    &[
        en("unfollows"),
        nl("ontvolgen"),
        de("entfolgungen"),
        fr("désabonnements"),
        es("dejar de seguir"),
    ],
    count(FollowersLost),
);
const REPLIES: Column = col(
    &[
        en("replies"),
        nl("antwoorden"),
        de("antworten"),
        fr("réponses"),
        es("respuestas"),
    ],
    count(Comments),
);
const REPOSTS: Column = col(&[any("reposts")], count(Shares));
const PROFILE_VISITS: Column = col(
    &[
        en("profile visits"),
        nl("profielbezoeken"),
        de("profilbesuche"),
        fr("visites du profil"),
        es("visitas del perfil"),
    ],
    count(ProfileVisits),
);
const VIDEO_VIEWS: Column = col(
    &[
        en("video views"),
        nl("videoweergaven"),
        de("videoanzeigen"),
        fr("vues de la vidéo"),
        es("reproducciones de video"),
    ],
    count(VideoViews),
);
const MEDIA_VIEWS: Column = col(
    &[
        en("media views"),
        nl("mediaweergaven"),
        de("medienaufrufe"),
        fr("vues des médias"),
        es("visualizaciones de contenido multimedia"),
    ],
    own("media_views", C),
);
const DATE: Column = col(
    &[
        en("date"),
        nl("datum"),
        de("datum"),
        fr("date"),
        es("fecha"),
    ],
    Role::Date,
);

/// `account_overview_analytics.csv`: one row per day, newest first.
pub(crate) static ACCOUNT_OVERVIEW: KindSpec = KindSpec {
    id: "x_account_overview",
    export: "x_account_overview",
    platform: Platform::X,
    title: "X account_overview_analytics.csv",
    columns: &[
        DATE,
        IMPRESSIONS,
        LIKES,
        ENGAGEMENTS,
        ENGAGEMENT_RATE,
        BOOKMARKS,
        SHARES,
        NEW_FOLLOWS,
        UNFOLLOWS,
        REPLIES,
        REPOSTS,
        PROFILE_VISITS,
        VIDEO_VIEWS,
        MEDIA_VIEWS,
        col(
            &[
                en("create post"),
                nl("post maken"),
                de("post erstellen"),
                fr("créer un post"),
                es("crear post"),
            ],
            own("posts_created", C),
        ),
    ],
    required: &[Role::Date, count(Impressions)],
    sheet_names: &[],
    sheet_name_required: false,
    shape: Shape::Daily,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Total,
    promoted_prefix: false,
    total_row: TotalRow::Skip,
    localised_numbers: false,
    permalink_prefix: None,
};

/// `account_analytics_content_<from>_<to>.csv`: one row per post, lifetime totals. The
/// later generation says `Post Link`, `Shares`, `URL Clicks` and writes `"1,234"`.
pub(crate) static ACCOUNT_CONTENT: KindSpec = KindSpec {
    id: "x_account_content",
    export: "x_account_content",
    platform: Platform::X,
    title: "X account_analytics_content_….csv",
    columns: &[
        col(
            &[
                en("post id"),
                nl("post-id"),
                de("post-id"),
                fr("id du post"),
                es("id del post"),
            ],
            Role::PostId,
        ),
        col(
            &[en("date"), nl("datum"), de("datum"), es("fecha")],
            Role::PublishedAt,
        ),
        col(
            &[
                en("post text"),
                nl("posttekst"),
                de("posttext"),
                fr("texte du post"),
                es("texto del post"),
            ],
            Role::Title,
        ),
        col(&[en("link"), en("post link")], Role::PostLink),
        IMPRESSIONS,
        LIKES,
        ENGAGEMENTS,
        ENGAGEMENT_RATE,
        BOOKMARKS,
        SHARES,
        NEW_FOLLOWS,
        REPLIES,
        REPOSTS,
        PROFILE_VISITS,
        VIDEO_VIEWS,
        MEDIA_VIEWS,
        col(
            &[en("detail expands"), nl("detailweergaven")],
            own("detail_expands", C),
        ),
        col(
            &[
                en("url clicks"),
                nl("clicks op url's"),
                en("link clicks"),
                nl("clicks op link"),
                de("link-klicks"),
                fr("clics sur le lien"),
                es("clics en enlaces"),
            ],
            count(LinkClicks),
        ),
        col(
            &[en("hashtag clicks"), nl("clicks op hashtags")],
            own("hashtag_clicks", C),
        ),
        col(
            &[en("permalink clicks"), nl("clicks op permalinks")],
            own("permalink_clicks", C),
        ),
    ],
    required: &[Role::PostId, count(Impressions)],
    sheet_names: &[],
    sheet_name_required: false,
    shape: Shape::PostLifetime,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Total,
    promoted_prefix: false,
    total_row: TotalRow::Skip,
    localised_numbers: false,
    permalink_prefix: None,
};

/// `video_overview_analytics.csv`: assumed daily (no real header seen; see
/// `docs/import-assumptions.md`). Watch time stays X's own figure, its unit unconfirmed.
pub(crate) static VIDEO_OVERVIEW: KindSpec = KindSpec {
    id: "x_video_overview",
    export: "x_video_overview",
    platform: Platform::X,
    title: "X video_overview_analytics.csv",
    columns: &[
        DATE,
        VIDEO_VIEWS,
        IMPRESSIONS,
        col(&[en("views")], count(VideoViews)),
        col(
            &[
                en("watch time"),
                nl("kijktijd"),
                de("abspielzeit"),
                fr("temps de visionnage"),
                es("tiempo de reproducción"),
            ],
            own("watch_time", C),
        ),
        col(
            &[
                en("average watch time"),
                nl("gemiddelde kijktijd"),
                de("durchschnittl. abspielzeit"),
                fr("temps de visionnage moyen"),
                es("tiempo promedio de reproducción"),
            ],
            own("average_watch_time", C),
        ),
        col(
            &[en("completion rate")],
            own("completion_rate", Reading::Fraction),
        ),
        col(
            &[en("average view duration")],
            metric(AvgViewDuration, Reading::Duration),
        ),
    ],
    required: &[Role::Date, own("watch_time", C)],
    sheet_names: &[],
    sheet_name_required: false,
    shape: Shape::Daily,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Total,
    promoted_prefix: false,
    total_row: TotalRow::Skip,
    localised_numbers: false,
    permalink_prefix: None,
};
