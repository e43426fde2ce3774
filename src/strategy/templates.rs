//! Ready-made strategies a user starts from and adjusts: brand awareness, engagement,
//! community growth, traffic, and one campaign.
//!
//! Each template is an ordinary strategy file under `strategies/templates/`, built into the
//! binary, so a template is exactly what an exported strategy looks like and the same
//! validation holds it. This module only looks templates up; it does not write files.

use chrono::{Days, NaiveDate};

use crate::strategy::file::{self, StrategyFileError};
use crate::strategy::model::Strategy;
use crate::strategy::period::DateRange;

/// A template: its id, a one-line description and the strategy file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Template {
    /// The stable id (`brand-awareness`); user interfaces translate their titles by it.
    pub id: &'static str,
    /// What the template is for, in English.
    pub description: &'static str,
    /// The strategy file.
    pub text: &'static str,
}

/// Every template, in the order a user is offered them.
pub const TEMPLATES: &[Template] = &[
    Template {
        id: "brand-awareness",
        description: "Be seen more often by the audience you want to reach: impressions, reach, video views.",
        text: include_str!("../../strategies/templates/brand-awareness.json"),
    },
    Template {
        id: "engagement",
        description: "Content people respond to: engagement rate from summed parts, engagements, comments, shares.",
        text: include_str!("../../strategies/templates/engagement.json"),
    },
    Template {
        id: "community-growth",
        description: "Grow and keep an audience: followers at the end of the quarter, gained and lost.",
        text: include_str!("../../strategies/templates/community-growth.json"),
    },
    Template {
        id: "traffic",
        description: "Send people to your own site: link clicks, click-through rate, profile visits.",
        text: include_str!("../../strategies/templates/traffic.json"),
    },
    Template {
        id: "campaign",
        description: "One campaign across LinkedIn, X and Instagram, organic and paid, over the campaign's own dates.",
        text: include_str!("../../strategies/templates/campaign.json"),
    },
];

/// The template with this id.
pub fn find(id: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|template| template.id == id)
}

/// The strategy of a template, its campaigns moved to start on `today` (each keeping its
/// length), so a new campaign strategy is about the weeks ahead.
pub fn instantiate(template: &Template, today: NaiveDate) -> Result<Strategy, StrategyFileError> {
    let mut strategy = file::import(template.text)?;
    for campaign in &mut strategy.campaigns {
        let length = u64::try_from(campaign.dates.days() - 1).unwrap_or(0);
        if let Some(dates) = today
            .checked_add_days(Days::new(length))
            .and_then(|end| DateRange::new(today, end).ok())
        {
            campaign.dates = dates;
        }
    }
    Ok(strategy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn campaigns_move_to_today_and_keep_their_length() {
        let today: NaiveDate = "2028-02-20".parse().unwrap();
        let template = find("campaign").unwrap();
        let original = file::import(template.text).unwrap();
        let moved = instantiate(template, today).unwrap();
        let (before, after) = (original.campaigns[0].dates, moved.campaigns[0].dates);
        assert_eq!(after.start(), today);
        assert_eq!(after.days(), before.days());
        assert_eq!(
            after.end(),
            "2028-03-18".parse::<NaiveDate>().unwrap(),
            "28 days over the leap day"
        );
        assert!(find("no-such-template").is_none());
    }
}
