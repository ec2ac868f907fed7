//! Print metrics: the page sizes, margins, type sizes and line spacing of each paper and print size.

use super::{Paper, PrintSize};

/// The fixed sizes of one page and one print size, in points.
#[derive(Debug, Clone, Copy)]
pub(super) struct Metrics {
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
    pub(super) fn text_width(&self) -> f32 {
        self.page_width - 2.0 * self.margin_x
    }

    pub(super) fn body_top(&self) -> f32 {
        self.page_height - self.margin_top
    }

    pub(super) fn body_bottom(&self) -> f32 {
        self.margin_bottom
    }

    pub(super) fn usable(&self) -> f32 {
        self.body_top() - self.body_bottom()
    }

    pub(super) fn subheading(&self) -> f32 {
        (self.body + self.heading) / 2.0
    }
}

impl PrintSize {
    pub(super) fn metrics(self, paper: Paper) -> Metrics {
        let (page_width, page_height) = match paper {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        };
        // Normal: body 13 pt; large print: 17 pt with larger headings (RNIB Clear Print).
        let (body, heading, title, small, footer) = match self {
            PrintSize::Normal => (13.0, 18.0, 24.0, 12.0, 10.0),
            PrintSize::Large => (17.0, 22.0, 28.0, 16.0, 12.0),
        };
        Metrics {
            page_width,
            page_height,
            margin_x: 70.0,
            margin_top: 60.0,
            margin_bottom: 80.0,
            body,
            heading,
            title,
            small,
            footer,
            leading: 1.5,
        }
    }

    pub(super) fn answer_lines(self) -> usize {
        match self {
            PrintSize::Normal => 4,
            PrintSize::Large => 3,
        }
    }
}
