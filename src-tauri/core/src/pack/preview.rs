//! What the app shows before saving: the parts, the page count and the first page's lines,
//! read from the same layout the PDF is drawn from.

use serde::Serialize;
use ts_rs::TS;

use super::chart::KEY_TITLE;
use super::fonts::Face;
use super::layout::{Piece, Placed};
use super::metrics::Metrics;
use super::pdf::Pack;

/// What the app shows before saving: the parts, the page count, and the first page's lines
/// where our layout placed them (a faithful view, since it is the same layout).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PackPreview {
    pub pages: u32,
    pub page_width: f32,
    pub page_height: f32,
    pub parts: Vec<PreviewPart>,
    pub first_page: Vec<PreviewLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PreviewPart {
    pub title: String,
    pub page: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PreviewLine {
    /// From the page's left edge and top edge, in points.
    pub x: f32,
    pub top: f32,
    pub size: f32,
    pub bold: bool,
    pub text: String,
    /// A ruled answer line rather than text.
    pub rule: bool,
}

impl Pack {
    pub fn preview(&self) -> PackPreview {
        preview_of(&self.placed, self.pages, self.page_size, &self.parts)
    }
}

pub(super) fn preview_of(
    placed: &[Placed],
    pages: usize,
    (width, height): (f32, f32),
    parts: &[(String, usize)],
) -> PackPreview {
    let first_page = placed
        .iter()
        .filter(|p| p.page == 0)
        .filter_map(|p| match &p.text {
            Some((x, text, size, bold)) => Some(PreviewLine {
                x: *x,
                top: height - p.top,
                size: *size,
                bold: *bold,
                text: text.clone(),
                rule: false,
            }),
            None if p.is_rule => Some(PreviewLine {
                x: 0.0,
                top: height - p.bottom - 4.0,
                size: 0.0,
                bold: false,
                text: String::new(),
                rule: true,
            }),
            None => None,
        })
        .collect();
    PackPreview {
        pages: pages as u32,
        page_width: width,
        page_height: height,
        parts: parts.iter().map(|(title, page)| PreviewPart { title: title.clone(), page: *page as u32 }).collect(),
        first_page,
    }
}

/// What the in-app preview shows of a piece: its left edge, words, size and weight.
pub(super) fn preview_text(m: &Metrics, piece: &Piece) -> Option<(f32, String, f32, bool)> {
    match piece {
        Piece::Text { indent, face, size, text, label } => Some(match label {
            Some(label) => (m.margin_x, format!("{label} {text}"), *size, *face == Face::Bold),
            None => (m.margin_x + indent, text.clone(), *size, *face == Face::Bold),
        }),
        Piece::TickBox { done, face, size, text } => {
            Some((m.margin_x, format!("{} {text}", if *done { "☑" } else { "☐" }), *size, *face == Face::Bold))
        }
        Piece::Cells { face, size, .. } => {
            let joined: Vec<&str> = piece.words();
            Some((m.margin_x, joined.join("  ·  "), *size, *face == Face::Bold))
        }
        Piece::ChartRow { label, marks, size, .. } => {
            Some((m.margin_x, format!("{} ({} marks)", label.join(" "), marks.len()), *size, false))
        }
        Piece::ChartAxis { ticks, size, .. } => {
            let dates: Vec<&str> = ticks.iter().map(|(_, t)| t.as_str()).collect();
            Some((m.margin_x, dates.join("  ·  "), *size, false))
        }
        Piece::ChartKey { size, .. } => Some((m.margin_x, KEY_TITLE.to_string(), *size, false)),
        Piece::Rule { .. } | Piece::Divider | Piece::Gap(_) => None,
    }
}
