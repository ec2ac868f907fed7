//! The appointment pack: a PDF the patient hands to their oncologist.

mod fonts;
mod layout;

use printpdf::{Mm, OffsetDateTime, PdfDocument, PdfPage, PdfSaveOptions};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use fonts::{Face, FontSet};
pub use layout::{Placed, Tag};

use crate::{Error, Result};
use layout::{Group, Handles, Metrics, Piece};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PrintSize {
    #[default]
    Normal,
    Large,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PackOptions {
    pub paper: Paper,
    pub print_size: PrintSize,
}

#[derive(Debug, Clone)]
pub struct PackQuestion {
    pub topic: String,
    pub text: String,
}

/// Everything that goes into one pack. The app gathers it; the core lays it out.
#[derive(Debug, Clone)]
pub struct PackRequest {
    pub questions: Vec<PackQuestion>,
    pub note: String,
    pub options: PackOptions,
    /// When the pack is made, in seconds since 1970 (UTC).
    pub created_unix: i64,
    pub content_version: String,
    pub source_date_label: String,
}

pub struct Pack {
    pub bytes: Vec<u8>,
    pub pages: usize,
    pub placed: Vec<Placed>,
}

impl PrintSize {
    fn metrics(self, paper: Paper) -> Metrics {
        let (page_width, page_height) = match paper {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        };
        let (body, heading, title) = match self {
            PrintSize::Normal => (13.0, 18.0, 24.0),
            PrintSize::Large => (17.0, 22.0, 28.0),
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
            footer: 10.0,
            leading: 1.5,
        }
    }

    fn answer_lines(self) -> usize {
        match self {
            PrintSize::Normal => 4,
            PrintSize::Large => 3,
        }
    }
}

/// Lays out and writes the pack. Pure and quick: the app runs it off the UI thread.
pub fn make_pack(fonts: &FontSet, request: &PackRequest) -> Result<Pack> {
    let missing = fonts.missing(&all_text(request));
    if !missing.is_empty() {
        let shown: String = missing.iter().take(10).map(|c| format!("{c} ")).collect();
        return Err(Error::Pack(format!(
            "Some characters cannot be printed, because no font in the app has them: {}. \
             Please change them in your questions or notes, then try again.",
            shown.trim_end()
        )));
    }
    let m = request.options.print_size.metrics(request.options.paper);
    let groups = groups(fonts, &m, request);

    let mut doc = PdfDocument::new("My appointment pack");
    let handles = Handles {
        regular: doc.add_font(fonts.font(Face::Regular)),
        bold: doc.add_font(fonts.font(Face::Bold)),
        fallback: doc.add_font(fonts.font(Face::Fallback)),
    };
    let mut pages = layout::paginate(fonts, &handles, &m, &groups);
    let total = pages.ops.len();
    let printed = date_label(request.created_unix);
    for (index, ops) in pages.ops.iter_mut().enumerate() {
        let left = format!(
            "Information, not medical advice. Content {}, source dated {}.",
            request.content_version, request.source_date_label
        );
        let right = format!("Printed {printed}. Page {} of {total}", index + 1);
        let y = m.margin_bottom - 30.0;
        layout::draw_text(
            fonts,
            &handles,
            ops,
            (m.margin_x, y),
            (Face::Regular, m.footer),
            &left,
        );
        layout::draw_text(
            fonts,
            &handles,
            ops,
            (m.margin_x, y - m.footer * 1.5),
            (Face::Regular, m.footer),
            &right,
        );
    }

    let info = &mut doc.metadata.info;
    let created = OffsetDateTime::from_unix_timestamp(request.created_unix).map_err(|_| {
        Error::Pack("The computer's clock gave a date that cannot be printed.".into())
    })?;
    info.creation_date = created;
    info.modification_date = created;
    info.metadata_date = created;
    info.author = "ALK Companion".into();
    info.creator = "ALK Companion".into();
    info.producer = "ALK Companion".into();
    info.subject = "Questions for my appointment".into();

    let (width, height) = (
        Mm::from(printpdf::Pt(m.page_width)),
        Mm::from(printpdf::Pt(m.page_height)),
    );
    let pdf_pages = pages
        .ops
        .drain(..)
        .map(|ops| PdfPage::new(width, height, ops))
        .collect();
    doc.with_pages(pdf_pages);
    for (title, page) in &pages.bookmarks {
        doc.add_bookmark(title, page + 1);
    }
    let bytes = doc.save(
        &PdfSaveOptions {
            subset_fonts: true,
            ..Default::default()
        },
        &mut Vec::new(),
    );
    Ok(Pack {
        bytes,
        pages: total,
        placed: pages.placed,
    })
}

fn all_text(request: &PackRequest) -> String {
    let mut text = request.note.clone();
    for q in &request.questions {
        text.push_str(&q.text);
        text.push_str(&q.topic);
    }
    text
}

fn groups(fonts: &FontSet, m: &Metrics, request: &PackRequest) -> Vec<Group> {
    let width = m.text_width();
    let lines = |text: &str, face: Face, size: f32, indent: f32| -> Vec<Piece> {
        layout::wrap(fonts, text, face, size, width - indent)
            .into_iter()
            .map(|text| Piece::Text {
                indent,
                face,
                size,
                text,
                label: None,
            })
            .collect()
    };
    let group = |pieces: Vec<Piece>| Group {
        pieces,
        tag: None,
        keep_with_next: false,
        splittable: true,
        bookmark: None,
    };
    let heading = |text: &str, bookmark: bool| Group {
        pieces: [
            vec![Piece::Gap(m.body)],
            lines(text, Face::Bold, m.heading, 0.0),
        ]
        .concat(),
        tag: None,
        keep_with_next: true,
        splittable: false,
        bookmark: bookmark.then(|| text.to_string()),
    };

    let mut groups = vec![
        Group {
            bookmark: Some("About this pack".into()),
            ..group(lines("My appointment pack", Face::Bold, m.title, 0.0))
        },
        group(lines(
            "For my oncology team: these are the questions I would like to cover today.",
            Face::Regular,
            m.body,
            0.0,
        )),
    ];

    groups.push(heading("My questions", true));
    if request.questions.is_empty() {
        groups.push(group(lines(
            "I have not chosen any questions yet.",
            Face::Regular,
            m.body,
            0.0,
        )));
    }
    let number_width = fonts.width("00. ", Face::Bold, m.body);
    for (index, question) in request.questions.iter().enumerate() {
        let mut pieces = lines(&question.text, Face::Bold, m.body, number_width);
        // The number sits in the margin of the question's first line.
        if let Some(Piece::Text { label, .. }) = pieces.first_mut() {
            *label = Some(format!("{}.", index + 1));
        }
        pieces.extend(
            (0..request.options.print_size.answer_lines()).map(|_| Piece::Rule {
                indent: number_width,
            }),
        );
        pieces.push(Piece::Gap(m.body * 0.75));
        groups.push(Group {
            pieces,
            tag: Some(Tag::Question(index)),
            keep_with_next: false,
            splittable: false,
            bookmark: None,
        });
    }

    if !request.note.trim().is_empty() {
        groups.push(heading("My notes", true));
        for paragraph in request.note.split('\n') {
            groups.push(group(lines(paragraph, Face::Regular, m.body, 0.0)));
        }
    }
    groups
}

/// "27 November 2026" from seconds since 1970, in UTC.
pub fn date_label(unix: i64) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    // Howard Hinnant's days-to-civil algorithm.
    let days = unix.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{day} {} {year}", MONTHS[(month - 1) as usize])
}

#[cfg(test)]
mod tests;
