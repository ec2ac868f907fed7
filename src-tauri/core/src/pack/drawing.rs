//! Drawing pieces on a page as printpdf operations: text in runs of the faces that have each
//! character, strokes, tick boxes and table cells; the chart's pieces are drawn in `chart`.

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{Color, Greyscale, Line, LinePoint, Op, PdfFontHandle, Point, Pt, TextItem, TextMatrix};

use super::bidi::{has_right_to_left, pieces};
use super::chart;
use super::fonts::{Face, FontSet};
use super::layout::{Piece, TIGHT};
use super::metrics::Metrics;
use super::tags::{Marker, Slot};

pub(super) fn black() -> Color {
    Color::Greyscale(Greyscale { percent: 0.0, icc_profile: None })
}

pub(super) fn grey(percent: f32) -> Color {
    Color::Greyscale(Greyscale { percent, icc_profile: None })
}

pub(super) fn stroke(ops: &mut Vec<Op>, colour: Color, thickness: f32, points: &[(f32, f32)], closed: bool) {
    ops.push(Op::SetOutlineColor { col: colour });
    ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
    let points = points.iter().map(|&(x, y)| LinePoint { p: Point { x: Pt(x), y: Pt(y) }, bezier: false }).collect();
    ops.push(Op::DrawLine { line: Line { points, is_closed: closed } });
}

pub(super) fn draw(
    fonts: &FontSet,
    handles: &Handles,
    m: &Metrics,
    piece: &Piece,
    top: f32,
    ops: &mut Vec<Op>,
    marker: &mut Marker,
) {
    let baseline = |size: f32| top - size * (m.leading - 1.0) / 2.0 - size * 0.85;
    let right = m.page_width - m.margin_x;
    match piece {
        Piece::Text { indent, face, size, text, label } => {
            if let Some(label) = label {
                marker.content(ops, Slot::Text, None, |ops| {
                    draw_text(fonts, handles, ops, (m.margin_x, baseline(*size)), (*face, *size), label)
                });
            }
            marker.content(ops, Slot::Text, Some(text), |ops| {
                draw_text(fonts, handles, ops, (m.margin_x + indent, baseline(*size)), (*face, *size), text)
            });
        }
        Piece::Rule { indent } => {
            let y = top - piece.height(m) + 4.0;
            marker.artifact(ops, |ops| stroke(ops, grey(0.45), 0.7, &[(m.margin_x + indent, y), (right, y)], false));
        }
        Piece::TickBox { done, face, size, text } => {
            let side = size * 0.8;
            let (x, y) = (m.margin_x, baseline(*size) - size * 0.08);
            let box_points = [(x, y), (x + side, y), (x + side, y + side), (x, y + side)];
            marker.content(ops, Slot::TickBox, None, |ops| {
                stroke(ops, black(), 1.0, &box_points, true);
                if *done {
                    // A tick drawn as strokes, so no font needs a tick glyph.
                    let tick = [
                        (x + side * 0.18, y + side * 0.5),
                        (x + side * 0.42, y + side * 0.2),
                        (x + side * 0.85, y + side * 0.85),
                    ];
                    stroke(ops, black(), 1.8, &tick, false);
                }
            });
            marker.content(ops, Slot::Text, Some(text), |ops| {
                draw_text(fonts, handles, ops, (m.margin_x + size * 1.4, baseline(*size)), (*face, *size), text)
            });
        }
        Piece::Cells { cells, face, size, tight } => {
            let baseline = if *tight { top - size * (TIGHT - 1.0) / 2.0 - size * 0.85 } else { baseline(*size) };
            for (column, (x, text)) in cells.iter().enumerate().filter(|(_, (_, text))| !text.is_empty()) {
                marker.content(ops, Slot::Cell(column), Some(text), |ops| {
                    draw_text(fonts, handles, ops, (m.margin_x + x, baseline), (*face, *size), text)
                });
            }
        }
        Piece::Divider => marker
            .artifact(ops, |ops| stroke(ops, grey(0.6), 0.5, &[(m.margin_x, top - 3.0), (right, top - 3.0)], false)),
        Piece::Gap(_) => {}
        Piece::ChartRow { .. } | Piece::ChartAxis { .. } | Piece::ChartKey { .. } => {
            marker.content(ops, Slot::Text, None, |ops| chart::draw(fonts, handles, m, piece, top, ops))
        }
    }
}

/// Draws one line of text at a baseline, switching to the fallback or emoji font where needed.
pub(crate) fn draw_text(
    fonts: &FontSet,
    handles: &Handles,
    ops: &mut Vec<Op>,
    (x, baseline): (f32, f32),
    (face, size): (Face, f32),
    text: &str,
) {
    // One text section per line; the fill colour is set once per page (see `new_page`).
    ops.push(Op::StartTextSection);
    if has_right_to_left(text) {
        let drawable = |piece: &str| fonts.missing(piece).is_empty();
        for (offset, piece) in pieces(text, |piece| fonts.width(piece, face, size), drawable) {
            draw_runs(fonts, handles, ops, (x + offset, baseline), (face, size), &piece);
        }
    } else {
        draw_runs(fonts, handles, ops, (x, baseline), (face, size), text);
    }
    ops.push(Op::EndTextSection);
}

/// Text from left to right, each run in the first face that has its characters.
fn draw_runs(
    fonts: &FontSet,
    handles: &Handles,
    ops: &mut Vec<Op>,
    (mut x, baseline): (f32, f32),
    (face, size): (Face, f32),
    text: &str,
) {
    for (run_face, run) in fonts.runs(text, face) {
        ops.push(Op::SetFont { font: handles.get(run_face), size: Pt(size) });
        ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(x), Pt(baseline)) });
        ops.push(Op::ShowText { items: vec![TextItem::Text(run.to_string())] });
        x += fonts.width(run, run_face, size);
    }
}

/// A page's first operations: black text.
pub(super) fn new_page() -> Vec<Op> {
    vec![Op::SetFillColor { col: black() }]
}

/// The document's font ids, one per face. Fixed names, so laying out needs no document yet.
pub(crate) struct Handles {
    pub regular: printpdf::FontId,
    pub bold: printpdf::FontId,
    pub fallback: printpdf::FontId,
    pub emoji: printpdf::FontId,
}

impl Handles {
    pub(crate) fn fixed() -> Handles {
        let id = |name: &str| printpdf::FontId(name.to_string());
        Handles { regular: id("F1"), bold: id("F2"), fallback: id("F3"), emoji: id("F4") }
    }

    pub(crate) fn id(&self, face: Face) -> &printpdf::FontId {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
            Face::Fallback => &self.fallback,
            Face::Emoji => &self.emoji,
        }
    }

    fn get(&self, face: Face) -> PdfFontHandle {
        PdfFontHandle::External(self.id(face).clone())
    }

    fn face(&self, id: &printpdf::FontId) -> Option<Face> {
        [Face::Regular, Face::Bold, Face::Fallback, Face::Emoji].into_iter().find(|&face| self.id(face) == id)
    }
}

/// The characters drawn in each face across all pages; the faces never drawn are left out.
pub(crate) fn used_chars(handles: &Handles, pages: &[Vec<Op>]) -> BTreeMap<Face, BTreeSet<char>> {
    let mut used: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    let mut face = None;
    for op in pages.iter().flatten() {
        match op {
            Op::SetFont { font: PdfFontHandle::External(id), .. } => face = handles.face(id),
            Op::ShowText { items } => {
                let Some(face) = face else { continue };
                let chars = used.entry(face).or_default();
                for item in items {
                    if let TextItem::Text(text) = item {
                        chars.extend(text.chars());
                    }
                }
            }
            _ => {}
        }
    }
    used
}
