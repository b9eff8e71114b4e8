//! The one calendar: civil dates and times from the system clock, without a date library. Used
//! for a cite's "accessed" date ([`today`]) and provenance time stamps ([`rfc3339_utc`]).
//!
//! Dates are UTC civil dates in the proleptic Gregorian calendar, computed with Howard Hinnant's
//! `civil_from_days` algorithm (exact for every day a `i64` of days can name).

use std::time::{SystemTime, UNIX_EPOCH};

/// The year, month (1–12) and day (1–31) of the day `days` after 1970-01-01 (negative: before).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468; // days since 0000-03-01
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // day of the 400-year era, 0..=146096
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365; // 0..=399
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // day of the March-based year, 0..=365
    let mp = (5 * doy + 2) / 153; // March = 0
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The UTC date `YYYY-MM-DD` of a Unix timestamp in seconds (negative: before 1970).
pub fn date_from_unix(seconds: i64) -> String {
    let (y, m, d) = civil_from_days(seconds.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// The UTC date `YYYY-MM-DD` of `time`.
pub fn date_of(time: SystemTime) -> String {
    let seconds = match time.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
        // Before 1970: round down to the start of the second.
        Err(before) => {
            let d = before.duration();
            -i64::try_from(d.as_secs()).unwrap_or(i64::MAX) - i64::from(d.subsec_nanos() > 0)
        }
    };
    date_from_unix(seconds)
}

/// Today's UTC date, `YYYY-MM-DD`: the default access date of a newly opened source.
pub fn today() -> String {
    date_of(SystemTime::now())
}

/// `time` as RFC 3339 in UTC to the second, e.g. `"2026-11-22T19:41:07Z"`; times before 1970
/// give the epoch.
pub fn rfc3339_utc(time: SystemTime) -> String {
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (h, m, s) = (rem / 3600, rem % 3600 / 60, rem % 60);
    let (year, month, day) = civil_from_days(i64::try_from(days).unwrap_or(i64::MAX));
    format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}Z")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn known_timestamps_give_their_dates() {
        for (seconds, date) in [
            (0, "1970-01-01"),
            (86_399, "1970-01-01"),
            (86_400, "1970-01-02"),
            (951_782_400, "2000-02-29"), // leap day of a year divisible by 400
            (951_868_800, "2000-03-01"),
            (1_709_164_800, "2024-02-29"),
            (1_735_689_599, "2024-12-31"), // last second of 2024
            (1_735_689_600, "2025-01-01"),
            (1_756_425_600, "2025-08-29"),
            (4_107_456_000, "2100-02-28"), // 2100 is not a leap year…
            (4_107_542_400, "2100-03-01"), // …so March follows February 28
            (-1, "1969-12-31"),
            (-86_400, "1969-12-31"),
            (-86_401, "1969-12-30"),
            (-2_208_988_800, "1900-01-01"),
        ] {
            assert_eq!(date_from_unix(seconds), date, "{seconds}");
        }
    }

    #[test]
    fn every_day_of_four_centuries_follows_the_previous_one() {
        let mut previous = civil_from_days(-1);
        assert_eq!(previous, (1969, 12, 31));
        for days in 0..146_097 {
            let (y, m, d) = civil_from_days(days);
            let (py, pm, pd) = previous;
            let next_day = (y, m, d) == (py, pm, pd + 1);
            let next_month = d == 1 && ((y, m) == (py, pm + 1) || (y == py + 1 && m == 1 && pm == 12));
            assert!(next_day || next_month, "{previous:?} → {:?}", (y, m, d));
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let month_len = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
            if next_month {
                assert_eq!(pd, month_len[pm as usize - 1], "{previous:?} ends its month");
            }
            previous = (y, m, d);
        }
    }

    #[test]
    fn utc_formatting_matches_known_instants() {
        assert_eq!(rfc3339_utc(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339_utc(UNIX_EPOCH + Duration::from_secs(951_782_400)), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339_utc(UNIX_EPOCH + Duration::from_secs(1_795_376_467)), "2026-11-22T19:41:07Z");
        assert_eq!(rfc3339_utc(UNIX_EPOCH - Duration::from_secs(1)), "1970-01-01T00:00:00Z");
    }

    #[test]
    fn system_times_before_and_after_the_epoch() {
        assert_eq!(date_of(UNIX_EPOCH + Duration::from_secs(1_726_704_000)), "2024-09-19");
        assert_eq!(date_of(UNIX_EPOCH - Duration::from_millis(1)), "1969-12-31");
        let today = today();
        assert!(crate::model::source::is_valid_date(&today) && today.len() == 10, "{today}");
    }
}
