//! Our own page layout: printpdf places text where it is told and no more. This wraps lines by
//! glyph widths at Unicode break points, keeps blocks together, and never lets a heading end a page.

use printpdf::{
    Color, Greyscale, Line, LinePoint, Op, PdfFontHandle, Point, Pt, TextItem, TextMatrix,
};
use unicode_linebreak::{linebreaks, BreakOpportunity};

use super::fonts::{Face, FontSet};

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
}

/// What a placed piece belongs to, so tests can check what stayed together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Question(usize),
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
    Gap(f32),
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
}

/// Where one piece ended up. Tests read these; the PDF never does.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub page: usize,
    pub top: f32,
    pub bottom: f32,
    pub tag: Option<Tag>,
    pub is_rule: bool,
}

pub(crate) struct Pages {
    pub ops: Vec<Vec<Op>>,
    pub placed: Vec<Placed>,
    /// Bookmark title and the page (from 0) it points at.
    pub bookmarks: Vec<(String, usize)>,
}

impl Piece {
    fn height(&self, m: &Metrics) -> f32 {
        match self {
            Piece::Text { size, .. } => size * m.leading,
            Piece::Rule { .. } => m.body * m.leading * 1.35,
            Piece::Gap(height) => *height,
        }
    }
}

/// Breaks `text` into lines no wider than `width`, at the places Unicode allows.
pub(crate) fn wrap(fonts: &FontSet, text: &str, face: Face, size: f32, width: f32) -> Vec<String> {
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
                // A word or address longer than the line is cut where it must be.
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

/// Places the groups on pages, then draws them.
pub(crate) fn paginate(fonts: &FontSet, handles: &Handles, m: &Metrics, groups: &[Group]) -> Pages {
    let mut pages = Pages {
        ops: vec![Vec::new()],
        placed: Vec::new(),
        bookmarks: Vec::new(),
    };
    let mut y = m.body_top();
    let usable = m.body_top() - m.body_bottom();

    for (index, group) in groups.iter().enumerate() {
        let own: f32 = group.pieces.iter().map(|p| p.height(m)).sum();
        let needed = if group.keep_with_next {
            own + groups
                .get(index + 1)
                .map_or(0.0, |next| lead_height(next, m))
        } else if group.splittable {
            lead_height(group, m)
        } else {
            own
        };
        let at_top = (y - m.body_top()).abs() < f32::EPSILON;
        if y - needed < m.body_bottom() && !at_top && needed <= usable {
            pages.ops.push(Vec::new());
            y = m.body_top();
        }
        if let Some(title) = &group.bookmark {
            pages.bookmarks.push((title.clone(), pages.ops.len() - 1));
        }
        for piece in &group.pieces {
            let height = piece.height(m);
            if y - height < m.body_bottom() {
                pages.ops.push(Vec::new());
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
            });
            y -= height;
        }
    }
    pages
}

/// The height a group needs at the foot of a page before it may start there.
fn lead_height(group: &Group, m: &Metrics) -> f32 {
    if group.splittable {
        group.pieces.iter().take(2).map(|p| p.height(m)).sum()
    } else {
        group.pieces.iter().map(|p| p.height(m)).sum()
    }
}

fn black() -> Color {
    Color::Greyscale(Greyscale {
        percent: 0.0,
        icc_profile: None,
    })
}

fn draw(
    fonts: &FontSet,
    handles: &Handles,
    m: &Metrics,
    piece: &Piece,
    top: f32,
    ops: &mut Vec<Op>,
) {
    match piece {
        Piece::Text {
            indent,
            face,
            size,
            text,
            label,
        } => {
            // Centre the glyphs in the line box: the baseline sits a little below the middle.
            let baseline = top - size * (m.leading - 1.0) / 2.0 - size * 0.85;
            if let Some(label) = label {
                draw_text(
                    fonts,
                    handles,
                    ops,
                    (m.margin_x, baseline),
                    (*face, *size),
                    label,
                );
            }
            draw_text(
                fonts,
                handles,
                ops,
                (m.margin_x + indent, baseline),
                (*face, *size),
                text,
            );
        }
        Piece::Rule { indent } => {
            let y = top - piece.height(m) + 4.0;
            ops.push(Op::SetOutlineColor {
                col: Color::Greyscale(Greyscale {
                    percent: 0.45,
                    icc_profile: None,
                }),
            });
            ops.push(Op::SetOutlineThickness { pt: Pt(0.7) });
            ops.push(Op::DrawLine {
                line: Line {
                    points: vec![
                        LinePoint {
                            p: Point {
                                x: Pt(m.margin_x + indent),
                                y: Pt(y),
                            },
                            bezier: false,
                        },
                        LinePoint {
                            p: Point {
                                x: Pt(m.page_width - m.margin_x),
                                y: Pt(y),
                            },
                            bezier: false,
                        },
                    ],
                    is_closed: false,
                },
            });
        }
        Piece::Gap(_) => {}
    }
}

/// Draws one line of text at a baseline, switching to the fallback font where needed.
pub(crate) fn draw_text(
    fonts: &FontSet,
    handles: &Handles,
    ops: &mut Vec<Op>,
    (mut x, baseline): (f32, f32),
    (face, size): (Face, f32),
    text: &str,
) {
    ops.push(Op::SetFillColor { col: black() });
    for (run_face, run) in fonts.runs(text, face) {
        ops.push(Op::StartTextSection);
        ops.push(Op::SetFont {
            font: handles.get(run_face),
            size: Pt(size),
        });
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(x), Pt(baseline)),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(run.to_string())],
        });
        ops.push(Op::EndTextSection);
        x += fonts.width(run, run_face, size);
    }
}

/// The document's font ids, one per face.
pub(crate) struct Handles {
    pub regular: printpdf::FontId,
    pub bold: printpdf::FontId,
    pub fallback: printpdf::FontId,
}

impl Handles {
    fn get(&self, face: Face) -> PdfFontHandle {
        let id = match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
            Face::Fallback => &self.fallback,
        };
        PdfFontHandle::External(id.clone())
    }
}
