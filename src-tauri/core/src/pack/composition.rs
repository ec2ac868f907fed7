//! Composition: turns the request, already in words, into groups of pieces part by part, and lays
//! them out on pages with their footers.

use super::drawing::{draw_text, Handles};
use super::fonts::{Face, FontSet, PLACEHOLDER};
use super::layout::{self, Group, Piece, Tag};
use super::lines::wrap;
use super::metrics::Metrics;
use super::phrases::{
    information, labelled, next_booked, printed, steps_done, summary_period, ANSWER, CHECKLIST, DIARY, MY_NOTE, NOTES,
    NO_PARTS, NO_QUESTIONS, NO_TOP_THREE, OWN_RECORD, QUESTIONS, SUMMARY, SUMMARY_CHECKUPS, SUMMARY_SIDE_EFFECTS,
    SUMMARY_TREATMENTS, TOP_THREE, TREATMENTS, WHY,
};
use super::preview::{preview_of, PackPreview};
use super::tags::{footer, Structure};
use super::{PackQuestion, PackRequest, PackSummary};
use crate::Result;

/// A pack laid out on its pages, before any PDF is written. The preview reads this alone, so typing
/// in the name box lays the pack out again but never subsets a font or compresses a page.
pub struct LaidOut {
    pub(super) pages: layout::Pages,
    pub(super) m: Metrics,
    pub(super) patient_name: String,
    pub(super) created_unix: i64,
}

/// Lays the pack out. A character no bundled font has prints as a box, and the pack says so once.
pub fn lay_out_pack(fonts: &FontSet, request: &PackRequest) -> Result<LaidOut> {
    let m = request.options.print_size.metrics(request.options.paper);
    let groups = Builder { fonts, m: &m, request, rows: Default::default() }.groups();
    let handles = Handles::fixed();
    let mut pages = layout::paginate(fonts, &handles, &m, &groups);
    let total = pages.ops.len();
    let printed = printed(&request.content_version, request.created_unix);
    // Only the checklist holds the app's information; every other page is the patient's own.
    let information = information(&request.source_label);
    let own = OWN_RECORD.to_string();
    let informing: Vec<usize> =
        pages.placed.iter().filter(|p| matches!(p.tag, Some(Tag::Step(_)))).map(|p| p.page).collect();
    for (index, ops) in pages.ops.iter_mut().enumerate() {
        let left = if informing.contains(&index) { &information } else { &own };
        let right = format!("{printed} Page {} of {total}", index + 1);
        let y = m.margin_bottom - 30.0;
        footer(ops, |ops| {
            draw_text(fonts, &handles, ops, (m.margin_x, y), (Face::Regular, m.footer), left);
            draw_text(fonts, &handles, ops, (m.margin_x, y - m.footer * 1.5), (Face::Regular, m.footer), &right);
        });
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

    pub(super) fn parts(&self) -> Vec<(String, usize)> {
        self.pages.bookmarks.iter().map(|(title, page)| (title.clone(), page + 1)).collect()
    }
}

/// Turns the request into groups of pieces, part by part.
pub(super) struct Builder<'a> {
    pub(super) fonts: &'a FontSet,
    pub(super) m: &'a Metrics,
    pub(super) request: &'a PackRequest,
    /// Table rows so far, so each row's pieces can be found again.
    pub(super) rows: std::cell::Cell<usize>,
}

impl Builder<'_> {
    pub(super) fn lines(&self, text: &str, face: Face, size: f32, indent: f32) -> Vec<Piece> {
        wrap(self.fonts, text, face, size, self.m.text_width() - indent)
            .into_iter()
            .map(|text| Piece::Text { indent, face, size, text, label: None })
            .collect()
    }

    pub(super) fn group(pieces: Vec<Piece>) -> Group {
        Group {
            pieces,
            tag: None,
            keep_with_next: false,
            splittable: true,
            bookmark: None,
            new_page: false,
            structure: Structure::Paragraph,
        }
    }

    pub(super) fn block(pieces: Vec<Piece>) -> Group {
        Group { splittable: false, ..Self::group(pieces) }
    }

    /// A part's heading, bookmarked, kept with what follows.
    pub(super) fn heading(&self, text: &str) -> Group {
        Group {
            pieces: [vec![Piece::Gap(self.m.body)], self.lines(text, Face::Bold, self.m.heading, 0.0)].concat(),
            tag: None,
            keep_with_next: true,
            splittable: false,
            bookmark: Some(text.to_string()),
            new_page: false,
            structure: Structure::heading(1),
        }
    }

    pub(super) fn subheading(&self, text: &str) -> Group {
        Group {
            // Between body and heading size, so a topic stands out from the questions under it.
            pieces: [vec![Piece::Gap(self.m.body * 0.75)], self.lines(text, Face::Bold, self.m.subheading(), 0.0)]
                .concat(),
            keep_with_next: true,
            splittable: false,
            structure: Structure::heading(2),
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
            groups.push(self.heading(NOTES));
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
            groups.push(self.heading(DIARY.heading));
            self.table(&mut groups, DIARY.header, &self.request.diary, [0.22, 0.28, 0.2, 0.3], DIARY.empty);
        }
        if parts.treatments {
            groups.push(self.heading(TREATMENTS.heading));
            let widths = [0.25, 0.2, 0.2, 0.35];
            self.table(&mut groups, TREATMENTS.header, &self.request.treatments, widths, TREATMENTS.empty);
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
            groups.push(Self::group(self.lines(NO_PARTS, Face::Regular, self.m.body, 0.0)));
        }
        // The very first group needs no gap above it.
        if let Some(Piece::Gap(_)) = groups[0].pieces.first() {
            groups[0].pieces.remove(0);
        }
        groups
    }

    fn questions(&self, groups: &mut Vec<Group>) {
        let m = self.m;
        groups.push(self.heading(QUESTIONS));
        if self.request.questions.is_empty() {
            groups.push(Self::group(self.lines(NO_QUESTIONS, Face::Regular, m.body, 0.0)));
            return;
        }
        let mut number = 0;
        for (heading, questions) in self.request.question_groups() {
            groups.push(self.subheading(heading));
            for q in questions {
                groups.push(self.question(q, &mut number));
                if let Some(recorded) = &q.recorded {
                    groups.push(self.recorded(recorded));
                }
            }
        }
    }

    /// Where a question's text starts, after its number.
    fn question_indent(&self) -> f32 {
        self.fonts.width("00. ", Face::Bold, self.m.body)
    }

    fn question(&self, question: &PackQuestion, number: &mut usize) -> Group {
        let m = self.m;
        let indent = self.question_indent();
        let mut pieces = self.lines(&question.text, Face::Bold, m.body, indent);
        let structure = Structure::Heading { depth: 3, body_from: pieces.len() };
        if let Some(Piece::Text { label, .. }) = pieces.first_mut() {
            *label = Some(format!("{}.", *number + 1));
        }
        if question.answer.trim().is_empty() {
            pieces.extend((0..self.request.options.print_size.answer_lines()).map(|_| Piece::Rule { indent }));
        } else {
            pieces.extend(self.lines(&labelled(ANSWER, question.answer.trim()), Face::Regular, m.body, indent));
        }
        // A recorded line follows on the same page, with the gap after it instead.
        let recorded = question.recorded.is_some();
        if !recorded {
            pieces.push(Piece::Gap(m.body * 0.75));
        }
        let tag = Some(Tag::Question(*number));
        *number += 1;
        Group { pieces, tag, keep_with_next: recorded, splittable: false, bookmark: None, new_page: false, structure }
    }

    /// "Answer recorded at 12:34" under its question: a paragraph of its own.
    fn recorded(&self, line: &str) -> Group {
        let pieces = self.lines(line, Face::Regular, self.m.small, self.question_indent());
        Self::block([pieces, vec![Piece::Gap(self.m.body * 0.75)]].concat())
    }

    fn checklist(&self, groups: &mut Vec<Group>) {
        let m = self.m;
        groups.push(self.heading(CHECKLIST));
        let steps = &self.request.checklist;
        let done = steps.iter().filter(|s| s.done).count();
        groups.push(Self::block(self.lines(&steps_done(done, steps.len()), Face::Regular, m.body, 0.0)));
        let indent = m.body * 1.4;
        for (index, step) in steps.iter().enumerate() {
            let mut lines = wrap(self.fonts, &step.text, Face::Bold, m.body, m.text_width() - indent).into_iter();
            let mut pieces = vec![Piece::Gap(m.body * 0.3)];
            if let Some(first) = lines.next() {
                pieces.push(Piece::TickBox { done: step.done, face: Face::Bold, size: m.body, text: first });
            }
            pieces.extend(lines.map(|text| Piece::Text { indent, face: Face::Bold, size: m.body, text, label: None }));
            pieces.extend(self.lines(&labelled(WHY, &step.why), Face::Regular, m.small, indent));
            if !step.note.trim().is_empty() {
                pieces.extend(self.lines(&labelled(MY_NOTE, step.note.trim()), Face::Regular, m.small, indent));
            }
            let structure = Structure::Step { done: step.done };
            groups.push(Group { tag: Some(Tag::Step(index)), structure, ..Self::block(pieces) });
        }
    }

    /// "Since my last appointment": one page of the patient's own record, for the team to read first.
    fn summary(&self, groups: &mut Vec<Group>, summary: &PackSummary) {
        let m = self.m;
        // Smaller and closer than the body, so a busy period still fits one page at normal print.
        let size = m.small * 0.82;
        let tight = |text: &str, face: Face, size: f32| -> Vec<Piece> {
            wrap(self.fonts, text, face, size, m.text_width())
                .into_iter()
                .map(|line| Piece::Cells { cells: vec![(0.0, line)], face, size, tight: true })
                .collect()
        };
        let say = |groups: &mut Vec<Group>, text: &str| groups.push(Self::block(tight(text, Face::Regular, size)));
        let part = |groups: &mut Vec<Group>, text: &str| {
            let pieces = [vec![Piece::Gap(size * 0.5)], tight(text, Face::Bold, m.small)].concat();
            let structure = Structure::heading(2);
            groups.push(Group { keep_with_next: true, splittable: false, structure, ..Self::group(pieces) });
        };
        groups.push(self.heading(SUMMARY));
        say(groups, &summary_period(&summary.period));
        for line in &summary.recordings {
            say(groups, line);
        }

        part(groups, SUMMARY_SIDE_EFFECTS.heading);
        if summary.side_effects.is_empty() {
            say(groups, SUMMARY_SIDE_EFFECTS.empty);
        } else {
            let header = (SUMMARY_SIDE_EFFECTS.header, [0.25, 0.09, 0.24, 0.21, 0.21]);
            self.rows(groups, header, &summary.side_effects, (size, true));
            self.chart(groups, &summary.chart, size);
        }

        part(groups, SUMMARY_TREATMENTS.heading);
        if summary.treatments.is_empty() {
            say(groups, SUMMARY_TREATMENTS.empty);
        } else {
            let header = (SUMMARY_TREATMENTS.header, [0.3, 0.22, 0.48]);
            self.rows(groups, header, &summary.treatments, (size, true));
        }

        part(groups, SUMMARY_CHECKUPS.heading);
        if summary.checkups.is_empty() {
            say(groups, SUMMARY_CHECKUPS.empty);
        } else {
            let header = (SUMMARY_CHECKUPS.header, [0.22, 0.3, 0.48]);
            self.rows(groups, header, &summary.checkups, (size, true));
        }
        say(groups, &next_booked(summary.next_checkup.as_deref()));

        part(groups, TOP_THREE);
        let top: Vec<&PackQuestion> = self.request.questions.iter().filter(|q| q.top3).collect();
        if top.is_empty() {
            say(groups, NO_TOP_THREE);
        }
        for (index, question) in top.iter().enumerate() {
            say(groups, &format!("{}. {}", index + 1, question.text));
        }
    }
}
