use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How much it bothers you, in words, never a number.
/// Ordered from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Bother {
    ALittle,
    QuiteABit,
    ALot,
}

impl Bother {
    /// Least to most, as the app offers them.
    pub const ALL: [Bother; 3] = [Bother::ALittle, Bother::QuiteABit, Bother::ALot];

    /// The words the app shows and the pack prints.
    pub fn label(self) -> &'static str {
        match self {
            Bother::ALittle => "A little",
            Bother::QuiteABit => "Quite a bit",
            Bother::ALot => "A lot",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DiaryEntry {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: DiaryInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DiaryInput {
    pub on_date: String,
    /// A side-effect id from the content's list, or "other" with `other_what`.
    pub what: String,
    pub other_what: String,
    pub bother: Bother,
    pub note: String,
}
