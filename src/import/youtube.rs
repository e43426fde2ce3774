//! YouTube Studio advanced-mode exports, as data: the ZIP's `Table data.csv` (per video,
//! totals over the export period, a `Total` row first), `Chart data.csv` (per video per day)
//! and `Totals.csv` (per day), in English and German (`Tabellendaten`, `Diagrammdaten`,
//! `Gesamtwerte`, `Gesamt`); Dutch, French and Spanish labels are guesses (see
//! `docs/import-assumptions.md`).
//!
//! Subscribers in YouTube's tables are a net change and may be negative, so they stay
//! `youtube:subscribers`; the click-through rate is YouTube's own (views from impressions).
//! This file is data; it must not hold reading logic.

use super::columns::{col, count, de, en, es, fr, metric, nl, own, Column, Reading, Role};
use super::dates::DateOrder;
use super::kinds::{KindSpec, Shape, TotalRow};
use crate::metrics::CanonicalMetric::*;
use crate::model::{Distribution, Platform};

const C: Reading = Reading::Count;

const CONTENT: Column = col(
    &[
        en("content"),
        en("video"),
        de("videos"),
        de("inhalt"),
        nl("inhoud"),
        fr("contenu"),
        es("contenido"),
    ],
    Role::PostId,
);
const TITLE: Column = col(
    &[
        en("video title"),
        de("videotitel"),
        nl("videotitel"),
        fr("titre de la vidéo"),
        es("título del video"),
        es("título del vídeo"),
    ],
    Role::Title,
);
const PUBLISHED: Column = col(
    &[
        en("video publish time"),
        de("veröffentlichungszeitpunkt des videos"),
        nl("publicatietijd van video"),
        fr("heure de publication de la vidéo"),
        es("hora de publicación del video"),
    ],
    Role::PublishedAt,
);
const DATE: Column = col(
    &[
        en("date"),
        de("datum"),
        nl("datum"),
        fr("date"),
        es("fecha"),
    ],
    Role::Date,
);
const ATTRIBUTES: Column = col(
    &[
        en("duration"),
        de("dauer"),
        nl("duur"),
        fr("durée"),
        es("duración"),
    ],
    Role::Attribute,
);

/// The metric columns every YouTube table may carry.
const METRICS: [Column; 16] = [
    col(
        &[
            en("views"),
            de("aufrufe"),
            nl("weergaven"),
            fr("vues"),
            es("visualizaciones"),
        ],
        count(VideoViews),
    ),
    col(
        &[
            en("watch time (hours)"),
            de("wiedergabezeit (stunden)"),
            nl("kijktijd (uren)"),
            fr("durée de visionnage (heures)"),
            es("tiempo de visualización (horas)"),
        ],
        metric(WatchTime, Reading::Hours),
    ),
    col(
        &[
            en("subscribers"),
            de("abonnenten"),
            nl("abonnees"),
            fr("abonnés"),
            es("suscriptores"),
        ],
        own("subscribers", C),
    ),
    col(
        &[
            en("subscribers gained"),
            de("gewonnene abonnenten"),
            nl("gewonnen abonnees"),
            fr("abonnés gagnés"),
            es("suscriptores obtenidos"),
        ],
        count(FollowersGained),
    ),
    col(
        &[
            en("subscribers lost"),
            de("verlorene abonnenten"),
            nl("verloren abonnees"),
            fr("abonnés perdus"),
            es("suscriptores perdidos"),
        ],
        count(FollowersLost),
    ),
    col(
        &[
            en("estimated revenue"),
            de("geschätzter umsatz"),
            nl("geschatte opbrengst"),
            fr("revenus estimés"),
            es("ingresos estimados"),
        ],
        own("estimated_revenue", Reading::Money),
    ),
    col(
        &[
            en("impressions"),
            de("impressionen"),
            nl("vertoningen"),
            fr("impressions"),
            es("impresiones"),
        ],
        count(Impressions),
    ),
    col(
        &[
            en("impressions click-through rate (%)"),
            de("klickrate der impressionen (%)"),
            nl("klikfrequentie van vertoningen (%)"),
            fr("taux de clics des impressions (%)"),
            es("porcentaje de clics de las impresiones (%)"),
        ],
        own("impressions_ctr", Reading::PercentNumber),
    ),
    col(
        &[
            en("average view duration"),
            de("durchschnittliche wiedergabedauer"),
            nl("gemiddelde weergaveduur"),
            fr("durée moyenne de visionnage"),
            es("duración media de visualización"),
        ],
        metric(AvgViewDuration, Reading::Duration),
    ),
    col(
        &[
            en("average percentage viewed (%)"),
            de("durchschnittlich angesehener teil (%)"),
            nl("gemiddeld percentage bekeken (%)"),
            fr("pourcentage moyen regardé (%)"),
            es("porcentaje medio visto (%)"),
        ],
        own("average_percentage_viewed", Reading::PercentNumber),
    ),
    col(
        &[en("stayed to watch (%)"), de("weitergesehen (%)")],
        own("stayed_to_watch", Reading::PercentNumber),
    ),
    col(
        &[
            en("unique viewers"),
            de("einzelne zuschauer"),
            nl("unieke kijkers"),
            fr("spectateurs uniques"),
            es("usuarios únicos"),
        ],
        own("unique_viewers", C),
    ),
    col(
        &[en("engaged views"), de("interaktionsaufrufe")],
        own("engaged_views", C),
    ),
    col(
        &[
            en("likes"),
            de("mag ich"),
            nl("vind-ik-leuks"),
            fr("j'aime"),
            es("me gusta"),
        ],
        count(Reactions),
    ),
    col(
        &[
            en("comments added"),
            en("comments"),
            de("hinzugefügte kommentare"),
            de("kommentare"),
            nl("reacties toegevoegd"),
            fr("commentaires ajoutés"),
            es("comentarios añadidos"),
        ],
        count(Comments),
    ),
    col(
        &[
            en("shares"),
            de("geteilte inhalte"),
            nl("gedeeld"),
            fr("partages"),
            es("veces compartido"),
        ],
        count(Shares),
    ),
];

const fn with_keys(keys: [Column; 5]) -> [Column; 21] {
    let m = METRICS;
    [
        keys[0], keys[1], keys[2], keys[3], keys[4], m[0], m[1], m[2], m[3], m[4], m[5], m[6],
        m[7], m[8], m[9], m[10], m[11], m[12], m[13], m[14], m[15],
    ]
}

static TABLE_COLUMNS: [Column; 21] = with_keys([CONTENT, TITLE, PUBLISHED, ATTRIBUTES, ATTRIBUTES]);
static CHART_COLUMNS: [Column; 21] = with_keys([DATE, CONTENT, TITLE, PUBLISHED, ATTRIBUTES]);
static TOTALS_COLUMNS: [Column; 21] =
    with_keys([DATE, ATTRIBUTES, ATTRIBUTES, ATTRIBUTES, ATTRIBUTES]);

/// A video's own address is this plus its id.
const WATCH_PAGE: &str = "https://www.youtube.com/watch?v=";

/// `Table data.csv`: per video over the export period; the `Total` row is the channel's
/// total over the period (it counts videos the table does not list).
pub(crate) static TABLE_DATA: KindSpec = KindSpec {
    id: "youtube_table_data",
    export: "youtube_advanced",
    platform: Platform::YouTube,
    title: "YouTube Studio advanced-mode export (ZIP of Table data, Chart data, Totals)",
    columns: &TABLE_COLUMNS,
    required: &[Role::PostId],
    sheet_names: &[
        "table data",
        "tabellendaten",
        "tabelgegevens",
        "données du tableau",
        "datos de la tabla",
    ],
    sheet_name_required: false,
    shape: Shape::ExportRange,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Total,
    promoted_prefix: false,
    total_row: TotalRow::AccountRange,
    localised_numbers: false,
    permalink_prefix: Some(WATCH_PAGE),
};

/// `Chart data.csv`: per video per day.
pub(crate) static CHART_DATA: KindSpec = KindSpec {
    id: "youtube_chart_data",
    export: "youtube_advanced",
    platform: Platform::YouTube,
    title: "YouTube Studio advanced-mode export (ZIP of Table data, Chart data, Totals)",
    columns: &CHART_COLUMNS,
    required: &[Role::Date, Role::PostId],
    sheet_names: &[
        "chart data",
        "diagrammdaten",
        "grafiekgegevens",
        "données du graphique",
        "datos del gráfico",
    ],
    sheet_name_required: false,
    shape: Shape::Daily,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Total,
    promoted_prefix: false,
    total_row: TotalRow::Skip,
    localised_numbers: false,
    permalink_prefix: Some(WATCH_PAGE),
};

/// `Totals.csv`: the channel per day (`Date,<metric>`, blanks allowed).
pub(crate) static TOTALS: KindSpec = KindSpec {
    id: "youtube_totals",
    export: "youtube_advanced",
    platform: Platform::YouTube,
    title: "YouTube Studio advanced-mode export (ZIP of Table data, Chart data, Totals)",
    columns: &TOTALS_COLUMNS,
    required: &[Role::Date],
    sheet_names: &["totals", "gesamtwerte", "totalen", "totaux", "totales"],
    sheet_name_required: true,
    shape: Shape::Daily,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Total,
    promoted_prefix: false,
    total_row: TotalRow::Skip,
    localised_numbers: false,
    permalink_prefix: None,
};
