//! LinkedIn exports, as data: the Page content workbook (`Metrics` + `All posts`, and the
//! older `Update metrics (aggregated)` / `Update engagement` sheets), the visitors and
//! followers workbooks, and the creator (personal) export's sheets.
//!
//! English and Spanish labels are from real files (`reference/export-formats.md`); Dutch,
//! German and French labels are derived from LinkedIn's UI wording and are listed as guesses
//! in `docs/import-assumptions.md`. LinkedIn's own engagement rate (clicks + reactions +
//! comments + reposts over impressions) stays `linkedin:engagement_rate`. This file is data;
//! the creator sheets' fixed layouts are read in `linkedin_creator.rs`.

use super::columns::{
    col, count, count_split, de, en, es, fr, metric, nl, own, Column, Reading, Role,
};
use super::dates::DateOrder;
use super::kinds::{KindSpec, Shape, TotalRow};
use crate::metrics::CanonicalMetric::*;
use crate::model::{Distribution, Platform};

const C: Reading = Reading::Count;

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
const IMPRESSIONS: Column = col(
    &[
        en("impressions"),
        nl("weergaven"),
        de("impressionen"),
        fr("impressions"),
        es("impresiones"),
    ],
    count(Impressions),
);
const UNIQUE_IMPRESSIONS: Column = col(
    &[
        en("unique impressions"),
        nl("unieke weergaven"),
        de("eindeutige impressionen"),
        fr("impressions uniques"),
        es("impresiones únicas"),
    ],
    count(Reach),
);
const CLICKS: Column = col(
    &[
        en("clicks"),
        nl("klikken"),
        de("klicks"),
        fr("clics"),
        es("clics"),
    ],
    count(Clicks),
);
const REACTIONS: Column = col(
    &[
        en("reactions"),
        en("likes"),
        nl("reacties"),
        de("reaktionen"),
        fr("réactions"),
        es("reacciones"),
        es("recomendaciones"),
    ],
    count(Reactions),
);
const COMMENTS: Column = col(
    &[
        en("comments"),
        nl("opmerkingen"),
        de("kommentare"),
        fr("commentaires"),
        es("comentarios"),
    ],
    count(Comments),
);
const REPOSTS: Column = col(
    &[
        en("reposts"),
        en("shares"),
        nl("reposts"),
        nl("gedeeld"),
        de("reposts"),
        de("geteilt"),
        fr("republications"),
        fr("partages"),
        es("veces compartido"),
        es("reposts"),
    ],
    count(Shares),
);
const ENGAGEMENT_RATE: Column = col(
    &[
        en("engagement rate"),
        nl("engagementpercentage"),
        de("interaktionsrate"),
        fr("taux d'engagement"),
        es("tasa de interacción"),
    ],
    own("engagement_rate", Reading::Fraction),
);

/// Page content workbook, daily sheet: every metric as `(organic)`, `(sponsored)`, `(total)`.
pub(crate) static PAGE_METRICS: KindSpec = KindSpec {
    id: "linkedin_page_content_metrics",
    export: "linkedin_page_content",
    platform: Platform::LinkedIn,
    title: "LinkedIn Page content export (<page>_content_….xlsx)",
    columns: &[
        DATE,
        IMPRESSIONS,
        UNIQUE_IMPRESSIONS,
        CLICKS,
        REACTIONS,
        COMMENTS,
        REPOSTS,
        ENGAGEMENT_RATE,
    ],
    required: &[Role::Date, count(Impressions)],
    sheet_names: &[
        "metrics",
        "update metrics (aggregated)",
        "indicadores",
        "statistieken",
        "kennzahlen",
        "statistiques",
    ],
    sheet_name_required: false,
    shape: Shape::Daily,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Total,
    promoted_prefix: false,
    total_row: TotalRow::Skip,
    localised_numbers: false,
    permalink_prefix: None,
};

/// Page content workbook, one row per post: lifetime totals as of the export day.
pub(crate) static PAGE_POSTS: KindSpec = KindSpec {
    id: "linkedin_page_content_posts",
    export: "linkedin_page_content",
    platform: Platform::LinkedIn,
    title: "LinkedIn Page content export (<page>_content_….xlsx)",
    columns: &[
        col(
            &[
                en("post title"),
                en("update title"),
                nl("titel van bericht"),
                de("titel des beitrags"),
                fr("titre de la publication"),
                es("título de la publicación"),
            ],
            Role::Title,
        ),
        col(
            &[
                en("post link"),
                en("update link"),
                nl("link naar bericht"),
                de("link zum beitrag"),
                fr("lien de la publication"),
                es("enlace de la publicación"),
            ],
            Role::PostLink,
        ),
        col(
            &[
                en("created date"),
                nl("aanmaakdatum"),
                de("erstellungsdatum"),
                fr("date de création"),
                es("fecha de creación"),
            ],
            Role::PublishedAt,
        ),
        // A sponsored post's Campaign Manager campaign (blank for organic posts).
        col(
            &[
                en("campaign name"),
                nl("campagnenaam"),
                de("kampagnenname"),
                fr("nom de la campagne"),
                es("nombre de la campaña"),
            ],
            Role::CampaignName,
        ),
        col(
            &[
                en("post type"),
                en("update type"),
                en("content type"),
                en("posted by"),
                en("campaign start date"),
                en("campaign end date"),
                en("audience"),
                es("tipo de publicación"),
                es("publicado por"),
                es("público"),
            ],
            Role::Attribute,
        ),
        IMPRESSIONS,
        col(
            &[
                en("views"),
                nl("weergaven van video"),
                de("aufrufe"),
                fr("vues"),
                es("visualizaciones"),
            ],
            count(VideoViews),
        ),
        col(&[en("offsite views")], own("offsite_views", C)),
        CLICKS,
        col(
            &[
                en("click through rate (ctr)"),
                en("click-through rate (ctr)"),
                nl("klikfrequentie (ctr)"),
                de("klickrate (ctr)"),
                fr("taux de clics (ctr)"),
                es("porcentaje de clics (ctr)"),
            ],
            metric(Ctr, Reading::Fraction),
        ),
        REACTIONS,
        COMMENTS,
        REPOSTS,
        col(
            &[
                en("follows"),
                nl("volgers"),
                de("follower"),
                fr("abonnés"),
                es("seguidores"),
            ],
            count(FollowersGained),
        ),
        ENGAGEMENT_RATE,
    ],
    required: &[Role::PostLink, count(Impressions)],
    sheet_names: &[
        "all posts",
        "update engagement",
        "todas las publicaciones",
        "alle berichten",
        "alle beiträge",
        "toutes les publications",
    ],
    sheet_name_required: false,
    shape: Shape::PostLifetime,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Total,
    promoted_prefix: false,
    total_row: TotalRow::Skip,
    localised_numbers: false,
    permalink_prefix: None,
};

/// Visitors workbook, daily sheet. Page views in total are profile visits; the desktop and
/// mobile splits and per-section views are kept under LinkedIn's own names.
pub(crate) static VISITOR_METRICS: KindSpec = KindSpec {
    id: "linkedin_visitors",
    export: "linkedin_visitors",
    platform: Platform::LinkedIn,
    title: "LinkedIn Page visitors export (<page>_visitors_….xls)",
    columns: &[
        DATE,
        col(
            &[
                en("total page views"),
                nl("totaal aantal paginaweergaven"),
                de("seitenaufrufe insgesamt"),
                fr("total des vues de la page"),
                es("visualizaciones totales de la página"),
            ],
            count(ProfileVisits),
        ),
        col(
            &[
                en("total unique visitors"),
                nl("totaal aantal unieke bezoekers"),
                de("eindeutige besucher insgesamt"),
                fr("total des visiteurs uniques"),
                es("visitantes únicos totales"),
            ],
            own("unique_visitors", C),
        ),
    ],
    required: &[Role::Date],
    sheet_names: &[
        "visitor metrics",
        "bezoekersstatistieken",
        "besucherkennzahlen",
        "statistiques des visiteurs",
        "métricas de visitantes",
    ],
    sheet_name_required: true,
    shape: Shape::Daily,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Total,
    promoted_prefix: false,
    total_row: TotalRow::Skip,
    localised_numbers: false,
    permalink_prefix: None,
};

/// Followers workbook, daily sheet of new followers by source.
pub(crate) static NEW_FOLLOWERS: KindSpec = KindSpec {
    id: "linkedin_followers",
    export: "linkedin_followers",
    platform: Platform::LinkedIn,
    title: "LinkedIn Page followers export (<page>_followers_….xls)",
    columns: &[
        DATE,
        col(
            &[
                en("sponsored followers"),
                nl("gesponsorde volgers"),
                de("gesponserte follower"),
                fr("abonnés sponsorisés"),
                es("seguidores patrocinados"),
            ],
            count_split(FollowersGained, Distribution::Paid),
        ),
        col(
            &[
                en("organic followers"),
                nl("organische volgers"),
                de("organische follower"),
                fr("abonnés organiques"),
                es("seguidores orgánicos"),
            ],
            count_split(FollowersGained, Distribution::Organic),
        ),
        col(
            &[
                en("auto-invited followers"),
                nl("automatisch uitgenodigde volgers"),
                de("automatisch eingeladene follower"),
                fr("abonnés invités automatiquement"),
                es("seguidores invitados automáticamente"),
            ],
            own("auto_invited_followers", C),
        ),
        col(
            &[
                en("total followers"),
                nl("totaal aantal volgers"),
                de("follower insgesamt"),
                fr("total des abonnés"),
                es("seguidores totales"),
            ],
            count_split(FollowersGained, Distribution::Total),
        ),
    ],
    required: &[Role::Date],
    sheet_names: &[
        "new followers",
        "nieuwe volgers",
        "neue follower",
        "nouveaux abonnés",
        "nuevos seguidores",
    ],
    sheet_name_required: true,
    shape: Shape::Daily,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Total,
    promoted_prefix: false,
    total_row: TotalRow::Skip,
    localised_numbers: false,
    permalink_prefix: None,
};

/// Creator export `DISCOVERY`: the period and two range totals.
pub(crate) static CREATOR_DISCOVERY: KindSpec = KindSpec {
    id: "linkedin_creator_discovery",
    export: "linkedin_creator",
    platform: Platform::LinkedIn,
    title: "LinkedIn creator (personal) export (Content_….xlsx)",
    columns: &[
        col(&[en("overall performance")], Role::Attribute),
        col(&[en("impressions")], count(Impressions)),
        col(&[en("members reached")], count(Reach)),
    ],
    required: &[],
    sheet_names: &["discovery"],
    sheet_name_required: true,
    shape: Shape::LinkedInDiscovery,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Total,
    promoted_prefix: false,
    total_row: TotalRow::Skip,
    localised_numbers: false,
    permalink_prefix: None,
};

/// Creator export `ENGAGEMENT`: daily impressions and engagements.
pub(crate) static CREATOR_ENGAGEMENT: KindSpec = KindSpec {
    id: "linkedin_creator_engagement",
    export: "linkedin_creator",
    platform: Platform::LinkedIn,
    title: "LinkedIn creator (personal) export (Content_….xlsx)",
    columns: &[
        col(&[en("date")], Role::Date),
        col(&[en("impressions")], count(Impressions)),
        col(&[en("engagements")], own("engagements", C)),
    ],
    required: &[Role::Date],
    sheet_names: &["engagement"],
    sheet_name_required: true,
    shape: Shape::Daily,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Total,
    promoted_prefix: false,
    total_row: TotalRow::Skip,
    localised_numbers: false,
    permalink_prefix: None,
};

/// Creator export `TOP POSTS`: two tables side by side, totals over the export period.
pub(crate) static CREATOR_TOP_POSTS: KindSpec = KindSpec {
    id: "linkedin_creator_top_posts",
    export: "linkedin_creator",
    platform: Platform::LinkedIn,
    title: "LinkedIn creator (personal) export (Content_….xlsx)",
    columns: &[
        col(&[en("post url")], Role::PostLink),
        col(&[en("post publish date")], Role::PublishedAt),
        col(&[en("engagements")], own("engagements", C)),
        col(&[en("impressions")], count(Impressions)),
    ],
    required: &[],
    sheet_names: &["top posts"],
    sheet_name_required: true,
    shape: Shape::LinkedInTopPosts,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Total,
    promoted_prefix: false,
    total_row: TotalRow::Skip,
    localised_numbers: false,
    permalink_prefix: None,
};

/// Creator export `FOLLOWERS`: the total on the last day, and new followers per day.
pub(crate) static CREATOR_FOLLOWERS: KindSpec = KindSpec {
    id: "linkedin_creator_followers",
    export: "linkedin_creator",
    platform: Platform::LinkedIn,
    title: "LinkedIn creator (personal) export (Content_….xlsx)",
    columns: &[
        col(&[en("date")], Role::Date),
        col(&[en("new followers")], count(FollowersGained)),
    ],
    required: &[],
    sheet_names: &["followers"],
    sheet_name_required: true,
    shape: Shape::LinkedInCreatorFollowers,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Total,
    promoted_prefix: false,
    total_row: TotalRow::Skip,
    localised_numbers: false,
    permalink_prefix: None,
};
