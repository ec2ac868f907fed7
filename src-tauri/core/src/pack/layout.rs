//! Our own page layout: printpdf places text where it is told and no more. This wraps lines by
//! glyph widths at Unicode break points, keeps blocks together, never lets a heading end a page,
//! and avoids a near-empty last page.

use printpdf::Op;

use super::chart::CHART_ROW;
use super::drawing::{draw, new_page, Handles};
use super::fonts::{Face, FontSet};
use super::metrics::Metrics;
use super::preview::preview_text;
use super::tags::{Marker, Structure};
use crate::model::Bother;

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
    /// One line of a table row: each column's line of text at its offset, empty where that
    /// column's text has ended. `tight` lines are closer together, for the summary page the team
    /// reads rather than writes on.
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
    /// What the group is to a reader who cannot see the page, for the tagged PDF.
    pub structure: Structure,
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
    /// What each piece of content drawn is, for the structure tree; the groups' structures in order.
    pub marker: Marker,
    pub structures: Vec<Structure>,
}

impl Piece {
    /// The words a piece draws, besides a question's number.
    pub(crate) fn words(&self) -> Vec<&str> {
        match self {
            Piece::Text { text, .. } | Piece::TickBox { text, .. } => vec![text],
            Piece::Cells { cells, .. } => {
                cells.iter().map(|(_, text)| text.as_str()).filter(|text| !text.is_empty()).collect()
            }
            Piece::ChartRow { label, .. } => label.iter().map(String::as_str).collect(),
            Piece::ChartAxis { ticks, .. } => ticks.iter().map(|(_, text)| text.as_str()).collect(),
            Piece::Rule { .. } | Piece::Divider | Piece::Gap(_) | Piece::ChartKey { .. } => Vec::new(),
        }
    }

    pub(super) fn height(&self, m: &Metrics) -> f32 {
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

/// Line spacing of tight lines, as a multiple of the font size.
pub(super) const TIGHT: f32 = 1.25;

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
    pages.structures = groups.iter().map(|g| g.structure.clone()).collect();
    pages
}

fn place(fonts: &FontSet, handles: &Handles, m: &Metrics, groups: &[Group], breaks: &[usize]) -> Pages {
    let mut pages = Pages {
        ops: vec![Vec::new()],
        placed: Vec::new(),
        bookmarks: Vec::new(),
        group_starts: Vec::new(),
        marker: Marker::default(),
        structures: Vec::new(),
    };
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
        for (number, piece) in group.pieces.iter().enumerate() {
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
            pages.marker.at(index, number, page, group.structure.is_body(number));
            draw(fonts, handles, m, piece, y, &mut pages.ops[page], &mut pages.marker);
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
