//! The heart of ALK Companion: the content a patient reads, the store that keeps their own
//! words, and the appointment pack. Nothing here knows about Tauri.

pub mod calendar;
pub mod companion;
pub mod content;
pub mod dates;
pub mod diary_summary;
pub mod error;
pub mod model;
pub mod pack;
pub mod search;
pub mod store;
pub mod words;

pub use error::{Error, ErrorKind, Result};
