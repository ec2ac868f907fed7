use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum CheckupKind {
    CtScan,
    HeadScan,
    XRay,
    CheckUp,
    Other,
}

impl CheckupKind {
    /// In the order the app offers them.
    pub const ALL: [CheckupKind; 5] =
        [CheckupKind::CtScan, CheckupKind::HeadScan, CheckupKind::XRay, CheckupKind::CheckUp, CheckupKind::Other];

    /// The words the app shows and the pack prints.
    pub fn label(self) -> &'static str {
        match self {
            CheckupKind::CtScan => "CT scan",
            CheckupKind::HeadScan => "Head scan",
            CheckupKind::XRay => "Chest X-ray",
            CheckupKind::CheckUp => "Check-up with the team",
            CheckupKind::Other => "Something else",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Checkup {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: CheckupInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CheckupInput {
    pub on_date: String,
    pub kind: CheckupKind,
    pub note: String,
}
