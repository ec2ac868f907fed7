//! How the screen looks: colours, contrast and text size, and whether the welcome was seen.
//! Remembered in the store like the pack's choices, so a backup carries them too.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Store;
use crate::Result;

const SETTING: &str = "screen";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Theme {
    /// Light or dark, as the computer is set.
    #[default]
    System,
    Light,
    Dark,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    /// Twice the normal size.
    Larger,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ScreenSettings {
    pub theme: Theme,
    pub high_contrast: bool,
    pub text_size: TextSize,
    /// True once the first-start welcome has been closed.
    pub welcomed: bool,
}

impl ScreenSettings {
    /// What was chosen last time. A value this version cannot read gives the defaults: a
    /// setting is never a reason to stop the app.
    pub fn remembered(store: &Store) -> Result<ScreenSettings> {
        let saved = store.setting(SETTING)?.and_then(|json| serde_json::from_str(&json).ok());
        Ok(saved.unwrap_or_default())
    }

    pub fn remember(&self, store: &mut Store) -> Result<()> {
        let json = serde_json::to_string(self).unwrap_or_default();
        store.set_setting(SETTING, &json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screen_settings_survive_reopening_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sqlite3");
        let chosen =
            ScreenSettings { theme: Theme::Dark, high_contrast: true, text_size: TextSize::Larger, welcomed: true };
        chosen.remember(&mut Store::open(&path).unwrap()).unwrap();
        assert_eq!(ScreenSettings::remembered(&Store::open(&path).unwrap()).unwrap(), chosen);
    }

    #[test]
    fn an_unreadable_screen_setting_gives_the_defaults() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(ScreenSettings::remembered(&store).unwrap(), ScreenSettings::default());
        store.set_setting(SETTING, "{\"theme\":\"purple\"}").unwrap();
        assert_eq!(ScreenSettings::remembered(&store).unwrap(), ScreenSettings::default());
        // A setting from a later version with a new field keeps what this version knows.
        store.set_setting(SETTING, "{\"textSize\":\"large\",\"sparkles\":true}").unwrap();
        assert_eq!(ScreenSettings::remembered(&store).unwrap().text_size, TextSize::Large);
    }
}
