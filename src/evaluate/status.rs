//! Status: one word for where a KPI stands, decided by written thresholds.
//!
//! For a period in progress the forecast is held against the target, direction-aware.
//! The shortfall is how far the forecast falls short of the target on the wrong side
//! (below it when higher is better, above it when lower is better), measured against the
//! KPI's scale: the target itself, or for a level the planned change from where it stood.
//! - **on track**: the shortfall is at most 5 % of the scale;
//! - **off track**: the shortfall is more than 20 % of the scale *and* even the favourable
//!   end of the 80 % forecast interval misses the target;
//! - **at risk**: anything in between.
//!
//! A period that is over is **achieved** or **missed**, with no tolerance. Some results
//! are certain before the end: a sum that cannot fall and already reached a higher-is-
//! better target is achieved; one that already went over a lower-is-better ceiling is
//! missed. Too little data gives **partial data**, carrying the status the data so far
//! points to as provisional. Nothing here computes a number.

use serde::Serialize;

use crate::strategy::Direction;

/// Shortfalls up to this share of the scale are on track.
pub const ON_TRACK_SHORTFALL: f64 = 0.05;
/// Shortfalls beyond this share of the scale are off track (when the interval agrees).
pub const OFF_TRACK_SHORTFALL: f64 = 0.20;

/// Where a KPI stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The period has not begun, or its first day is not over yet.
    NotStarted,
    /// No figure at all for the period's complete days.
    NoData,
    /// Too little of the period is known to judge; see the provisional status.
    PartialData,
    OnTrack,
    AtRisk,
    OffTrack,
    /// The target is reached (at the period's end, or for certain before it).
    Achieved,
    /// The target is missed (at the period's end, or for certain before it).
    Missed,
}

/// What a judgement of a period in progress looks at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outlook {
    pub direction: Direction,
    pub target: f64,
    /// The size against which a shortfall is measured (at least 0).
    pub scale: f64,
    pub forecast: f64,
    /// The favourable end of the forecast interval (the high end when higher is better).
    pub favourable_bound: Option<f64>,
}

/// The status of a period in progress.
pub fn judge(outlook: &Outlook) -> Status {
    let shortfall = match outlook.direction {
        Direction::Higher => outlook.target - outlook.forecast,
        Direction::Lower => outlook.forecast - outlook.target,
    };
    let scale = outlook.scale.abs();
    if shortfall <= ON_TRACK_SHORTFALL * scale {
        return Status::OnTrack;
    }
    let bound_misses = match (outlook.direction, outlook.favourable_bound) {
        (_, None) => true,
        (Direction::Higher, Some(bound)) => bound < outlook.target,
        (Direction::Lower, Some(bound)) => bound > outlook.target,
    };
    if shortfall > OFF_TRACK_SHORTFALL * scale && bound_misses {
        Status::OffTrack
    } else {
        Status::AtRisk
    }
}

/// The result of a finished period: achieved or missed, with no tolerance.
pub fn verdict(direction: Direction, actual: f64, target: f64) -> Status {
    let met = match direction {
        Direction::Higher => actual >= target,
        Direction::Lower => actual <= target,
    };
    if met {
        Status::Achieved
    } else {
        Status::Missed
    }
}

/// The result that is already certain for a sum that cannot fall, if any.
pub fn certain(direction: Direction, actual: f64, target: f64) -> Option<Status> {
    match direction {
        Direction::Higher if actual >= target => Some(Status::Achieved),
        Direction::Lower if actual > target => Some(Status::Missed),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(
        direction: Direction,
        target: f64,
        forecast: f64,
        bound: Option<f64>,
        expected: Status,
    ) {
        let outlook = Outlook {
            direction,
            target,
            scale: target.abs(),
            forecast,
            favourable_bound: bound,
        };
        assert_eq!(judge(&outlook), expected, "{outlook:?}");
    }

    #[test]
    fn thresholds_for_higher_is_better() {
        use Status::*;
        check(Direction::Higher, 1000.0, 1200.0, None, OnTrack);
        check(Direction::Higher, 1000.0, 950.0, None, OnTrack);
        check(Direction::Higher, 1000.0, 949.0, None, AtRisk);
        check(Direction::Higher, 1000.0, 800.0, None, AtRisk);
        check(Direction::Higher, 1000.0, 799.0, None, OffTrack);
        check(Direction::Higher, 1000.0, 700.0, Some(1010.0), AtRisk);
        check(Direction::Higher, 1000.0, 700.0, Some(990.0), OffTrack);
    }

    #[test]
    fn thresholds_for_lower_is_better() {
        use Status::*;
        check(Direction::Lower, 2.5, 2.0, None, OnTrack);
        check(Direction::Lower, 2.5, 2.625, None, OnTrack);
        check(Direction::Lower, 2.5, 2.7, None, AtRisk);
        check(Direction::Lower, 2.5, 3.1, None, OffTrack);
        check(Direction::Lower, 2.5, 3.1, Some(2.4), AtRisk);
    }

    #[test]
    fn a_target_of_zero_has_no_tolerance_but_the_interval() {
        use Status::*;
        check(Direction::Lower, 0.0, 0.0, None, OnTrack);
        check(Direction::Lower, 0.0, 0.5, Some(0.0), AtRisk);
        check(Direction::Lower, 0.0, 0.5, Some(0.2), OffTrack);
        check(Direction::Higher, 0.0, -3.0, Some(1.0), AtRisk);
    }

    #[test]
    fn finished_periods_and_certain_results() {
        assert_eq!(verdict(Direction::Higher, 1000.0, 1000.0), Status::Achieved);
        assert_eq!(verdict(Direction::Higher, 999.0, 1000.0), Status::Missed);
        assert_eq!(verdict(Direction::Lower, 150.0, 150.0), Status::Achieved);
        assert_eq!(verdict(Direction::Lower, 151.0, 150.0), Status::Missed);
        assert_eq!(
            certain(Direction::Higher, 1001.0, 1000.0),
            Some(Status::Achieved)
        );
        assert_eq!(certain(Direction::Higher, 999.0, 1000.0), None);
        assert_eq!(
            certain(Direction::Lower, 151.0, 150.0),
            Some(Status::Missed)
        );
        assert_eq!(certain(Direction::Lower, 150.0, 150.0), None);
    }
}
