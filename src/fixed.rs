//! Decimal numbers written by hand for the page: picture coordinates, CSS lengths, percentages, the figures
//! a spec reads. `format!("{x:.1}")` and `x.to_string()` on an `f64` link the standard library's float
//! formatting (Grisu, Dragon4 and their tables of powers, ~15 KB of the first load) for numbers that never
//! need more than three decimals; integers are written by the integer formatting the page has anyway.
//!
//! Rounding is to the nearest, halves to even on the scaled value, as `format!` rounds an exact half. It
//! differs from `format!` only when `x × 10^places` lands on a half by the multiplication's own rounding
//! (`0.15` is `0.1499…` in binary: `format!` writes `0.1`, [`fixed`] `0.2`), a last digit no picture shows.
//! Magnitudes beyond 10^15 (no coordinate or count on the page comes near) are written as 10^15.

/// Beyond this, digits are not worth writing (and `× 10^places` stays exact in an `f64`'s 53 bits).
const LIMIT: f64 = 1e15;

/// `x` with `places` decimals (at most 3), as `format!("{x:.places$}")`: `fixed(2.345, 1)` is `2.3`,
/// `fixed(-0.04, 1)` is `-0.0` (the sign kept, as `format!` keeps it), `fixed(12.0, 0)` is `12`.
pub fn fixed(x: f64, places: u32) -> String {
    let mut out = String::new();
    push(&mut out, x, places.min(3), false);
    out
}

/// `x` with at most `places` decimals (at most 3) and no trailing zeros: `decimal(720.0, 2)` is `720`,
/// `decimal(12.5, 2)` is `12.5`, `decimal(-0.001, 2)` is `0`: for CSS lengths and attributes, where
/// `x.to_string()` was written.
pub fn decimal(x: f64, places: u32) -> String {
    let mut out = String::new();
    push(&mut out, x, places.min(3), true);
    out
}

fn push(out: &mut String, x: f64, places: u32, trim: bool) {
    if x.is_nan() {
        out.push_str("NaN");
        return;
    }
    let scale = 10u64.pow(places);
    let scaled = x.abs().min(LIMIT) * scale as f64;
    let mut units = scaled.round();
    // An exact half goes to the even neighbour, as `format!` rounds.
    if (units - scaled).abs() == 0.5 && units % 2.0 == 1.0 {
        units -= 1.0;
    }
    let units = units as u64;
    let (whole, mut fraction, mut digits) = (units / scale, units % scale, places);
    if trim {
        while digits > 0 && fraction % 10 == 0 {
            fraction /= 10;
            digits -= 1;
        }
    }
    // A trimmed zero is written `0`, never `-0`; `fixed` keeps the sign as `format!` does.
    if x.is_sign_negative() && (!trim || units > 0) {
        out.push('-');
    }
    out.push_str(&whole.to_string());
    if digits > 0 {
        out.push('.');
        let text = fraction.to_string();
        for _ in text.len()..digits as usize {
            out.push('0');
        }
        out.push_str(&text);
    }
}

#[cfg(test)]
mod tests {
    use super::{decimal, fixed};

    #[test]
    fn fixed_writes_what_format_writes() {
        let cases: &[(f64, u32, &str)] = &[
            (0.0, 0, "0"),
            (0.0, 1, "0.0"),
            (12.0, 0, "12"),
            (2.345, 1, "2.3"),
            (2.36, 1, "2.4"),
            (99.96, 1, "100.0"),
            (720.0, 1, "720.0"),
            (0.05, 2, "0.05"),
            (1.005, 3, "1.005"),
            (-3.25, 1, "-3.2"),
            (-0.04, 1, "-0.0"),
            (-0.0, 0, "-0"),
            (0.5, 0, "0"),
            (1.5, 0, "2"),
            (2.5, 0, "2"),
            (57.0, 0, "57"),
            (1234567.891, 2, "1234567.89"),
            (f64::NAN, 1, "NaN"),
            (1e300, 0, "1000000000000000"),
        ];
        for &(x, places, want) in cases {
            assert_eq!(fixed(x, places), want, "fixed({x}, {places})");
        }
    }

    /// Away from halves, every value is written as `format!` writes it.
    #[test]
    fn fixed_agrees_with_format_away_from_halves() {
        for i in -20_000..20_000 {
            let x = f64::from(i) * 0.0731 + 0.00013;
            for places in 0..=3u32 {
                let scaled = x.abs() * 10f64.powi(places as i32);
                if (scaled - scaled.trunc() - 0.5).abs() < 1e-6 {
                    continue;
                }
                assert_eq!(fixed(x, places), format!("{x:.*}", places as usize), "{x} with {places} decimals");
            }
        }
    }

    #[test]
    fn decimal_drops_trailing_zeros() {
        let cases: &[(f64, u32, &str)] = &[
            (720.0, 2, "720"),
            (12.5, 2, "12.5"),
            (12.25, 2, "12.25"),
            (12.254, 2, "12.25"),
            (0.1 + 0.2, 3, "0.3"),
            (-4.5, 1, "-4.5"),
            (-0.001, 2, "0"),
            (3.0, 0, "3"),
            (0.0, 3, "0"),
        ];
        for &(x, places, want) in cases {
            assert_eq!(decimal(x, places), want, "decimal({x}, {places})");
        }
    }
}
