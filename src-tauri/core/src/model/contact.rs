use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CareContact {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: CareContactInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CareContactInput {
    /// A person or a service, in the patient's words: "Dr Nowak", "Acute oncology line".
    pub name: String,
    /// What they do: "oncologist", "specialist nurse".
    pub role: String,
    pub phone: String,
    /// The number to call day or night if unwell: the 24-hour or acute oncology line.
    pub round_the_clock: bool,
}
