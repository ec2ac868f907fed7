//! The appointment pack: a PDF the patient hands to their oncologist.

mod fonts;
mod gather;
mod layout;
mod summary;

use flate2::Compression;
use printpdf::{Mm, OffsetDateTime, PdfDocument, PdfPage, PdfSaveOptions};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use fonts::{Face, FontSet, PLACEHOLDER};
pub use gather::{gather, PackParts, PackSettings};
pub use layout::{Placed, Tag};
pub use summary::{summarise, Chart, ChartRow, PackSummary};

use crate::content::Safety;
use crate::dates::{short_date_of_day, unix_date_in_words};
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

#[derive(Debug, Clone, Default)]
pub struct PackQuestion {
    pub topic: String,
    pub text: String,
    pub top3: bool,
    /// An answer already typed is printed in place of the ruled lines.
    pub answer: String,
}

#[derive(Debug, Clone, Default)]
pub struct PackAppointment {
    /// In words: "Thursday 3 December 2026 at 2:30 pm".
    pub when: String,
    pub with_whom: String,
    pub place: String,
    pub purpose: String,
}

#[derive(Debug, Clone, Default)]
pub struct PackStep {
    pub text: String,
    pub why: String,
    pub done: bool,
    pub note: String,
}

/// Everything that goes into one pack, already in words. `gather` builds it from the store.
#[derive(Debug, Clone, Default)]
pub struct PackRequest {
    pub parts: PackParts,
    pub patient_name: String,
    pub appointment: Option<PackAppointment>,
    pub questions: Vec<PackQuestion>,
    pub checklist: Vec<PackStep>,
    pub notes: Vec<String>,
    /// Rows of date, what, how much it bothers, note.
    pub diary: Vec<[String; 4]>,
    /// Rows of treatment, started, stopped, why it stopped.
    pub treatments: Vec<[String; 4]>,
    pub options: PackOptions,
    /// When the pack is made, in seconds since 1970 (UTC).
    pub created_unix: i64,
    pub content_version: String,
    /// The page the content comes from, as printed: "ALK Treatment, ALK Positive UK".
    pub source_label: String,
    /// Which pages of the app's information a clinician has checked, in words, for the cover.
    pub review_line: String,
    /// The patient's 24-hour or acute oncology line, as they typed it, for the cover.
    pub round_the_clock: Option<String>,
    /// What to do when very unwell, for the cover: general NHS practice, not from the source.
    pub safety: Option<Safety>,
    /// The web pages the content names, as label and address, printed on the cover.
    pub links: Vec<(String, String)>,
    /// "Since my last appointment", when that part is chosen.
    pub summary: Option<PackSummary>,
}

pub struct Pack {
    pub bytes: Vec<u8>,
    pub pages: usize,
    pub placed: Vec<Placed>,
    /// The page size in points, for the preview.
    pub page_size: (f32, f32),
    /// The parts, as bookmarked, each with the page (from 1) it starts on.
    pub parts: Vec<(String, usize)>,
}

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

fn preview_of(placed: &[Placed], pages: usize, (width, height): (f32, f32), parts: &[(String, usize)]) -> PackPreview {
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

impl Metrics {
    fn subheading(&self) -> f32 {
        (self.body + self.heading) / 2.0
    }
}

impl PrintSize {
    fn metrics(self, paper: Paper) -> Metrics {
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

    fn answer_lines(self) -> usize {
        match self {
            PrintSize::Normal => 4,
            PrintSize::Large => 3,
        }
    }
}

/// Lays out and writes the pack. Pure and quick: the app runs it off the UI thread.
pub fn make_pack(fonts: &FontSet, request: &PackRequest) -> Result<Pack> {
    lay_out_pack(fonts, request)?.save(fonts)
}

/// A pack laid out on its pages, before any PDF is written. The preview reads this alone, so typing
/// in the name box lays the pack out again but never subsets a font or compresses a page.
pub struct LaidOut {
    pages: layout::Pages,
    m: Metrics,
    patient_name: String,
    created_unix: i64,
}

/// Lays the pack out. A character no bundled font has prints as a box, and the pack says so once.
pub fn lay_out_pack(fonts: &FontSet, request: &PackRequest) -> Result<LaidOut> {
    let m = request.options.print_size.metrics(request.options.paper);
    let groups = Builder { fonts, m: &m, request, rows: Default::default() }.groups();
    let handles = Handles::fixed();
    let mut pages = layout::paginate(fonts, &handles, &m, &groups);
    let total = pages.ops.len();
    let printed = unix_date_in_words(request.created_unix);
    // Only the checklist holds the app's information; every other page is the patient's own.
    let information = format!("Information, not medical advice. Source: {}.", request.source_label);
    let own = "My own questions, notes and record, made with ALK Companion.".to_string();
    let informing: Vec<usize> =
        pages.placed.iter().filter(|p| matches!(p.tag, Some(Tag::Step(_)))).map(|p| p.page).collect();
    for (index, ops) in pages.ops.iter_mut().enumerate() {
        let left = if informing.contains(&index) { &information } else { &own };
        let right = format!("Content {}. Printed {printed}. Page {} of {total}", request.content_version, index + 1);
        let y = m.margin_bottom - 30.0;
        layout::draw_text(fonts, &handles, ops, (m.margin_x, y), (Face::Regular, m.footer), left);
        layout::draw_text(fonts, &handles, ops, (m.margin_x, y - m.footer * 1.5), (Face::Regular, m.footer), &right);
    }
    Ok(LaidOut { pages, m, patient_name: request.patient_name.clone(), created_unix: request.created_unix })
}

impl LaidOut {
    pub fn pages(&self) -> usize {
        self.pages.ops.len()
    }

    pub fn preview(&self) -> PackPreview {
        preview_of(&self.pages.placed, self.pages(), (self.m.page_width, self.m.page_height), &self.parts())
    }

    fn parts(&self) -> Vec<(String, usize)> {
        self.pages.bookmarks.iter().map(|(title, page)| (title.clone(), page + 1)).collect()
    }

    /// Writes the PDF, embedding for each face a subset that holds the characters the pages use.
    pub fn save(self, fonts: &FontSet) -> Result<Pack> {
        let (total, parts) = (self.pages(), self.parts());
        let LaidOut { mut pages, m, patient_name, created_unix } = self;
        let mut doc = PdfDocument::new("My appointment pack");
        let handles = Handles::fixed();
        for (face, chars) in layout::used_chars(&handles, &pages.ops) {
            let font = fonts.subset(face, &chars)?;
            doc.resources.fonts.map.insert(handles.id(face).clone(), printpdf::PdfFont::new(font));
        }

        let info = &mut doc.metadata.info;
        let created = OffsetDateTime::from_unix_timestamp(created_unix)
            .map_err(|_| Error::Pack("The computer's clock gave a date that cannot be printed.".into()))?;
        info.creation_date = created;
        info.modification_date = created;
        info.metadata_date = created;
        let name = patient_name.trim();
        info.author = if name.is_empty() { "ALK Companion".into() } else { name.to_string() };
        info.creator = "ALK Companion".into();
        info.producer = "ALK Companion".into();
        info.subject = "Questions for my appointment".into();

        let (width, height) = (Mm::from(printpdf::Pt(m.page_width)), Mm::from(printpdf::Pt(m.page_height)));
        let pdf_pages = pages.ops.drain(..).map(|ops| PdfPage::new(width, height, ops)).collect();
        doc.with_pages(pdf_pages);
        for (title, page) in &pages.bookmarks {
            doc.add_bookmark(title, page + 1);
        }
        // The fonts are subset already; printpdf embeds them as they are, and we compress.
        let options = PdfSaveOptions { subset_fonts: false, optimize: false, ..Default::default() };
        let mut pdf = doc.to_lopdf_document(&options, &mut Vec::new());
        for object in pdf.objects.values_mut() {
            if let lopdf::Object::Stream(stream) = object {
                compress(stream, fonts);
            }
        }
        drop_pdfx_claim(&mut pdf);
        let mut bytes = Vec::new();
        pdf.save_to(&mut bytes).map_err(|_| Error::Pack("The pack could not be written. Please try again.".into()))?;
        Ok(Pack { bytes, pages: total, placed: pages.placed, page_size: (m.page_width, m.page_height), parts })
    }
}

/// Deflates a stream, unless it is compressed already. Pages get the fastest level (measured: a save
/// took 6.1 ms at the default level and 4.2 ms at the fastest, for 64 KB against 74 KB). A font program
/// comes from the font set's cache, deflated once at the best level, since pack after pack embeds it.
fn compress(stream: &mut lopdf::Stream, fonts: &FontSet) {
    if stream.dict.get(b"Filter").is_ok() {
        return;
    }
    let packed = fonts.compressed(&stream.content).unwrap_or_else(|| deflate(&stream.content, Compression::fast()));
    // Tiny streams can come out bigger; those stay as they are.
    if packed.len() < stream.content.len() {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(packed);
    }
}

pub(crate) fn deflate(bytes: &[u8], level: Compression) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), level);
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// printpdf 0.12 always writes a `GTS_PDFXVersion` key in the document information, empty when no
/// standard is chosen, and readers then call the file PDF/X. The pack meets no such standard.
fn drop_pdfx_claim(pdf: &mut lopdf::Document) {
    let info = pdf.trailer.get(b"Info").and_then(lopdf::Object::as_reference);
    if let Ok(dict) = info.and_then(|id| pdf.get_dictionary_mut(id)) {
        dict.remove(b"GTS_PDFXVersion");
    }
}

/// Turns the request into groups of pieces, part by part.
struct Builder<'a> {
    fonts: &'a FontSet,
    m: &'a Metrics,
    request: &'a PackRequest,
    /// Table rows so far, so each row's pieces can be found again.
    rows: std::cell::Cell<usize>,
}

impl Builder<'_> {
    fn lines(&self, text: &str, face: Face, size: f32, indent: f32) -> Vec<Piece> {
        layout::wrap(self.fonts, text, face, size, self.m.text_width() - indent)
            .into_iter()
            .map(|text| Piece::Text { indent, face, size, text, label: None })
            .collect()
    }

    fn group(pieces: Vec<Piece>) -> Group {
        Group { pieces, tag: None, keep_with_next: false, splittable: true, bookmark: None, new_page: false }
    }

    fn block(pieces: Vec<Piece>) -> Group {
        Group { splittable: false, ..Self::group(pieces) }
    }

    /// A part's heading, bookmarked, kept with what follows.
    fn heading(&self, text: &str) -> Group {
        Group {
            pieces: [vec![Piece::Gap(self.m.body)], self.lines(text, Face::Bold, self.m.heading, 0.0)].concat(),
            tag: None,
            keep_with_next: true,
            splittable: false,
            bookmark: Some(text.to_string()),
            new_page: false,
        }
    }

    fn subheading(&self, text: &str) -> Group {
        Group {
            // Between body and heading size, so a topic stands out from the questions under it.
            pieces: [vec![Piece::Gap(self.m.body * 0.75)], self.lines(text, Face::Bold, self.m.subheading(), 0.0)]
                .concat(),
            keep_with_next: true,
            splittable: false,
            ..Self::group(Vec::new())
        }
    }

    fn groups(&self) -> Vec<Group> {
        let parts = self.request.parts;
        let mut groups = Vec::new();
        if parts.cover {
            self.cover(&mut groups);
        }
        let mut after_summary = None;
        if let Some(summary) = self.request.summary.as_ref().filter(|_| parts.summary) {
            let first = groups.len();
            self.summary(&mut groups, summary);
            groups[first].new_page = true;
            after_summary = Some(groups.len());
        }
        if parts.questions {
            self.questions(&mut groups);
        }
        if parts.checklist && !self.request.checklist.is_empty() {
            self.checklist(&mut groups);
        }
        if parts.notes && !self.request.notes.is_empty() {
            groups.push(self.heading("My notes"));
            for (index, note) in self.request.notes.iter().enumerate() {
                if index > 0 {
                    groups.push(Self::group(vec![Piece::Gap(self.m.body * 0.5), Piece::Divider]));
                }
                for paragraph in note.split('\n') {
                    groups.push(Self::group(self.lines(paragraph, Face::Regular, self.m.body, 0.0)));
                }
            }
        }
        if parts.diary {
            groups.push(self.heading("Side effects since my last appointment"));
            let header = ["Date", "What", "How much it bothers me", "Note"];
            self.table(
                &mut groups,
                header,
                &self.request.diary,
                [0.22, 0.28, 0.2, 0.3],
                "No side effects written down since then.",
            );
        }
        if parts.treatments {
            groups.push(self.heading("My treatment history"));
            let header = ["Treatment", "Started", "Stopped", "Why it stopped"];
            self.table(
                &mut groups,
                header,
                &self.request.treatments,
                [0.25, 0.2, 0.2, 0.35],
                "No treatments written down.",
            );
        }
        // The summary is a page of its own: what follows starts on the next one.
        if let Some(next) = after_summary.filter(|&next| next < groups.len()) {
            groups[next].new_page = true;
        }
        // Said once, at the end, and only when a box is printed: the text of parts left out does not count.
        let mut words = groups.iter().flat_map(|g| &g.pieces).flat_map(Piece::words);
        if words.any(|text| !self.fonts.missing(text).is_empty()) {
            let note = format!(
                "Some characters could not be printed, because no font in the app has them: each shows as {PLACEHOLDER}."
            );
            groups.push(Self::block(
                [vec![Piece::Gap(self.m.body)], self.lines(&note, Face::Regular, self.m.small, 0.0)].concat(),
            ));
        }
        if groups.is_empty() {
            groups.push(Self::group(self.lines("This pack has no parts chosen.", Face::Regular, self.m.body, 0.0)));
        }
        // The very first group needs no gap above it.
        if let Some(Piece::Gap(_)) = groups[0].pieces.first() {
            groups[0].pieces.remove(0);
        }
        groups
    }

    fn cover(&self, groups: &mut Vec<Group>) {
        let m = self.m;
        let mut pieces = self.lines("My appointment pack", Face::Bold, m.title, 0.0);
        let name = self.request.patient_name.trim();
        if !name.is_empty() {
            pieces.extend(self.lines(name, Face::Bold, m.heading, 0.0));
        }
        groups.push(Group { bookmark: Some("My appointment pack".into()), ..Self::block(pieces) });
        if let Some(a) = &self.request.appointment {
            let mut details = self.lines(&format!("When: {}", a.when), Face::Regular, m.body, 0.0);
            for (label, value) in [("With", &a.with_whom), ("Where", &a.place), ("What for", &a.purpose)] {
                if !value.trim().is_empty() {
                    details.extend(self.lines(&format!("{label}: {value}"), Face::Regular, m.body, 0.0));
                }
            }
            groups.push(Self::block(details));
        }
        self.safety(groups);
        let mut clinician = vec![Piece::Gap(m.body * 0.5)];
        clinician.extend(self.lines(
            "For my oncology team: these are the questions I would like to cover today.",
            Face::Bold,
            m.body,
            0.0,
        ));
        groups.push(Self::block(clinician));
        groups.push(self.subheading("How to use this pack"));
        let mut how = Vec::new();
        for line in [
            "1. Give this pack to your doctor or nurse at the start.",
            "2. Your top 3 questions come first. Ask those if time is short.",
            "3. Write the answers on the lines, or ask someone with you to write them.",
        ] {
            how.extend(self.lines(line, Face::Regular, m.body, 0.0));
        }
        groups.push(Self::block(how));
        if !self.request.review_line.is_empty() {
            let mut review = vec![Piece::Gap(m.body * 0.5)];
            review.extend(self.lines(&self.request.review_line, Face::Regular, m.body, 0.0));
            groups.push(Self::block(review));
        }
        if !self.request.links.is_empty() {
            let mut links = vec![Piece::Gap(m.body * 0.5)];
            for (label, address) in &self.request.links {
                links.extend(self.lines(&format!("On the web: {label}, {address}"), Face::Regular, m.small, 0.0));
            }
            groups.push(Self::block(links));
        }
    }

    /// What to do when very unwell, with the patient's own 24-hour line when they have kept one.
    fn safety(&self, groups: &mut Vec<Group>) {
        let m = self.m;
        let line = self.request.round_the_clock.as_deref();
        let Some(safety) = &self.request.safety else {
            if let Some(line) = line {
                let mut pieces = vec![Piece::Gap(m.body * 0.5)];
                pieces.extend(self.lines(&format!("My 24-hour line: {line}"), Face::Bold, m.body, 0.0));
                groups.push(Self::block(pieces));
            }
            return;
        };
        groups.push(self.subheading(&safety.heading));
        let team = if line.is_some() { Face::Bold } else { Face::Regular };
        let mut pieces = self.lines(&safety.team_line(line), team, m.body, 0.0);
        for text in [&safety.emergency, &safety.unsure] {
            pieces.extend(self.lines(text, Face::Regular, m.body, 0.0));
        }
        pieces.extend(self.lines(&safety.marked, Face::Regular, m.small, 0.0));
        groups.push(Self::block(pieces));
    }

    fn questions(&self, groups: &mut Vec<Group>) {
        let m = self.m;
        groups.push(self.heading("My questions"));
        let questions = &self.request.questions;
        if questions.is_empty() {
            groups.push(Self::group(self.lines("I have not chosen any questions yet.", Face::Regular, m.body, 0.0)));
            return;
        }
        // The top 3 first, then the rest grouped by topic in the order they first appear.
        let top: Vec<&PackQuestion> = questions.iter().filter(|q| q.top3).collect();
        let rest: Vec<&PackQuestion> = questions.iter().filter(|q| !q.top3).collect();
        let mut topics: Vec<&str> = Vec::new();
        for q in &rest {
            if !topics.contains(&q.topic.as_str()) {
                topics.push(&q.topic);
            }
        }
        let mut number = 0;
        if !top.is_empty() {
            groups.push(self.subheading("My top 3 questions"));
            for q in top {
                groups.push(self.question(q, &mut number));
            }
        }
        for topic in topics {
            groups.push(self.subheading(topic));
            for q in rest.iter().filter(|q| q.topic == topic) {
                groups.push(self.question(q, &mut number));
            }
        }
    }

    fn question(&self, question: &PackQuestion, number: &mut usize) -> Group {
        let m = self.m;
        let indent = self.fonts.width("00. ", Face::Bold, m.body);
        let mut pieces = self.lines(&question.text, Face::Bold, m.body, indent);
        if let Some(Piece::Text { label, .. }) = pieces.first_mut() {
            *label = Some(format!("{}.", *number + 1));
        }
        if question.answer.trim().is_empty() {
            pieces.extend((0..self.request.options.print_size.answer_lines()).map(|_| Piece::Rule { indent }));
        } else {
            pieces.extend(self.lines(&format!("Answer: {}", question.answer.trim()), Face::Regular, m.body, indent));
        }
        pieces.push(Piece::Gap(m.body * 0.75));
        let tag = Some(Tag::Question(*number));
        *number += 1;
        Group { pieces, tag, keep_with_next: false, splittable: false, bookmark: None, new_page: false }
    }

    fn checklist(&self, groups: &mut Vec<Group>) {
        let m = self.m;
        groups.push(self.heading("Second-opinion checklist"));
        let steps = &self.request.checklist;
        let done = steps.iter().filter(|s| s.done).count();
        groups.push(Self::block(self.lines(
            &format!("{done} of {} steps done.", steps.len()),
            Face::Regular,
            m.body,
            0.0,
        )));
        let indent = m.body * 1.4;
        for (index, step) in steps.iter().enumerate() {
            let mut lines =
                layout::wrap(self.fonts, &step.text, Face::Bold, m.body, m.text_width() - indent).into_iter();
            let mut pieces = vec![Piece::Gap(m.body * 0.3)];
            if let Some(first) = lines.next() {
                pieces.push(Piece::TickBox { done: step.done, face: Face::Bold, size: m.body, text: first });
            }
            pieces.extend(lines.map(|text| Piece::Text { indent, face: Face::Bold, size: m.body, text, label: None }));
            pieces.extend(self.lines(&format!("Why: {}", step.why), Face::Regular, m.small, indent));
            if !step.note.trim().is_empty() {
                pieces.extend(self.lines(&format!("My note: {}", step.note.trim()), Face::Regular, m.small, indent));
            }
            groups.push(Group { tag: Some(Tag::Step(index)), ..Self::block(pieces) });
        }
    }

    /// A table of four columns at the small size: a header row, then each row wrapped within its
    /// column and kept together on one page.
    fn table(&self, groups: &mut Vec<Group>, header: [&str; 4], rows: &[[String; 4]], widths: [f32; 4], empty: &str) {
        if rows.is_empty() {
            groups.push(Self::block(self.lines(empty, Face::Regular, self.m.body, 0.0)));
            return;
        }
        self.rows(groups, (header, widths), rows, (self.m.small, false));
    }

    /// A header row and the rows of a table of N columns; each row is kept together on one page.
    /// Tight tables rule off only the header and the last row.
    fn rows<const N: usize>(
        &self,
        groups: &mut Vec<Group>,
        (header, widths): ([&str; N], [f32; N]),
        rows: &[[String; N]],
        (size, tight): (f32, bool),
    ) {
        let total = self.m.text_width();
        let mut offsets = [0.0; N];
        for i in 1..N {
            offsets[i] = offsets[i - 1] + widths[i - 1] * total;
        }
        let row_pieces = |cells: [&str; N], face: Face, divider: bool| -> Vec<Piece> {
            let wrapped: Vec<Vec<String>> =
                (0..N).map(|i| layout::wrap(self.fonts, cells[i], face, size, widths[i] * total - 8.0)).collect();
            let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
            let mut pieces: Vec<Piece> = (0..height)
                .map(|line| Piece::Cells {
                    cells: (0..N).filter_map(|i| wrapped[i].get(line).map(|t| (offsets[i], t.clone()))).collect(),
                    face,
                    size,
                    tight,
                })
                .collect();
            if divider {
                pieces.push(Piece::Divider);
            }
            pieces
        };
        let header_pieces = row_pieces(header, Face::Bold, true);
        groups.push(Group { keep_with_next: true, ..Self::block(header_pieces) });
        for (index, row) in rows.iter().enumerate() {
            let divider = !tight || index + 1 == rows.len();
            let pieces = row_pieces(std::array::from_fn(|i| row[i].as_str()), Face::Regular, divider);
            let tag = Some(Tag::Row(self.rows.replace(self.rows.get() + 1)));
            groups.push(Group { tag, ..Self::block(pieces) });
        }
    }

    /// "Since my last appointment": one page of the patient's own record, for the team to read first.
    fn summary(&self, groups: &mut Vec<Group>, summary: &PackSummary) {
        let m = self.m;
        // Smaller and closer than the body, so a busy period still fits one page at normal print.
        let size = m.small * 0.82;
        let tight = |text: &str, face: Face, size: f32| -> Vec<Piece> {
            layout::wrap(self.fonts, text, face, size, m.text_width())
                .into_iter()
                .map(|line| Piece::Cells { cells: vec![(0.0, line)], face, size, tight: true })
                .collect()
        };
        let say = |groups: &mut Vec<Group>, text: &str| groups.push(Self::block(tight(text, Face::Regular, size)));
        let part = |groups: &mut Vec<Group>, text: &str| {
            let pieces = [vec![Piece::Gap(size * 0.5)], tight(text, Face::Bold, m.small)].concat();
            groups.push(Group { keep_with_next: true, splittable: false, ..Self::group(pieces) });
        };
        groups.push(self.heading("Since my last appointment"));
        say(groups, &format!("{}. Everything here is from my own record, as I wrote it down.", summary.period));

        part(groups, "Side effects and feelings");
        if summary.side_effects.is_empty() {
            say(groups, "None written down in this period.");
        } else {
            let header =
                (["What", "Days", "Most it bothered me", "First day", "Last day"], [0.25, 0.09, 0.24, 0.21, 0.21]);
            self.rows(groups, header, &summary.side_effects, (size, true));
            self.chart(groups, &summary.chart, size);
        }

        part(groups, "Treatment");
        if summary.treatments.is_empty() {
            say(groups, "No treatment started or stopped in this period.");
        } else {
            let header = (["What happened", "When", "Why, in my words"], [0.3, 0.22, 0.48]);
            self.rows(groups, header, &summary.treatments, (size, true));
        }

        part(groups, "Scans and check-ups");
        if summary.checkups.is_empty() {
            say(groups, "None in this period.");
        } else {
            self.rows(groups, (["When", "What", "My note"], [0.22, 0.3, 0.48]), &summary.checkups, (size, true));
        }
        let next = summary.next_checkup.as_deref().unwrap_or("none written down");
        say(groups, &format!("Next one booked: {next}."));

        part(groups, "My top 3 questions");
        let top: Vec<&PackQuestion> = self.request.questions.iter().filter(|q| q.top3).collect();
        if top.is_empty() {
            say(groups, "I have not chosen a top 3.");
        }
        for (index, question) in top.iter().enumerate() {
            say(groups, &format!("{}. {}", index + 1, question.text));
        }
    }

    /// The diary over the period: a row per kind, a mark per day, and a key in words.
    fn chart(&self, groups: &mut Vec<Group>, chart: &Chart, size: f32) {
        let label_width = self.m.text_width() * 0.3;
        let days = (chart.last_day - chart.first_day).max(1) as f32;
        let at = |day: i64| (day - chart.first_day) as f32 / days;
        let mut pieces = vec![Piece::Gap(size * 0.6)];
        for row in &chart.rows {
            pieces.push(Piece::ChartRow {
                label: layout::wrap(self.fonts, &row.what, Face::Regular, size, label_width - size),
                marks: row.marks.iter().map(|&(day, bother)| (at(day), bother)).collect(),
                size,
                label_width,
            });
        }
        // Dates along the time line: both ends, and evenly between as many as fit.
        let (start, end) = (chart.first_day, chart.last_day);
        let room = self.m.text_width() - label_width;
        let fit = (room / self.fonts.width("30 Sep   ", Face::Regular, size)) as i64;
        let steps = fit.clamp(1, 6).min((end - start).max(1));
        let mut ticks: Vec<(f32, String)> = (0..=steps)
            .map(|i| start + (end - start) * i / steps)
            .map(|day| (at(day), short_date_of_day(day)))
            .collect();
        ticks.dedup_by(|a, b| a.1 == b.1);
        pieces.push(Piece::ChartAxis { ticks, size, label_width });
        pieces.push(Piece::ChartKey { size, two_lines: layout::key_width(self.fonts, size) > self.m.text_width() });
        groups.push(Self::block(pieces));
    }
}

#[cfg(test)]
mod tests;
