//! The appointment pack: a PDF the patient hands to their oncologist.
//!
//! `gather` turns the patient's choices into a `PackRequest` in words; `composition` turns that
//! into groups of pieces, which `layout` places on pages and `drawing` and `chart` draw; `pdf`
//! writes the file, and `preview` shows the same layout in the app. `html` writes the same parts
//! as one web page, in the same words (`phrases`).

mod bidi;
mod chart;
mod composition;
mod cover;
mod drawing;
mod fonts;
mod gather;
mod html;
mod layout;
mod lines;
mod metrics;
mod pdf;
mod phrases;
mod preview;
mod request;
mod summary;
mod table;
mod tags;

pub use composition::{lay_out_pack, LaidOut};
pub use fonts::{Face, FontSet, PLACEHOLDER};
pub use gather::gather;
pub use html::web_page;
pub use layout::{Placed, Tag};
pub use pdf::Pack;
pub use preview::{PackPreview, PreviewLine, PreviewPart};
pub use request::{
    PackAppointment, PackOptions, PackParts, PackQuestion, PackRequest, PackSettings, PackStep, Paper, PrintSize,
};
pub use summary::{summarise, Chart, ChartRow, PackSummary};

use crate::Result;

/// Lays out and writes the pack. Pure and quick: the app runs it off the UI thread.
pub fn make_pack(fonts: &FontSet, request: &PackRequest) -> Result<Pack> {
    lay_out_pack(fonts, request)?.save(fonts)
}

#[cfg(test)]
mod tests;
