//! A spinner per pipeline stage on stderr, only when stderr is a terminal
//! and `--quiet` is off, so logs and CI output stay clean.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

pub struct Stage {
    bar: Option<ProgressBar>,
}

impl Stage {
    pub fn start(enabled: bool, message: &str) -> Stage {
        if !enabled || !std::io::stderr().is_terminal() {
            return Stage { bar: None };
        }
        let bar = ProgressBar::new_spinner();
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
            bar.set_style(style);
        }
        bar.set_message(message.to_string());
        bar.enable_steady_tick(Duration::from_millis(120));
        Stage { bar: Some(bar) }
    }

    pub fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}
