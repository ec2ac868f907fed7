pub(crate) mod content;
pub(crate) mod notes;
pub(crate) mod pack;
pub(crate) mod questions;
