//! Every journey in the real window, as modules of one test binary: one build and one link
//! instead of one per journey. Each test starts tauri-driver with a folder of its own (see
//! `common::Driver`), so a test never sees another's data.
//!
//! `./dev.sh test` runs them side by side through `tests/e2e/tools/lanes.py`, each lane with an X
//! display and a tauri-driver port of its own (`ALK_E2E_PORT`). By hand, one at a time:
//! `xvfb-run cargo test --test window -- --test-threads=1` (they share port 4444).
//! `installed` is ignored here and run by `tests/install/deb.sh` against the installed package.

mod common;

mod calm_screen;
mod closing;
mod installed;
mod journey;
mod keyboard;
mod locked_down;
mod never_lost;
mod recording;
mod since_last;
