//! The summary's chart of the diary: a row per kind with a mark per day, a time line with dates,
//! and a key in words; composed into pieces and drawn as vector strokes, never as an image.

use printpdf::{LinePoint, Op, PaintMode, Point, Polygon, PolygonRing, Pt, WindingOrder};

use super::composition::Builder;
use super::drawing::{black, draw_text, grey, stroke, Handles};
use super::fonts::{Face, FontSet};
use super::layout::{Group, Piece};
use super::lines::wrap;
use super::metrics::Metrics;
use super::summary::Chart;
use super::tags::Structure;
use crate::model::Bother;

impl Builder<'_> {
    /// The diary over the period: a row per kind, a mark per day, and a key in words.
    pub(super) fn chart(&self, groups: &mut Vec<Group>, chart: &Chart, size: f32) {
        let label_width = self.m.text_width() * 0.3;
        let mut pieces = vec![Piece::Gap(size * 0.6)];
        for row in &chart.rows {
            pieces.push(Piece::ChartRow {
                label: wrap(self.fonts, &row.what, Face::Regular, size, label_width - size),
                marks: row.marks.iter().map(|&(day, bother)| (chart.at(day), bother)).collect(),
                size,
                label_width,
            });
        }
        let room = self.m.text_width() - label_width;
        let fit = (room / self.fonts.width("30 Sep   ", Face::Regular, size)) as i64;
        let ticks = chart.ticks(fit);
        pieces.push(Piece::ChartAxis { ticks, size, label_width });
        pieces.push(Piece::ChartKey { size, two_lines: key_width(self.fonts, size) > self.m.text_width() });
        groups.push(Group { structure: Structure::Figure(chart.summary.clone()), ..Self::block(pieces) });
    }
}

/// Draws a chart piece; the other pieces are drawn in `drawing`.
pub(super) fn draw(fonts: &FontSet, handles: &Handles, m: &Metrics, piece: &Piece, top: f32, ops: &mut Vec<Op>) {
    let right = m.page_width - m.margin_x;
    match piece {
        Piece::ChartRow { label, marks, size, label_width } => {
            let line = size * CHART_ROW;
            for (index, text) in label.iter().enumerate() {
                let y = top - line * index as f32 - size;
                draw_text(fonts, handles, ops, (m.margin_x, y), (Face::Regular, *size), text);
            }
            let (start, end) = plot_span(m, *label_width, *size);
            let middle = top - line / 2.0;
            stroke(ops, grey(0.8), 0.4, &[(start, middle), (end, middle)], false);
            for &(at, bother) in marks {
                draw_mark(ops, (start + at * (end - start), middle), bother, *size);
            }
        }
        Piece::ChartAxis { ticks, size, label_width } => {
            let (start, end) = plot_span(m, *label_width, *size);
            let y = top - 2.0;
            stroke(ops, black(), 0.6, &[(start, y), (end, y)], false);
            for (at, text) in ticks {
                let x = start + at * (end - start);
                stroke(ops, black(), 0.6, &[(x, y), (x, y - 4.0)], false);
                // Centred under its tick, but never past either end of the time line.
                let width = fonts.width(text, Face::Regular, *size);
                let left = (x - width / 2.0).clamp(start - size, right - width);
                draw_text(fonts, handles, ops, (left, y - 4.0 - size * 1.1), (Face::Regular, *size), text);
            }
        }
        Piece::ChartKey { size, two_lines } => {
            let mut x = m.margin_x;
            let mut y = top - size;
            draw_text(fonts, handles, ops, (x, y), (Face::Regular, *size), KEY_TITLE);
            if *two_lines {
                y -= size * 1.8;
            } else {
                x += fonts.width(KEY_TITLE, Face::Regular, *size) + size;
            }
            for bother in [Bother::ALittle, Bother::QuiteABit, Bother::ALot] {
                draw_mark(ops, (x + size * 0.4, y + size * 0.3), bother, *size);
                x += size * 1.2;
                draw_text(fonts, handles, ops, (x, y), (Face::Regular, *size), bother.label());
                x += fonts.width(bother.label(), Face::Regular, *size) + size * 1.5;
            }
        }
        _ => {}
    }
}

/// A chart row's height, as a multiple of the font size: room for the biggest mark and no more.
pub(super) const CHART_ROW: f32 = 1.12;

/// The width of the chart's key on one line.
fn key_width(fonts: &FontSet, size: f32) -> f32 {
    let words: f32 = [Bother::ALittle, Bother::QuiteABit, Bother::ALot]
        .iter()
        .map(|b| fonts.width(b.label(), Face::Regular, size) + size * 2.7)
        .sum();
    fonts.width(KEY_TITLE, Face::Regular, size) + size + words
}

pub(super) const KEY_TITLE: &str = "One mark for each day written down. How much it bothered me:";

/// Where the chart's time line starts and ends on the page: right of the names, with room for
/// the biggest mark at both ends.
fn plot_span(m: &Metrics, label_width: f32, size: f32) -> (f32, f32) {
    (m.margin_x + label_width + size * 0.6, m.page_width - m.margin_x - size * 0.6)
}

/// A mark's side, as a multiple of the font size, and its grey (0 is black): bigger and darker
/// the more it bothered. The web page's chart draws the same.
pub(super) fn mark_look(bother: Bother) -> (f32, f32) {
    match bother {
        Bother::ALittle => (0.4, 0.85),
        Bother::QuiteABit => (0.65, 0.5),
        Bother::ALot => (0.9, 0.0),
    }
}

/// A square mark: bigger and darker the more it bothered, outlined so the lightest still prints.
fn draw_mark(ops: &mut Vec<Op>, (x, y): (f32, f32), bother: Bother, size: f32) {
    let (side, shade) = mark_look(bother);
    let half = side * size / 2.0;
    let corners = [(x - half, y - half), (x + half, y - half), (x + half, y + half), (x - half, y + half)];
    let points = corners.iter().map(|&(x, y)| LinePoint { p: Point { x: Pt(x), y: Pt(y) }, bezier: false }).collect();
    ops.push(Op::SetFillColor { col: grey(shade) });
    ops.push(Op::SetOutlineColor { col: black() });
    ops.push(Op::SetOutlineThickness { pt: Pt(0.6) });
    ops.push(Op::DrawPolygon {
        polygon: Polygon {
            rings: vec![PolygonRing { points }],
            mode: PaintMode::FillStroke,
            winding_order: WindingOrder::NonZero,
        },
    });
    // Text after this is black again.
    ops.push(Op::SetFillColor { col: black() });
}
