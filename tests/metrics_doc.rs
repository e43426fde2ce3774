//! `docs/metrics.md` is generated from the code (`src/metrics.rs`, `src/derive.rs`); this
//! test fails when the two drift apart. Regenerate the document with
//! `UPDATE_METRICS_DOC=1 cargo test --test metrics_doc`.

// Helpers outside #[test] functions unwrap too: a failure there is the test failing.
#![allow(clippy::unwrap_used)]

use std::fmt::Write;
use std::path::PathBuf;

use yardstick::derive::{engagement_rate_denominator, ENGAGEMENT_PARTS};
use yardstick::metrics::{Aggregation, CanonicalMetric, PLATFORM_FIGURES};
use yardstick::model::Platform;

fn render() -> String {
    let mut doc = String::new();
    doc.push_str(
        "# Metrics\n\n\
         <!-- Generated from src/metrics.rs and src/derive.rs by tests/metrics_doc.rs. Do not edit:\n     \
         change the code, then run `UPDATE_METRICS_DOC=1 cargo test --test metrics_doc`. -->\n\n\
         Yardstick's promise is that a number means one thing whichever platform, language or file it\n\
         came from. Every value is one of the canonical metrics below, or a platform's own figure kept\n\
         under its namespaced name (`x:engagements`) because it does not match a canonical definition.\n\
         Ratios are fractions (0.125), shown as percentages; durations are seconds; money carries its\n\
         currency (`currency:EUR`).\n\n",
    );
    doc.push_str("## Canonical metrics\n\n");
    doc.push_str(
        "| id | unit | AMEC stage | over a period | definition |\n|---|---|---|---|---|\n",
    );
    for metric in CanonicalMetric::ALL {
        let unit = metric
            .unit()
            .map_or("currency:XXX".to_owned(), |unit| unit.to_string());
        let computed = if metric.is_computed() {
            " Computed by Yardstick; never read."
        } else {
            ""
        };
        writeln!(
            doc,
            "| `{}` | {unit} | {:?} | {} | {}{computed} |",
            metric.id(),
            metric.amec_stage(),
            metric.aggregation(),
            metric.definition()
        )
        .unwrap();
    }
    doc.push_str(
        "\n## How values combine over a period\n\n\
         The store answers a period by the metric's aggregation, so no day is counted twice:\n\n",
    );
    let kinds = [
        (Aggregation::Sum, "complete daily coverage is summed; otherwise a reading of exactly the period answers; otherwise day and range readings that tile the period without overlap; otherwise a partial value that lists the missing days"),
        (Aggregation::Level, "the latest value at or before the period's end; the days after it count as missing"),
        (Aggregation::NonAdditive, "only a reading of exactly the period; never summed over days, accounts or platforms"),
    ];
    for (aggregation, rule) in kinds {
        writeln!(doc, "- **{aggregation}**: {rule}.").unwrap();
    }
    doc.push_str(
        "- **ratio of summed parts**: numerator and denominator are each totalled over the period\n  \
         (and across accounts) and then divided, never averaged; a stored reading of the rate for\n  \
         exactly the period answers only when its parts are incomplete.\n\n\
         Values in different units (two currencies) are never added.\n\n",
    );
    doc.push_str("## Standard engagement\n\n");
    let parts: Vec<&str> = ENGAGEMENT_PARTS.iter().map(|p| p.id()).collect();
    writeln!(
        doc,
        "`engagements` = the sum of the parts a platform reports among {}; the parts present travel\n\
         with the value. `engagement_rate` = engagements / the platform's exposure denominator, which\n\
         travels with the value too. The platform's own figures stay beside them, untouched.\n",
        parts.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", ")
    )
    .unwrap();
    doc.push_str("| platform | engagement rate divides by |\n|---|---|\n");
    for platform in Platform::ALL {
        writeln!(
            doc,
            "| {} | `{}` |",
            platform.display_name(),
            engagement_rate_denominator(platform).id()
        )
        .unwrap();
    }
    doc.push_str(
        "\n## Platform figures kept under their own names\n\n\
         | metric | closest canonical | over a period | why it is not the canonical metric |\n|---|---|---|---|\n",
    );
    for figure in PLATFORM_FIGURES {
        let closest = figure
            .closest
            .map_or("—".to_owned(), |m| format!("`{}`", m.id()));
        writeln!(
            doc,
            "| `{}` | {closest} | {} | {} |",
            figure.metric(),
            figure.aggregation,
            figure.why
        )
        .unwrap();
    }
    doc.push_str(
        "\nAny other platform figure (`platform:name`) is kept as read and treated as not additive\n\
         until it is listed here.\n",
    );
    doc
}

#[test]
fn the_metrics_document_matches_the_code() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/metrics.md");
    let rendered = render();
    if std::env::var_os("UPDATE_METRICS_DOC").is_some() {
        std::fs::write(&path, &rendered).unwrap();
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == rendered,
        "docs/metrics.md is out of step with src/metrics.rs; regenerate it with \
         `UPDATE_METRICS_DOC=1 cargo test --test metrics_doc` and commit the result"
    );
}

#[test]
fn the_document_lists_every_metric_and_kept_figure() {
    let rendered = render();
    for metric in CanonicalMetric::ALL {
        assert!(
            rendered.contains(&format!("| `{}` |", metric.id())),
            "{}",
            metric.id()
        );
    }
    for name in [
        "x:engagements",
        "linkedin:engagement_rate",
        "facebook:views",
    ] {
        assert!(rendered.contains(&format!("| `{name}` |")), "{name}");
    }
}
