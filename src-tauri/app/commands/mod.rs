pub(crate) mod appointments;
pub(crate) mod backup;
pub(crate) mod checklist;
pub(crate) mod content;
pub(crate) mod notes;
pub(crate) mod pack;
pub(crate) mod plan;
pub(crate) mod record;
