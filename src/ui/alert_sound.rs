//! A clock alert's sound, where the system has one: the desktop's bell sound played by the
//! first player found (canberra, PulseAudio, ALSA), on a thread of its own so the window never
//! waits; with none, the flash of the strip is the alert.

use std::process::{Command, Stdio};

/// Sound files a freedesktop system usually has, with the player that takes them.
const PLAYERS: &[(&str, &[&str])] = &[
    ("canberra-gtk-play", &["--id", "bell"]),
    ("paplay", &["/usr/share/sounds/freedesktop/stereo/bell.oga"]),
    ("aplay", &["-q", "/usr/share/sounds/alsa/Front_Center.wav"]),
];

/// Plays the alert sound in the background; does nothing where no player or sound exists.
pub fn ring() {
    if std::env::var_os("CASEBOOK_SILENT").is_some() {
        return;
    }
    let spawned = std::thread::Builder::new().name("alert-sound".into()).spawn(|| {
        for (player, args) in PLAYERS {
            if let Some(file) = args.iter().find(|a| a.starts_with('/'))
                && !std::path::Path::new(file).is_file()
            {
                continue;
            }
            let child = Command::new(player)
                .args(*args)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn();
            if let Ok(mut child) = child {
                // Reaped here, off the UI thread; a player that fails tries the next.
                if child.wait().is_ok_and(|s| s.success()) {
                    return;
                }
            }
        }
    });
    drop(spawned);
}
