//! What a pack is made from: the patient's choices on the pack screen, remembered between packs,
//! and the request in words that `gather` builds from them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::content::Safety;
use crate::store::Store;
use crate::Result;

use super::phrases::TOP_THREE;
use super::PackSummary;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PrintSize {
    #[default]
    Normal,
    Large,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PackOptions {
    pub paper: Paper,
    pub print_size: PrintSize,
}

#[derive(Debug, Clone, Default)]
pub struct PackQuestion {
    pub topic: String,
    pub text: String,
    pub top3: bool,
    /// An answer already typed is printed in place of the ruled lines.
    pub answer: String,
    /// "Answer recorded at 12:34": where it was answered in the appointment's recording, if marked.
    pub recorded: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct PackAppointment {
    /// In words: "Thursday 3 December 2026 at 2:30 pm".
    pub when: String,
    pub with_whom: String,
    pub place: String,
    pub purpose: String,
}

#[derive(Debug, Clone, Default)]
pub struct PackStep {
    pub text: String,
    pub why: String,
    pub done: bool,
    pub note: String,
}

/// Everything that goes into one pack, already in words. `gather` builds it from the store.
#[derive(Debug, Clone, Default)]
pub struct PackRequest {
    pub parts: PackParts,
    pub patient_name: String,
    pub appointment: Option<PackAppointment>,
    pub questions: Vec<PackQuestion>,
    pub checklist: Vec<PackStep>,
    pub notes: Vec<String>,
    /// Rows of date, what, how much it bothers, note.
    pub diary: Vec<[String; 4]>,
    /// Rows of treatment, started, stopped, why it stopped.
    pub treatments: Vec<[String; 4]>,
    pub options: PackOptions,
    /// When the pack is made, in seconds since 1970 (UTC).
    pub created_unix: i64,
    pub content_version: String,
    /// The page the content comes from, as printed: "ALK Treatment, ALK Positive UK".
    pub source_label: String,
    /// Which pages of the app's information a clinician has checked, in words, for the cover.
    pub review_line: String,
    /// The patient's 24-hour or acute oncology line, as they typed it, for the cover.
    pub round_the_clock: Option<String>,
    /// What to do when very unwell, for the cover: general NHS practice, not from the source.
    pub safety: Option<Safety>,
    /// The web pages the content names, as label and address, printed on the cover.
    pub links: Vec<(String, String)>,
    /// "Since my last appointment", when that part is chosen.
    pub summary: Option<PackSummary>,
}

impl PackRequest {
    /// The questions as the pack lists them: the top 3 first, then the rest grouped by topic in the
    /// order each topic first appears. Each group comes with its heading.
    pub(super) fn question_groups(&self) -> Vec<(&str, Vec<&PackQuestion>)> {
        let (top, rest): (Vec<&PackQuestion>, Vec<&PackQuestion>) = self.questions.iter().partition(|q| q.top3);
        let mut topics: Vec<(&str, Vec<&PackQuestion>)> = Vec::new();
        for question in rest {
            match topics.iter_mut().find(|(topic, _)| *topic == question.topic) {
                Some((_, listed)) => listed.push(question),
                None => topics.push((&question.topic, vec![question])),
            }
        }
        let top = (!top.is_empty()).then_some((TOP_THREE, top));
        top.into_iter().chain(topics).collect()
    }
}

/// Which parts go in the pack. The choice is remembered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PackParts {
    pub cover: bool,
    /// "Since my last appointment": one page, right after the front page. Choices remembered
    /// before it existed turn it on.
    #[serde(default = "on")]
    pub summary: bool,
    pub questions: bool,
    pub checklist: bool,
    pub notes: bool,
    pub diary: bool,
    pub treatments: bool,
}

impl Default for PackParts {
    fn default() -> Self {
        PackParts {
            cover: true,
            summary: true,
            questions: true,
            checklist: false,
            notes: true,
            diary: false,
            treatments: false,
        }
    }
}

impl PackParts {
    /// Every part, as the long-illness benchmark and the tests print it.
    pub fn all() -> Self {
        PackParts { checklist: true, diary: true, treatments: true, ..Self::default() }
    }
}

fn on() -> bool {
    true
}

/// What the user chose on the pack screen.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PackSettings {
    pub parts: PackParts,
    /// Optional; printed on the cover.
    pub patient_name: String,
    pub options: PackOptions,
    /// The appointment whose questions go in; `None` for the one not booked yet.
    #[ts(type = "number | null")]
    pub appointment_id: Option<i64>,
    /// The notes the user picked.
    #[ts(type = "Array<number>")]
    pub note_ids: Vec<i64>,
    /// Also save the pack as a web page beside the PDF. Choices remembered before it existed leave it off.
    #[serde(default)]
    pub web_page: bool,
}

/// The key the remembered choices are kept under.
const SETTING: &str = "pack";

impl PackSettings {
    /// The choices from last time (parts, name, paper and print size), or the defaults.
    pub fn remembered(store: &Store) -> Result<PackSettings> {
        let saved = store.setting(SETTING)?.and_then(|json| serde_json::from_str::<PackSettings>(&json).ok());
        Ok(saved.unwrap_or_default())
    }

    /// Remembers the lasting choices; which appointment and notes are picked anew each time.
    pub fn remember(&self, store: &mut Store) -> Result<()> {
        let lasting = PackSettings { appointment_id: None, note_ids: Vec::new(), ..self.clone() };
        let json = serde_json::to_string(&lasting).unwrap_or_default();
        store.set_setting(SETTING, &json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_remembered_before_the_web_page_existed_leave_it_off_and_a_new_choice_is_remembered() {
        let mut store = Store::open_in_memory().unwrap();
        let old = r#"{"parts":{"cover":true,"questions":true,"checklist":false,"notes":true,"diary":false,"treatments":false},"patientName":"Zoë","options":{"paper":"a4","printSize":"large"},"appointmentId":null,"noteIds":[]}"#;
        store.set_setting(SETTING, old).unwrap();
        let remembered = PackSettings::remembered(&store).unwrap();
        assert_eq!((remembered.patient_name.as_str(), remembered.web_page), ("Zoë", false));

        PackSettings { web_page: true, ..remembered }.remember(&mut store).unwrap();
        assert!(PackSettings::remembered(&store).unwrap().web_page);
    }
}
