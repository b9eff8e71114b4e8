//! The clocks with no real clock: time is plain numbers.

use super::*;

const AFF_PREP: Clock = Clock::Prep(CaseSide::Aff);
const NEG_PREP: Clock = Clock::Prep(CaseSide::Neg);

#[test]
fn start_stop_and_resume_keep_the_time_and_overtime_goes_negative() {
    let mut t = Timer::new(DebateFormat::Policy, [0, 0]);
    assert_eq!(t.speech().name, "1AC");
    assert_eq!(t.left(Clock::Speech, 0.0), 480.0);
    t.start(Clock::Speech, 10.0);
    assert_eq!(t.left(Clock::Speech, 70.0), 420.0);
    t.stop(70.0);
    assert_eq!(t.left(Clock::Speech, 500.0), 420.0, "a stopped clock does not run");
    t.toggle(Clock::Speech, 500.0);
    assert_eq!(t.running(), Some(Clock::Speech));
    assert_eq!(t.left(Clock::Speech, 930.0), -10.0, "overtime");
    t.toggle(Clock::Speech, 930.0);
    assert_eq!(t.running(), None);
}

#[test]
fn one_clock_runs_at_a_time_and_prep_is_accounted_per_side() {
    let mut t = Timer::new(DebateFormat::Policy, [60, 0]);
    assert_eq!(t.left(AFF_PREP, 0.0), 420.0, "a minute already used of eight");
    t.start(Clock::Speech, 0.0);
    t.start(NEG_PREP, 100.0);
    assert_eq!(t.running(), Some(NEG_PREP));
    assert_eq!(t.left(Clock::Speech, 200.0), 380.0, "the speech clock stopped when prep started");
    t.start(AFF_PREP, 130.0);
    assert_eq!(t.prep_used(130.0), [60, 30]);
    assert_eq!(t.prep_used(190.0), [120, 30]);
    t.stop(190.0);
    assert_eq!(t.prep_used(1000.0), [120, 30]);
}

#[test]
fn next_speech_stops_the_clocks_and_sets_the_next_speech_length() {
    let mut t = Timer::new(DebateFormat::LincolnDouglas, [0, 0]);
    t.start(Clock::Speech, 0.0);
    t.next_speech(50.0);
    assert_eq!((t.speech().name, t.running()), ("NC", None));
    assert_eq!(t.left(Clock::Speech, 99.0), 420.0);
    for _ in 0..10 {
        t.next_speech(60.0);
    }
    assert_eq!(t.speech().name, "2AR", "the last speech stays last");
    assert_eq!(t.left(Clock::Speech, 0.0), 180.0);
}

#[test]
fn going_to_a_speech_sets_its_clock_and_elapsed_time_counts_up_from_its_start() {
    let mut t = Timer::new(DebateFormat::Policy, [0, 0]);
    t.go_to_speech(4, 0.0);
    assert_eq!((t.speech().name, t.speech_index()), ("1NR", 4));
    assert_eq!(t.speech_elapsed(0.0), 0);
    t.start(Clock::Speech, 10.0);
    assert_eq!(t.speech_elapsed(85.0), 75);
    t.go_to_speech(99, 90.0);
    assert_eq!((t.speech().name, t.running()), ("2AR", None));
    assert_eq!(t.speech_elapsed(500.0), 0);
}

#[test]
fn alerts_fire_once_each_as_a_running_clock_crosses_them() {
    let mut t = Timer::new(DebateFormat::PublicForum, [0, 0]);
    t.set_alerts(vec![30, 60, 0, 30]);
    t.start(Clock::Speech, 0.0);
    assert!(t.tick(100.0).is_empty(), "140 s left");
    let at = |alerts: Vec<Alert>| alerts.iter().map(|a| a.seconds_left).collect::<Vec<_>>();
    assert_eq!(at(t.tick(181.0)), vec![60]);
    assert!(t.tick(182.0).is_empty(), "once");
    assert_eq!(at(t.tick(250.0)), vec![30, 0], "both crossed between two ticks");
    t.stop(250.0);
    assert!(t.tick(400.0).is_empty(), "a stopped clock alerts nothing");
    // Typed back up to 1:00, the points under it alert again as it runs down.
    t.set_typed(Clock::Speech, "1:00", 400.0).unwrap();
    t.start(Clock::Speech, 400.0);
    assert_eq!(at(t.tick(431.0)), vec![30]);
    assert!(t.tick(432.0).iter().all(|a| a.clock == Clock::Speech));
}

#[test]
fn typed_times_read_as_debaters_type_them() {
    assert_eq!(parse_time("800"), Ok(480));
    assert_eq!(parse_time("8:00"), Ok(480));
    assert_eq!(parse_time(" 1230 "), Ok(750));
    assert_eq!(parse_time("45"), Ok(45));
    assert_eq!(parse_time("5"), Ok(5));
    assert_eq!(parse_time("0"), Ok(0));
    assert!(parse_time("875").unwrap_err().contains("75 seconds"));
    for bad in ["", "8:0", "abc", "10000", "-5", "8.00", "8:000"] {
        assert!(parse_time(bad).is_err(), "{bad:?}");
    }
    let mut t = Timer::new(DebateFormat::Policy, [0, 0]);
    t.start(NEG_PREP, 0.0);
    t.set_typed(NEG_PREP, "300", 20.0).unwrap();
    assert_eq!(t.left(NEG_PREP, 80.0), 120.0, "3:00 typed; a running clock runs on from it");
    assert!(t.set_typed(NEG_PREP, "9:99", 80.0).is_err());
    assert_eq!(t.left(NEG_PREP, 80.0), 120.0, "a refused time changes nothing");
}
