//! Exact decimal numbers as text writes them: an integer mantissa and a power of ten.
//!
//! Values are kept exact until the one conversion to `f64`, which goes through the standard
//! library's correctly rounded decimal parser. So `1.5K` is 15 × 10² = 1500 and `1.15M` is
//! 115 × 10⁴ = 1 150 000 exactly: no cast before a multiply, no truncation. This module must
//! not know about separators, locales or units.

/// The largest power-of-ten exponent kept; anything beyond is not a value a page shows.
const MAX_EXPONENT: i32 = 300;

/// `mantissa × 10^exponent`, never negative (signs are handled by the caller).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Decimal {
    mantissa: u128,
    exponent: i32,
}

impl Decimal {
    /// `mantissa × 10^exponent`, when the exponent is within range.
    pub(crate) fn new(mantissa: u128, exponent: i32) -> Option<Decimal> {
        (exponent.abs() <= MAX_EXPONENT).then_some(Decimal { mantissa, exponent })
    }

    /// The same number times `10^by` (`by = 3` for a `K` suffix, `-2` for a percentage).
    pub(crate) fn scaled(self, by: i32) -> Option<Decimal> {
        Decimal::new(self.mantissa, self.exponent.checked_add(by)?)
    }

    /// The same number times a whole factor (3600 for hours), exactly.
    pub(crate) fn times(self, factor: u128) -> Option<Decimal> {
        Decimal::new(self.mantissa.checked_mul(factor)?, self.exponent)
    }

    /// The value of one unit in the last written digit: `10^exponent` (`1,2K` → 100).
    pub(crate) fn last_digit_step(self) -> Option<f64> {
        finite(format!("1e{}", self.exponent).parse().ok()?)
    }

    /// The nearest `f64`, when it is finite.
    pub(crate) fn to_f64(self) -> Option<f64> {
        // Clinger's fast path: a mantissa below 2^53 and a power of ten up to 10^22 are both
        // exact in an f64, so one multiplication or division rounds correctly. Everything
        // else goes through the standard library's correctly rounded parser.
        const EXACT_POWERS: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        ];
        if self.mantissa < (1 << 53) {
            let power = EXACT_POWERS.get(usize::try_from(self.exponent.unsigned_abs()).ok()?);
            if let Some(power) = power {
                let mantissa = self.mantissa as f64;
                return finite(if self.exponent < 0 {
                    mantissa / power
                } else {
                    mantissa * power
                });
            }
        }
        finite(
            format!("{}e{}", self.mantissa, self.exponent)
                .parse()
                .ok()?,
        )
    }
}

fn finite(value: f64) -> Option<f64> {
    value.is_finite().then_some(value)
}

/// Accumulates digits left to right into a mantissa, refusing overflow.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Digits {
    mantissa: u128,
    count: usize,
}

impl Digits {
    /// Appends one decimal digit; `None` when the mantissa would overflow (39+ digits).
    pub(crate) fn push(&mut self, digit: u32) -> Option<()> {
        self.mantissa = self
            .mantissa
            .checked_mul(10)?
            .checked_add(u128::from(digit))?;
        self.count += 1;
        Some(())
    }

    pub(crate) fn count(&self) -> usize {
        self.count
    }

    pub(crate) fn mantissa(&self) -> u128 {
        self.mantissa
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaling_is_exact() {
        let one_point_one_five = Decimal::new(115, -2).unwrap();
        assert_eq!(
            one_point_one_five.scaled(6).unwrap().to_f64(),
            Some(1_150_000.0)
        );
        assert_eq!(
            Decimal::new(15, -1).unwrap().scaled(3).unwrap().to_f64(),
            Some(1500.0)
        );
        assert_eq!(
            Decimal::new(125, -1).unwrap().scaled(-2).unwrap().to_f64(),
            Some(0.125)
        );
        assert_eq!(
            Decimal::new(125, -1).unwrap().times(3600).unwrap().to_f64(),
            Some(45_000.0)
        );
    }

    #[test]
    fn the_fast_path_agrees_with_the_correctly_rounded_parser() {
        for (mantissa, exponent) in [
            (1, -1),
            (3, -1),
            (123_456_789, -7),
            (9_007_199_254_740_991, -22),
            (7, 22),
            (5, -3),
        ] {
            let decimal = Decimal::new(mantissa, exponent).unwrap();
            let parsed: f64 = format!("{mantissa}e{exponent}").parse().unwrap();
            assert_eq!(decimal.to_f64(), Some(parsed), "{mantissa}e{exponent}");
        }
        let beyond_fast_path = Decimal::new(9_007_199_254_740_993, -2).unwrap();
        assert_eq!(beyond_fast_path.to_f64(), Some(90_071_992_547_409.93));
    }

    #[test]
    fn steps_and_limits() {
        assert_eq!(Decimal::new(12, 2).unwrap().last_digit_step(), Some(100.0));
        assert_eq!(Decimal::new(1, 301), None);
        let mut digits = Digits::default();
        for _ in 0..38 {
            digits.push(9).unwrap();
        }
        assert_eq!(digits.push(9), None, "a 39-digit mantissa overflows u128");
    }
}
