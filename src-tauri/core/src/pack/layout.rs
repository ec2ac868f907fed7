//! Our own page layout: printpdf places text where it is told and no more. This wraps lines by
//! glyph widths at Unicode break points, keeps blocks together, never lets a heading end a page,
//! and avoids a near-empty last page.

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{
    Color, Greyscale, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Polygon, PolygonRing, Pt, TextItem,
    TextMatrix, WindingOrder,
};
use unicode_linebreak::{linebreaks, BreakOpportunity};

use super::fonts::{Face, FontSet};
use crate::store::Bother;

/// The fixed sizes of one page and one print size, in points.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Metrics {
    pub page_width: f32,
    pub page_height: f32,
    pub margin_x: f32,
    pub margin_top: f32,
    /// Room below the body for the footer.
    pub margin_bottom: f32,
    pub body: f32,
    pub heading: f32,
    pub title: f32,
    pub small: f32,
    pub footer: f32,
    /// Line spacing as a multiple of the font size (RNIB Clear Print asks for at least 1.5).
    pub leading: f32,
}

impl Metrics {
    pub fn text_width(&self) -> f32 {
        self.page_width - 2.0 * self.margin_x
    }

    fn body_top(&self) -> f32 {
        self.page_height - self.margin_top
    }

    fn body_bottom(&self) -> f32 {
        self.margin_bottom
    }

    fn usable(&self) -> f32 {
        self.body_top() - self.body_bottom()
    }
}

/// What a placed piece belongs to, so tests can check what stayed together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Question(usize),
    /// A table row, numbered through the whole pack.
    Row(usize),
    /// A checklist step: the app's information, whose page footer names the source.
    Step(usize),
}

#[derive(Debug, Clone)]
pub(crate) enum Piece {
    /// One line of text; `label` (a question number) is drawn at the margin on the same line.
    Text {
        indent: f32,
        face: Face,
        size: f32,
        text: String,
        label: Option<String>,
    },
    /// A ruled line to write an answer on.
    Rule {
        indent: f32,
    },
    /// A tick box drawn as a square, ticked when `done`, beside one line of text.
    TickBox {
        done: bool,
        face: Face,
        size: f32,
        text: String,
    },
    /// One line of a table row: each cell's line of text at its column's offset. `tight` lines
    /// are closer together, for the summary page the team reads rather than writes on.
    Cells {
        cells: Vec<(f32, String)>,
        face: Face,
        size: f32,
        tight: bool,
    },
    /// A thin line under a table row.
    Divider,
    Gap(f32),
    /// One row of the side-effect chart: its name in the left column, and a mark for each day
    /// written down, placed along the period (0.0 is its first day, 1.0 its last).
    ChartRow {
        label: Vec<String>,
        marks: Vec<(f32, Bother)>,
        size: f32,
        label_width: f32,
    },
    /// The chart's time line: a rule, with dates at points along the period.
    ChartAxis {
        ticks: Vec<(f32, String)>,
        size: f32,
        label_width: f32,
    },
    /// What the marks mean, in words, each beside its mark; on a second line when one is too short.
    ChartKey {
        size: f32,
        two_lines: bool,
    },
}

/// Pieces that are placed together on one page when they fit.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub pieces: Vec<Piece>,
    pub tag: Option<Tag>,
    /// A heading: it must share its page with the start of the next group.
    pub keep_with_next: bool,
    /// Long notes may run over pages; questions and their lines may not.
    pub splittable: bool,
    pub bookmark: Option<String>,
    /// Starts a new page, as the summary does, so it is one page the team can read alone.
    pub new_page: bool,
}

/// Where one piece ended up. Tests and the in-app preview read these; the PDF never does.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub page: usize,
    pub top: f32,
    pub bottom: f32,
    pub tag: Option<Tag>,
    pub is_rule: bool,
    /// A text piece's left edge, words, size and weight (bold), for the preview.
    pub text: Option<(f32, String, f32, bool)>,
}

pub(crate) struct Pages {
    pub ops: Vec<Vec<Op>>,
    pub placed: Vec<Placed>,
    /// Bookmark title and the page (from 0) it points at.
    pub bookmarks: Vec<(String, usize)>,
    /// Each group's index and the page it starts on.
    group_starts: Vec<(usize, usize)>,
}

impl Piece {
    /// The words a piece draws, besides a question's number.
    pub(crate) fn words(&self) -> Vec<&str> {
        match self {
            Piece::Text { text, .. } | Piece::TickBox { text, .. } => vec![text],
            Piece::Cells { cells, .. } => cells.iter().map(|(_, text)| text.as_str()).collect(),
            Piece::ChartRow { label, .. } => label.iter().map(String::as_str).collect(),
            Piece::ChartAxis { ticks, .. } => ticks.iter().map(|(_, text)| text.as_str()).collect(),
            Piece::Rule { .. } | Piece::Divider | Piece::Gap(_) | Piece::ChartKey { .. } => Vec::new(),
        }
    }

    fn height(&self, m: &Metrics) -> f32 {
        match self {
            Piece::Cells { size, tight: true, .. } => size * TIGHT,
            Piece::Text { size, .. } | Piece::TickBox { size, .. } | Piece::Cells { size, .. } => size * m.leading,
            Piece::Rule { .. } => m.body * m.leading * 1.35,
            Piece::Divider => 6.0,
            Piece::Gap(height) => *height,
            Piece::ChartRow { label, size, .. } => size * CHART_ROW * label.len().max(1) as f32,
            Piece::ChartAxis { size, .. } => size * 2.2,
            Piece::ChartKey { size, two_lines } => size * 1.8 * if *two_lines { 2.0 } else { 1.0 },
        }
    }
}

/// Breaks `text` into lines no wider than `width`, at the places Unicode allows.
pub(crate) fn wrap(fonts: &FontSet, text: &str, face: Face, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        // The width of `line` with its trailing spaces; text has no kerning, so widths add up.
        let mut line_width = 0.0;
        let mut start = 0;
        for (end, opportunity) in linebreaks(paragraph) {
            let segment = &paragraph[start..end];
            start = end;
            let inked = segment.trim_end();
            let candidate = if inked.is_empty() {
                fonts.width(line.trim_end(), face, size)
            } else {
                line_width + fonts.width(inked, face, size)
            };
            if candidate <= width {
                line.push_str(segment);
                line_width += fonts.width(segment, face, size);
            } else {
                if !line.trim().is_empty() {
                    lines.push(line.trim_end().to_string());
                }
                line = String::new();
                line_width = 0.0;
                // A word or address longer than the line is cut where it must be.
                for c in segment.chars() {
                    let advance = fonts.width(c.encode_utf8(&mut [0; 4]), face, size);
                    if !line.is_empty() && !c.is_whitespace() && line_width + advance > width {
                        lines.push(std::mem::take(&mut line));
                        line_width = 0.0;
                    }
                    line.push(c);
                    line_width += advance;
                }
            }
            if opportunity == BreakOpportunity::Mandatory && end < paragraph.len() {
                lines.push(std::mem::take(&mut line).trim_end().to_string());
                line_width = 0.0;
            }
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Places the groups on pages and draws them. When the last page would be nearly empty, whole
/// groups move over from the page before, so the pack never ends on a page with a line or two.
pub(crate) fn paginate(fonts: &FontSet, handles: &Handles, m: &Metrics, groups: &[Group]) -> Pages {
    let mut breaks: Vec<usize> = Vec::new();
    let mut pages = place(fonts, handles, m, groups, &breaks);
    for _ in 0..6 {
        let Some(last) = pages.ops.len().checked_sub(1).filter(|&n| n > 0) else { break };
        let fill = |page: usize| -> f32 {
            pages.placed.iter().filter(|p| p.page == page).map(|p| p.top - p.bottom).sum::<f32>() / m.usable()
        };
        if fill(last) >= 0.2 || fill(last - 1) < 0.5 {
            break;
        }
        // The last group that starts on the page before moves to the last page.
        let Some(&(mut group, _)) = pages.group_starts.iter().rev().find(|&&(_, page)| page == last - 1) else {
            break;
        };
        // A heading goes with what follows it.
        while group > 0 && groups[group - 1].keep_with_next {
            group -= 1;
        }
        if group == 0 || breaks.contains(&group) {
            break;
        }
        breaks.push(group);
        pages = place(fonts, handles, m, groups, &breaks);
    }
    pages
}

fn place(fonts: &FontSet, handles: &Handles, m: &Metrics, groups: &[Group], breaks: &[usize]) -> Pages {
    let mut pages =
        Pages { ops: vec![Vec::new()], placed: Vec::new(), bookmarks: Vec::new(), group_starts: Vec::new() };
    let mut y = m.body_top();

    for (index, group) in groups.iter().enumerate() {
        let own: f32 = group.pieces.iter().map(|p| p.height(m)).sum();
        let needed = if group.keep_with_next {
            // A chain of headings (a part, then a table's header row) stays with what follows.
            let chain: f32 = groups[index + 1..]
                .iter()
                .take_while(|g| g.keep_with_next)
                .map(|g| g.pieces.iter().map(|p| p.height(m)).sum::<f32>())
                .sum();
            let after = groups[index + 1..].iter().find(|g| !g.keep_with_next);
            own + chain + after.map_or(0.0, |next| lead_height(next, m))
        } else if group.splittable {
            lead_height(group, m)
        } else {
            own
        };
        let at_top = (y - m.body_top()).abs() < f32::EPSILON;
        let no_room = y - needed < m.body_bottom() && needed <= m.usable();
        if !at_top && (no_room || group.new_page || breaks.contains(&index)) {
            pages.ops.push(new_page());
            y = m.body_top();
        }
        pages.group_starts.push((index, pages.ops.len() - 1));
        if let Some(title) = &group.bookmark {
            pages.bookmarks.push((title.clone(), pages.ops.len() - 1));
        }
        for piece in &group.pieces {
            let height = piece.height(m);
            if y - height < m.body_bottom() {
                pages.ops.push(new_page());
                y = m.body_top();
            }
            // A gap at the top of a page only wastes room.
            if matches!(piece, Piece::Gap(_)) && (y - m.body_top()).abs() < f32::EPSILON {
                continue;
            }
            let page = pages.ops.len() - 1;
            draw(fonts, handles, m, piece, y, &mut pages.ops[page]);
            pages.placed.push(Placed {
                page,
                top: y,
                bottom: y - height,
                tag: group.tag,
                is_rule: matches!(piece, Piece::Rule { .. }),
                text: preview_text(m, piece),
            });
            y -= height;
        }
    }
    pages
}

/// The height a group needs at the foot of a page before it may start there: all of it, or
/// for a long note its first two lines, so no line is left alone.
fn lead_height(group: &Group, m: &Metrics) -> f32 {
    let take = if group.splittable { 2 } else { group.pieces.len() };
    group.pieces.iter().take(take).map(|p| p.height(m)).sum()
}

fn black() -> Color {
    Color::Greyscale(Greyscale { percent: 0.0, icc_profile: None })
}

fn grey(percent: f32) -> Color {
    Color::Greyscale(Greyscale { percent, icc_profile: None })
}

fn stroke(ops: &mut Vec<Op>, colour: Color, thickness: f32, points: &[(f32, f32)], closed: bool) {
    ops.push(Op::SetOutlineColor { col: colour });
    ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
    let points = points.iter().map(|&(x, y)| LinePoint { p: Point { x: Pt(x), y: Pt(y) }, bezier: false }).collect();
    ops.push(Op::DrawLine { line: Line { points, is_closed: closed } });
}

fn draw(fonts: &FontSet, handles: &Handles, m: &Metrics, piece: &Piece, top: f32, ops: &mut Vec<Op>) {
    let baseline = |size: f32| top - size * (m.leading - 1.0) / 2.0 - size * 0.85;
    let right = m.page_width - m.margin_x;
    match piece {
        Piece::Text { indent, face, size, text, label } => {
            if let Some(label) = label {
                draw_text(fonts, handles, ops, (m.margin_x, baseline(*size)), (*face, *size), label);
            }
            draw_text(fonts, handles, ops, (m.margin_x + indent, baseline(*size)), (*face, *size), text);
        }
        Piece::Rule { indent } => {
            let y = top - piece.height(m) + 4.0;
            stroke(ops, grey(0.45), 0.7, &[(m.margin_x + indent, y), (right, y)], false);
        }
        Piece::TickBox { done, face, size, text } => {
            let side = size * 0.8;
            let (x, y) = (m.margin_x, baseline(*size) - size * 0.08);
            let box_points = [(x, y), (x + side, y), (x + side, y + side), (x, y + side)];
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
            draw_text(fonts, handles, ops, (m.margin_x + size * 1.4, baseline(*size)), (*face, *size), text);
        }
        Piece::Cells { cells, face, size, tight } => {
            let baseline = if *tight { top - size * (TIGHT - 1.0) / 2.0 - size * 0.85 } else { baseline(*size) };
            for (x, text) in cells {
                draw_text(fonts, handles, ops, (m.margin_x + x, baseline), (*face, *size), text);
            }
        }
        Piece::Divider => stroke(ops, grey(0.6), 0.5, &[(m.margin_x, top - 3.0), (right, top - 3.0)], false),
        Piece::Gap(_) => {}
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
                draw_text(fonts, handles, ops, (x, y), (Face::Regular, *size), bother.words());
                x += fonts.width(bother.words(), Face::Regular, *size) + size * 1.5;
            }
        }
    }
}

/// Line spacing of tight lines, as a multiple of the font size.
const TIGHT: f32 = 1.25;

/// A chart row's height, as a multiple of the font size: room for the biggest mark and no more.
const CHART_ROW: f32 = 1.12;

/// The width of the chart's key on one line.
pub(crate) fn key_width(fonts: &FontSet, size: f32) -> f32 {
    let words: f32 = [Bother::ALittle, Bother::QuiteABit, Bother::ALot]
        .iter()
        .map(|b| fonts.width(b.words(), Face::Regular, size) + size * 2.7)
        .sum();
    fonts.width(KEY_TITLE, Face::Regular, size) + size + words
}

const KEY_TITLE: &str = "One mark for each day written down. How much it bothered me:";

/// Where the chart's time line starts and ends on the page: right of the names, with room for
/// the biggest mark at both ends.
fn plot_span(m: &Metrics, label_width: f32, size: f32) -> (f32, f32) {
    (m.margin_x + label_width + size * 0.6, m.page_width - m.margin_x - size * 0.6)
}

/// A square mark: bigger and darker the more it bothered, outlined so the lightest still prints.
fn draw_mark(ops: &mut Vec<Op>, (x, y): (f32, f32), bother: Bother, size: f32) {
    let (side, shade) = match bother {
        Bother::ALittle => (size * 0.4, 0.85),
        Bother::QuiteABit => (size * 0.65, 0.5),
        Bother::ALot => (size * 0.9, 0.0),
    };
    let half = side / 2.0;
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

/// What the in-app preview shows of a piece: its left edge, words, size and weight.
fn preview_text(m: &Metrics, piece: &Piece) -> Option<(f32, String, f32, bool)> {
    match piece {
        Piece::Text { indent, face, size, text, label } => Some(match label {
            Some(label) => (m.margin_x, format!("{label} {text}"), *size, *face == Face::Bold),
            None => (m.margin_x + indent, text.clone(), *size, *face == Face::Bold),
        }),
        Piece::TickBox { done, face, size, text } => {
            Some((m.margin_x, format!("{} {text}", if *done { "☑" } else { "☐" }), *size, *face == Face::Bold))
        }
        Piece::Cells { cells, face, size, .. } => {
            let joined: Vec<&str> = cells.iter().map(|(_, t)| t.as_str()).collect();
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

/// Draws one line of text at a baseline, switching to the fallback or emoji font where needed.
pub(crate) fn draw_text(
    fonts: &FontSet,
    handles: &Handles,
    ops: &mut Vec<Op>,
    (mut x, baseline): (f32, f32),
    (face, size): (Face, f32),
    text: &str,
) {
    // One text section per line; the fill colour is set once per page (see `new_page`).
    ops.push(Op::StartTextSection);
    for (run_face, run) in fonts.runs(text, face) {
        ops.push(Op::SetFont { font: handles.get(run_face), size: Pt(size) });
        ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(x), Pt(baseline)) });
        ops.push(Op::ShowText { items: vec![TextItem::Text(run.to_string())] });
        x += fonts.width(run, run_face, size);
    }
    ops.push(Op::EndTextSection);
}

/// A page's first operations: black text.
fn new_page() -> Vec<Op> {
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};

    use super::*;
    use crate::pack::fonts::tests::real_fonts;

    /// The first wrap, which measured each candidate line again from its start: slow, and the model.
    fn wrap_by_measuring_again(fonts: &FontSet, text: &str, face: Face, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            let mut start = 0;
            for (end, opportunity) in linebreaks(paragraph) {
                let segment = &paragraph[start..end];
                start = end;
                let candidate = format!("{line}{segment}");
                if fonts.width(candidate.trim_end(), face, size) <= width {
                    line = candidate;
                } else {
                    if !line.trim().is_empty() {
                        lines.push(line.trim_end().to_string());
                    }
                    line = String::new();
                    for c in segment.chars() {
                        let next = format!("{line}{c}");
                        if !line.is_empty() && fonts.width(next.trim_end(), face, size) > width {
                            lines.push(std::mem::take(&mut line));
                        }
                        line.push(c);
                    }
                }
                if opportunity == BreakOpportunity::Mandatory && end < paragraph.len() {
                    lines.push(std::mem::take(&mut line).trim_end().to_string());
                }
            }
            lines.push(line.trim_end().to_string());
        }
        lines
    }

    #[test]
    fn wrap_breaks_where_measuring_each_line_again_would() {
        let fonts = real_fonts();
        let word = prop::sample::select(vec![
            "a",
            "scan",
            "Zoë’s",
            "łódź",
            "≥",
            "✓",
            "—",
            "https://example.org/a/very/long/address/without/spaces",
            " ",
            "  ",
            "\n",
            "-",
            "mid-word",
            "1,000",
            "(ALK+)",
            "\u{00A0}",
            "\t",
        ]);
        let text = proptest::collection::vec(word, 0..60).prop_map(|words| words.join(""));
        let width = 40.0f32..400.0;
        let face = prop::sample::select(vec![Face::Regular, Face::Bold]);
        let mut runner = TestRunner::new(Config { cases: 400, failure_persistence: None, ..Config::default() });
        let result = runner.run(&(text, width, face), |(text, width, face)| {
            let quick = wrap(&fonts, &text, face, 12.0, width);
            let model = wrap_by_measuring_again(&fonts, &text, face, 12.0, width);
            prop_assert_eq!(quick, model);
            Ok(())
        });
        if let Err(failure) = result {
            panic!("{failure}");
        }
    }
}
