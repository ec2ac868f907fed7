//! The pack as one web page, for a screen reader or to email: the parts the PDF has, in its order,
//! with real headings, lists and tables, and the diary chart drawn inline with its sentence and its
//! marks as a table. The page is whole in itself: no script, and nothing fetched from anywhere.

use std::fmt::Write;

use super::chart::{mark_look, KEY_TITLE};
use super::lines::wrap_by;
use super::phrases::{
    appointment_details, information, labelled, next_booked, printed, step_state, steps_done, summary_period,
    TableWords, ANSWER, CHECKLIST, DIARY, FOR_THE_TEAM, HOW_TO_USE, HOW_TO_USE_STEPS, MY_LINE, MY_NOTE, NOTES,
    NO_PARTS, NO_QUESTIONS, NO_TOP_THREE, ON_THE_WEB, OWN_RECORD, QUESTIONS, SUMMARY, SUMMARY_CHECKUPS,
    SUMMARY_SIDE_EFFECTS, SUMMARY_TREATMENTS, TITLE, TOP_THREE, TREATMENTS, WHEN, WHY,
};
use super::summary::Chart;
use super::{PackRequest, PackSummary, PrintSize};
use crate::dates::{date_in_words, date_of_day};
use crate::model::Bother;

/// Whose words a piece of text is: a screen reader reads the app's as British English, and the
/// patient's in whatever language they wrote, which the app cannot know.
#[derive(Clone, Copy, PartialEq)]
enum Words {
    App,
    /// The patient's own, or the app's name for a thing where the patient may have named it.
    Either,
    Patients,
}

impl Words {
    /// The attributes for an element holding these words. `dir="auto"` sets the direction from the
    /// words themselves; `lang=""` says their language is unknown, rather than English.
    fn attributes(self) -> &'static str {
        match self {
            Words::App => "",
            Words::Either => r#" dir="auto""#,
            Words::Patients => r#" class="mine" dir="auto" lang="""#,
        }
    }
}

/// The pack as one web page, the same parts in the same order as the PDF.
pub fn web_page(request: &PackRequest) -> String {
    let mut page = Page { out: String::new(), request };
    page.document();
    page.out
}

struct Page<'a> {
    out: String,
    request: &'a PackRequest,
}

impl Page<'_> {
    /// Appends markup as it is: only ever the page's own, never the patient's words.
    fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    /// An element holding `text`, escaped, with the attributes its words call for.
    fn element(&mut self, tag: &str, words: Words, text: &str) {
        let attributes = words.attributes();
        let _ = write!(self.out, "<{tag}{attributes}>{}</{tag}>", escaped(text));
    }

    fn paragraph(&mut self, text: &str) {
        self.element("p", Words::App, text);
    }

    /// "Answer: …" in a paragraph of `class`: the label in the app's words, the rest in `words`.
    fn labelled(&mut self, class: &str, label: &str, words: Words, text: &str) {
        let _ = write!(self.out, "<p class=\"{class}\">");
        self.label(label);
        self.element("span", words, text);
        self.raw("</p>");
    }

    /// "Answer:", before the words it introduces.
    fn label(&mut self, label: &str) {
        let _ = write!(self.out, "<span class=\"label\">{}</span> ", escaped(labelled(label, "").trim_end()));
    }

    fn document(&mut self) {
        let request = self.request;
        let _ = write!(
            self.out,
            concat!(
                "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n",
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
                // Even a page edited later can fetch nothing and run nothing.
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
                "<title>{title}</title>\n<style>\n{style}</style>\n</head>\n<body class=\"{size}\">\n<main>\n",
            ),
            title = escaped(TITLE),
            style = style(request),
            size = match request.options.print_size {
                PrintSize::Normal => "normal-print",
                PrintSize::Large => "large-print",
            },
        );
        let parts = request.parts;
        if parts.cover {
            self.cover();
        } else {
            // The page has its title even without the front page, as the PDF has in its information.
            self.raw("<h1 id=\"title\">");
            self.raw(&escaped(TITLE));
            self.raw("</h1>\n");
        }
        let mut any = parts.cover;
        if let Some(summary) = request.summary.as_ref().filter(|_| parts.summary) {
            self.summary(summary);
            any = true;
        }
        if parts.questions {
            self.questions();
            any = true;
        }
        let checklist = parts.checklist && !request.checklist.is_empty();
        if checklist {
            self.checklist();
            any = true;
        }
        if parts.notes && !request.notes.is_empty() {
            self.notes();
            any = true;
        }
        if parts.diary {
            self.table_part("diary", &DIARY, &request.diary, [Words::App, Words::Either, Words::App, Words::Patients]);
            any = true;
        }
        if parts.treatments {
            let columns = [Words::Either, Words::App, Words::App, Words::Either];
            self.table_part("treatments", &TREATMENTS, &request.treatments, columns);
            any = true;
        }
        if !any {
            self.paragraph(NO_PARTS);
        }
        self.raw("\n</main>\n<footer>\n");
        self.paragraph(OWN_RECORD);
        if checklist {
            self.paragraph(&information(&request.source_label));
        }
        self.paragraph(&printed(&request.content_version, request.created_unix));
        self.raw("\n</footer>\n</body>\n</html>\n");
    }

    fn start_part(&mut self, id: &str, heading: &str) {
        let _ = write!(self.out, "\n<section class=\"part {id}\" aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">");
        self.raw(&escaped(heading));
        self.raw("</h2>\n");
    }

    fn end_part(&mut self) {
        self.raw("\n</section>\n");
    }

    /// The front page: who the pack is for, the appointment, when to get help, how to use the
    /// pack, what a clinician has checked and the web pages the content names.
    fn cover(&mut self) {
        let request = self.request;
        self.raw("<section class=\"part cover\" aria-labelledby=\"title\">\n<h1 id=\"title\">");
        self.raw(&escaped(TITLE));
        self.raw("</h1>\n");
        let name = request.patient_name.trim();
        if !name.is_empty() {
            self.raw("<p class=\"name\"><span class=\"mine\" dir=\"auto\" lang=\"\">");
            self.raw(&escaped(name));
            self.raw("</span></p>\n");
        }
        if let Some(appointment) = &request.appointment {
            self.raw("<dl class=\"appointment\">");
            for (label, value) in appointment_details(appointment) {
                let words = if label == WHEN { Words::App } else { Words::Patients };
                self.raw("<div>");
                self.element("dt", Words::App, label);
                self.element("dd", words, value);
                self.raw("</div>");
            }
            self.raw("</dl>\n");
        }
        self.safety();
        self.raw("<p class=\"for-team\"><strong>");
        self.raw(&escaped(FOR_THE_TEAM));
        self.raw("</strong></p>\n");
        self.element("h2", Words::App, HOW_TO_USE);
        self.raw("\n<ol class=\"how\">");
        for step in HOW_TO_USE_STEPS {
            self.element("li", Words::App, step);
        }
        self.raw("</ol>\n");
        if !request.review_line.is_empty() {
            self.paragraph(&request.review_line);
        }
        if !request.links.is_empty() {
            self.raw("\n<ul class=\"links small\">");
            for (label, address) in &request.links {
                let _ = write!(
                    self.out,
                    "<li>{}, <a href=\"{address}\">{address}</a></li>",
                    escaped(&labelled(ON_THE_WEB, label)),
                    address = escaped(address),
                );
            }
            self.raw("</ul>\n");
        }
        self.raw("</section>\n");
    }

    /// What to do when very unwell, with the patient's own 24-hour line when they have kept one.
    fn safety(&mut self) {
        let request = self.request;
        let line = request.round_the_clock.as_deref().map(str::trim).filter(|line| !line.is_empty());
        let Some(safety) = &request.safety else {
            if let Some(line) = line {
                self.raw("<p class=\"my-line\"><strong>");
                self.label(MY_LINE);
                self.element("span", Words::Patients, line);
                self.raw("</strong></p>\n");
            }
            return;
        };
        self.element("h2", Words::App, &safety.heading);
        self.raw("\n<div class=\"help\">");
        // The patient's line sits inside the content's sentence, marked as their own words.
        match (line, safety.team_with_line.split_once("{line}")) {
            (Some(line), Some((before, after))) => {
                self.raw("<p><strong>");
                self.raw(&escaped(before));
                self.element("span", Words::Patients, line);
                self.raw(&escaped(after));
                self.raw("</strong></p>");
            }
            _ => self.paragraph(&safety.team_line(line)),
        }
        self.paragraph(&safety.emergency);
        self.paragraph(&safety.unsure);
        self.raw("<p class=\"small\">");
        self.raw(&escaped(&safety.marked));
        self.raw("</p></div>\n");
    }

    /// "Since my last appointment": the patient's own record for the period, for the team to read first.
    fn summary(&mut self, summary: &PackSummary) {
        self.start_part("summary", SUMMARY);
        self.paragraph(&summary_period(&summary.period));
        for line in &summary.recordings {
            self.paragraph(line);
        }
        self.subpart(
            &SUMMARY_SIDE_EFFECTS,
            &summary.side_effects,
            [Words::Either, Words::App, Words::App, Words::App, Words::App],
        );
        if !summary.side_effects.is_empty() {
            self.chart(&summary.chart);
        }
        self.subpart(&SUMMARY_TREATMENTS, &summary.treatments, [Words::Either, Words::App, Words::Either]);
        self.subpart(&SUMMARY_CHECKUPS, &summary.checkups, [Words::App, Words::App, Words::Patients]);
        self.paragraph(&next_booked(summary.next_checkup.as_deref()));
        self.element("h3", Words::App, TOP_THREE);
        let top: Vec<&str> = self.request.questions.iter().filter(|q| q.top3).map(|q| q.text.as_str()).collect();
        if top.is_empty() {
            self.paragraph(NO_TOP_THREE);
        } else {
            self.raw("\n<ol>");
            for text in top {
                self.raw("<li>");
                self.element("span", Words::Either, text);
                self.raw("</li>");
            }
            self.raw("</ol>");
        }
        self.end_part();
    }

    /// A heading within a part, then its table or what it says with no rows.
    fn subpart<const N: usize>(&mut self, words: &TableWords<N>, rows: &[[String; N]], columns: [Words; N]) {
        self.raw("\n");
        self.element("h3", Words::App, words.heading);
        self.table(words, rows, columns);
    }

    fn table_part<const N: usize>(
        &mut self,
        id: &str,
        words: &TableWords<N>,
        rows: &[[String; N]],
        columns: [Words; N],
    ) {
        self.start_part(id, words.heading);
        self.table(words, rows, columns);
        self.end_part();
    }

    /// A table with a header row, or what the part says when it has no rows.
    fn table<const N: usize>(&mut self, words: &TableWords<N>, rows: &[[String; N]], columns: [Words; N]) {
        if rows.is_empty() {
            self.paragraph(words.empty);
            return;
        }
        self.rows("", &words.header, rows, &columns);
    }

    fn rows<const N: usize>(&mut self, caption: &str, header: &[&str; N], rows: &[[String; N]], columns: &[Words; N]) {
        self.raw("\n<table>");
        if !caption.is_empty() {
            self.element("caption", Words::App, caption);
        }
        self.raw("<thead><tr>");
        for cell in header {
            let _ = write!(self.out, "<th scope=\"col\">{}</th>", escaped(cell));
        }
        self.raw("</tr></thead>\n<tbody>\n");
        for row in rows {
            self.raw("<tr>");
            for (cell, &words) in row.iter().zip(columns) {
                // An empty cell needs no direction or language.
                self.element("td", if cell.is_empty() { Words::App } else { words }, cell);
            }
            self.raw("</tr>\n");
        }
        self.raw("</tbody></table>\n");
    }

    fn questions(&mut self) {
        self.start_part("questions", QUESTIONS);
        let request = self.request;
        if request.questions.is_empty() {
            self.paragraph(NO_QUESTIONS);
        }
        let lines = request.options.print_size.answer_lines();
        let mut number = 1;
        for (heading, questions) in request.question_groups() {
            self.element("h3", Words::App, heading);
            self.raw("\n<ol class=\"questions\"");
            if number > 1 {
                let _ = write!(self.out, " start=\"{number}\"");
            }
            self.raw(">\n");
            for question in &questions {
                self.raw("<li class=\"question\">");
                self.raw("<h4>");
                self.element("span", Words::Either, &question.text);
                self.raw("</h4>");
                let answer = question.answer.trim();
                if answer.is_empty() {
                    // Lines to write on, on paper only.
                    self.raw("<div class=\"answer-lines\" aria-hidden=\"true\">");
                    self.raw(&"<span></span>".repeat(lines));
                    self.raw("</div>");
                } else {
                    self.labelled("answer", ANSWER, Words::Patients, answer);
                }
                if let Some(recorded) = &question.recorded {
                    let _ = write!(self.out, "<p class=\"recorded\">{}</p>", escaped(recorded));
                }
                self.raw("</li>\n");
            }
            self.raw("</ol>\n");
            number += questions.len();
        }
        self.end_part();
    }

    fn checklist(&mut self) {
        self.start_part("checklist", CHECKLIST);
        let steps = &self.request.checklist;
        self.paragraph(&steps_done(steps.iter().filter(|s| s.done).count(), steps.len()));
        self.raw("\n<ol class=\"steps\">\n");
        for step in steps {
            let (class, state) = (if step.done { "done" } else { "not-done" }, step_state(step.done));
            let _ = write!(
                self.out,
                "<li class=\"step {class}\"><p><span class=\"box\" aria-hidden=\"true\"></span><span class=\"state\">{}</span> <strong>{}</strong></p>",
                escaped(labelled(state, "").trim_end()),
                escaped(&step.text),
            );
            self.raw("<p class=\"small\">");
            self.raw(&escaped(&labelled(WHY, &step.why)));
            self.raw("</p>");
            let note = step.note.trim();
            if !note.is_empty() {
                self.labelled("small", MY_NOTE, Words::Patients, note);
            }
            self.raw("</li>\n");
        }
        self.raw("</ol>");
        self.end_part();
    }

    fn notes(&mut self) {
        self.start_part("notes", NOTES);
        self.raw("<ul class=\"notes\">\n");
        for note in &self.request.notes {
            self.raw("<li>");
            for paragraph in note.split('\n').filter(|p| !p.trim().is_empty()) {
                self.element("p", Words::Patients, paragraph);
            }
            self.raw("</li>\n");
        }
        self.raw("</ul>");
        self.end_part();
    }

    /// The diary chart, drawn as the PDF draws it: a row per kind, a square a day, bigger and darker
    /// the more it bothered. A reader hears the chart's sentence; the table after it holds every mark.
    fn chart(&mut self, chart: &Chart) {
        let drawing = Drawing::of(chart);
        let _ = write!(
            self.out,
            "\n<div class=\"chart\">\n<svg role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" font-size=\"{FONT}\"><title id=\"chart-title\">{title}</title>{body}</svg>",
            height = drawing.height,
            title = escaped(&chart.summary),
            body = drawing.body,
        );
        let rows: Vec<[String; 3]> = chart
            .rows
            .iter()
            .flat_map(|row| {
                row.marks.iter().map(|&(day, bother)| {
                    [row.what.clone(), date_in_words(&date_of_day(day)), bother.label().to_string()]
                })
            })
            .collect();
        self.rows(&chart.summary, &CHART_TABLE, &rows, &[Words::Either, Words::App, Words::App]);
        self.raw("</div>\n");
    }
}

/// The chart's table, as the chart on My record words it.
const CHART_TABLE: [&str; 3] = ["What", "Date", "How much it bothered me"];

/// The chart's width and type size in its own units; it is drawn to the width of the text.
const WIDTH: f32 = 640.0;
const FONT: f32 = 15.0;

/// The chart as SVG: its height and what goes inside the `<svg>`.
struct Drawing {
    height: f32,
    body: String,
}

impl Drawing {
    fn of(chart: &Chart) -> Drawing {
        let mut body = String::new();
        let label_width = WIDTH * 0.3;
        let (start, end) = (label_width + FONT * 0.6, WIDTH - FONT * 0.6);
        let across = |at: f32| start + at * (end - start);
        let line = FONT * 1.3;
        let mut y = FONT * 0.3;
        for row in &chart.rows {
            let label = wrap_by(|text| guessed_width(text, FONT), &row.what, label_width - FONT);
            let height = line * label.len().max(1) as f32 + FONT * 0.4;
            for (index, text) in label.iter().enumerate() {
                let baseline = y + line * index as f32 + FONT;
                let _ = write!(body, "<text x=\"0\" y=\"{baseline:.1}\">{}</text>", escaped(text));
            }
            let middle = y + height / 2.0;
            let _ = write!(body, "<path class=\"rule\" d=\"M{start:.1} {middle:.1}H{end:.1}\"/>");
            for &(day, bother) in &row.marks {
                body.push_str(&mark((across(chart.at(day)), middle), bother));
            }
            y += height;
        }
        // The time line, with dates under it.
        let _ = write!(body, "<path class=\"axis\" d=\"M{start:.1} {y:.1}H{end:.1}\"/>");
        // As many dates as fit, measured as the PDF measures them.
        let fit = ((end - start) / guessed_width("30 Sep   ", FONT)) as i64;
        for (at, date) in chart.ticks(fit) {
            let x = across(at);
            let anchor = if at < 0.08 {
                "start"
            } else if at > 0.92 {
                "end"
            } else {
                "middle"
            };
            let _ = write!(
                body,
                "<path class=\"axis\" d=\"M{x:.1} {y:.1}v4\"/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}</text>",
                y + 4.0 + FONT * 1.1,
                escaped(&date),
            );
        }
        y += FONT * 2.6;
        // The key: what the marks mean, each beside its mark.
        let _ = write!(body, "<text x=\"0\" y=\"{:.1}\">{}</text>", y + FONT, escaped(KEY_TITLE));
        y += FONT * 1.6;
        let mut x = 0.0;
        for bother in [Bother::ALittle, Bother::QuiteABit, Bother::ALot] {
            body.push_str(&mark((x + FONT * 0.5, y + FONT * 0.65), bother));
            x += FONT * 1.3;
            let _ = write!(body, "<text x=\"{x:.1}\" y=\"{:.1}\">{}</text>", y + FONT, escaped(bother.label()));
            x += guessed_width(bother.label(), FONT) + FONT * 1.5;
        }
        Drawing { height: (y + FONT * 1.6).ceil(), body }
    }
}

/// A square mark centred on `(x, y)`, as the PDF draws it.
fn mark((x, y): (f32, f32), bother: Bother) -> String {
    let (side, grey) = mark_look(bother);
    let side = side * FONT;
    let shade = (grey * 255.0).round() as u8;
    format!(
        "<rect class=\"mark\" x=\"{:.1}\" y=\"{:.1}\" width=\"{side:.1}\" height=\"{side:.1}\" fill=\"#{shade:02x}{shade:02x}{shade:02x}\"/>",
        x - side / 2.0,
        y - side / 2.0,
    )
}

/// How wide text is likely to be in the reader's own fonts, which the app cannot measure: about
/// 0.6 em a letter, and a whole em for Chinese, Japanese, Korean and emoji.
fn guessed_width(text: &str, size: f32) -> f32 {
    let wide = |c: char| {
        matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF | 0x20000..=0x3FFFD)
    };
    text.chars().map(|c| if wide(c) { 1.0 } else { 0.6 }).sum::<f32>() * size
}

/// Text made safe to put in an element or an attribute; control characters, which no reader
/// shows, are left out.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The page's style: calm and readable on screen, and on paper the PDF's page, margins and type
/// sizes, at normal or large print. The sizes come from the PDF's; the rest is `html.css`.
fn style(request: &PackRequest) -> String {
    let m = request.options.print_size.metrics(request.options.paper);
    let normal = PrintSize::Normal.metrics(request.options.paper);
    let rem = |size: f32| format!("{:.3}rem", size / m.body);
    format!(
        concat!(
            "@page {{ size: {width}pt {height}pt; margin: {top}pt {side}pt {bottom}pt; }}\n",
            ":root {{ --screen-size: {screen:.1}%; --print-size: {print}pt; --title: {title}; --heading: {heading}; ",
            "--subheading: {subheading}; --small: {small}; --summary: {summary}; --leading: {leading}; }}\n{rest}",
        ),
        width = m.page_width,
        height = m.page_height,
        top = m.margin_top,
        side = m.margin_x,
        bottom = m.margin_bottom,
        screen = 100.0 * m.body / normal.body,
        print = m.body,
        title = rem(m.title),
        heading = rem(m.heading),
        subheading = rem(m.subheading()),
        small = rem(m.small),
        // As the PDF sets the summary, so that it fits one page.
        summary = rem(m.small * 0.82),
        leading = m.leading,
        rest = include_str!("html.css"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::tests::real_dir;
    use crate::content::trace::NotFromSource;
    use crate::content::{Content, Safety};
    use crate::model::{AppointmentInput, CheckupInput, CheckupKind, DiaryInput, StopReason, TreatmentInput};
    use crate::pack::{summarise, PackAppointment, PackOptions, PackParts, PackQuestion, PackStep, Paper};
    use crate::store::Store;

    const NOVEMBER_27_2026: i64 = 1_795_737_600;
    const NOTE: &str = "<script>alert(\"hi\")</script> & 'quotes' مرحبا 💊";

    fn question(topic: &str, text: &str, top3: bool, answer: &str) -> PackQuestion {
        PackQuestion { topic: topic.into(), text: text.into(), top3, answer: answer.into(), recorded: None }
    }

    /// Every part on, in English, Arabic and Chinese, with the summary gathered from a diary
    /// written in the patient's own words (so no change to the content changes it).
    fn full() -> PackRequest {
        let content = Content::load(&real_dir()).unwrap();
        let mut store = Store::open_in_memory().unwrap();
        let appointment = AppointmentInput {
            starts_at: "2026-10-02T10:00".into(),
            with_whom: String::new(),
            place: String::new(),
            purpose: String::new(),
        };
        store.add_appointment(&appointment).unwrap();
        let bothers = [Bother::ALittle, Bother::QuiteABit, Bother::ALot];
        let kinds = [
            "Rash on my arms",
            "Tiredness",
            "ألم في المفاصل",
            "头痛",
            "Tingling in my fingers and toes, worse at night",
        ];
        for (kind, what) in kinds.iter().enumerate() {
            for week in 0..7 {
                let day = crate::dates::day_number("2026-10-03").unwrap() + week * 7 + kind as i64;
                let entry = DiaryInput {
                    on_date: date_of_day(day),
                    what: "other".into(),
                    other_what: what.to_string(),
                    bother: bothers[(kind + week as usize) % 3],
                    note: String::new(),
                };
                store.add_diary_entry(&entry).unwrap();
            }
        }
        let old = TreatmentInput {
            drug: "other".into(),
            other_name: "Crizotinib".into(),
            started_on: "2025-01-10".into(),
            stopped_on: Some("2026-10-20".into()),
            stop_reason: Some(StopReason::SideEffects),
            reason_note: "my eyes, in my words".into(),
        };
        store.save_treatment(None, &old).unwrap();
        let new = TreatmentInput {
            other_name: "Lorlatinib".into(),
            started_on: "2026-10-22".into(),
            stopped_on: None,
            stop_reason: None,
            reason_note: String::new(),
            ..old
        };
        store.save_treatment(None, &new).unwrap();
        for (on_date, kind, note) in
            [("2026-11-05", CheckupKind::CtScan, "结果在这次预约时"), ("2027-02-04", CheckupKind::HeadScan, "")]
        {
            store.add_checkup(&CheckupInput { on_date: on_date.into(), kind, note: note.into() }).unwrap();
        }
        // The appointment was recorded and one answer marked.
        let recordings = vec!["Recording: Thursday 3 December 2026, 42 minutes".to_string()];
        let summary = PackSummary { recordings, ..summarise(&content, &store, "2026-11-27T12:00").unwrap() };
        PackRequest {
            parts: PackParts::all(),
            patient_name: "ليلى حداد".into(),
            appointment: Some(PackAppointment {
                when: "Thursday 3 December 2026 at 2:30 pm".into(),
                with_whom: "Dr Nowak, oncologist".into(),
                place: "Clinic 4, St Mary’s Hospital".into(),
                purpose: "Scan results & what comes next".into(),
            }),
            questions: vec![
                question("My TKI treatment", "Is my treatment still working?", true, ""),
                PackQuestion {
                    recorded: Some("Answer recorded at 12:34".into()),
                    ..question("Scans and tests", "How often will I have scans?", false, "每三个月一次。")
                },
                question("My own questions", "هل يمكنني السفر أثناء العلاج؟", true, ""),
                question("My TKI treatment", "What should I do if I miss a dose?", false, ""),
                question("My own questions", "我可以继续工作吗？", false, ""),
                question("Scans and tests", "What did my last scan show?", true, "Stable: \"no change\" since June."),
            ],
            checklist: vec![
                PackStep {
                    text: "Ask your oncologist about a second opinion.".into(),
                    why: "They can refer you, and it is your right to ask.".into(),
                    done: true,
                    note: "Asked on 2 October & they said yes.".into(),
                },
                PackStep {
                    text: "Get copies of your scan reports.".into(),
                    why: "The second team will need to see them.".into(),
                    done: false,
                    note: String::new(),
                },
            ],
            notes: vec![
                NOTE.into(),
                "Bring the scan letter.\nAsk the nurse about the rash 💊".into(),
                "ملاحظة: أشعر بتعب أكثر في المساء.".into(),
                "记得问护士关于皮疹的问题。".into(),
            ],
            diary: vec![
                ["20 November 2026".into(), "Rash".into(), "A lot".into(), "On both arms".into()],
                ["22 November 2026".into(), "Tiredness".into(), "A little".into(), "晚上更累".into()],
            ],
            treatments: vec![
                [
                    "Crizotinib".into(),
                    "10 January 2025".into(),
                    "20 October 2026".into(),
                    "Side effects: my eyes".into(),
                ],
                ["Lorlatinib".into(), "22 October 2026".into(), "Still taking it".into(), String::new()],
            ],
            options: PackOptions::default(),
            created_unix: NOVEMBER_27_2026,
            content_version: "2026.12.4".into(),
            source_label: "ALK Treatment, ALK Positive UK".into(),
            review_line: "No page of the app's information has yet been checked by a clinician.".into(),
            round_the_clock: Some("Acute oncology line, 0800 000 000".into()),
            safety: Some(safety()),
            links: vec![("ALKPositive.org.uk".into(), "https://www.alkpositive.org.uk".into())],
            summary: Some(summary),
        }
    }

    /// The words on getting help, as the content has them today, kept here so a change to them
    /// does not change the samples.
    fn safety() -> Safety {
        Safety {
            not_from_source: NotFromSource::SafetyNetting,
            heading: "When to get help".into(),
            team:
                "If you feel very unwell, or a side effect worries you, call your 24-hour line or acute oncology line."
                    .into(),
            team_with_line: "If you feel very unwell, or a side effect worries you, call your 24-hour line: {line}."
                .into(),
            emergency: "In an emergency, call 999 or go to A&E.".into(),
            unsure: "If you are not sure what to do, call NHS 111 (or your GP out-of-hours service).".into(),
            marked: "This is general NHS advice. It is not from ALK Positive UK's page.".into(),
            pages: Vec::new(),
        }
    }

    /// Large print on Letter paper, with empty parts: no questions, an empty period, no safety words
    /// but the patient's own line.
    fn sparse() -> PackRequest {
        let content = Content::load(&real_dir()).unwrap();
        let store = Store::open_in_memory().unwrap();
        PackRequest {
            parts: PackParts { checklist: false, treatments: false, diary: true, ..PackParts::default() },
            options: PackOptions { paper: Paper::Letter, print_size: PrintSize::Large },
            questions: Vec::new(),
            notes: vec!["记得带上扫描报告。".into()],
            diary: Vec::new(),
            summary: Some(summarise(&content, &store, "2026-11-27T12:00").unwrap()),
            safety: None,
            links: Vec::new(),
            ..full()
        }
    }

    fn position(page: &str, wanted: &str) -> usize {
        page.find(wanted).unwrap_or_else(|| panic!("{wanted:?} is not in the page"))
    }

    /// The start tag of the element whose text begins with `text`.
    fn tag_around<'a>(page: &'a str, text: &str) -> &'a str {
        let at = position(page, text);
        let open = page[..at].rfind('<').unwrap();
        &page[open..at]
    }

    #[test]
    fn parts_come_in_the_pdfs_order() {
        let page = web_page(&full());
        let order: Vec<usize> = [
            "<h1 id=\"title\">My appointment pack</h1>",
            "<h2 id=\"summary\">Since my last appointment</h2>",
            "<h2 id=\"questions\">My questions</h2>",
            "<h2 id=\"checklist\">Second-opinion checklist</h2>",
            "<h2 id=\"notes\">My notes</h2>",
            "<h2 id=\"diary\">Side effects since my last appointment</h2>",
            "<h2 id=\"treatments\">My treatment history</h2>",
            "<footer>",
        ]
        .iter()
        .map(|heading| position(&page, heading))
        .collect();
        assert!(order.is_sorted(), "{order:?}");
        assert_eq!(page.matches("<h1").count(), 1);
        assert!(
            page.contains("<title>My appointment pack</title>")
                && page.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">")
        );
    }

    #[test]
    fn only_the_parts_turned_on_are_there() {
        let mut request = full();
        request.parts = PackParts {
            cover: false,
            summary: false,
            questions: true,
            checklist: false,
            notes: false,
            diary: false,
            treatments: true,
        };
        let page = web_page(&request);
        assert!(page.contains("<h2 id=\"questions\">") && page.contains("<h2 id=\"treatments\">"));
        for gone in
            ["id=\"summary\"", "id=\"checklist\"", "id=\"notes\"", "id=\"diary\"", "When to get help", "ليلى", "<svg"]
        {
            assert!(!page.contains(gone), "{gone:?} is in the page");
        }
        // The title stays, as the PDF's own title does.
        assert!(page.contains("<h1 id=\"title\">My appointment pack</h1>"));

        request.parts = PackParts {
            cover: false,
            summary: false,
            questions: false,
            checklist: false,
            notes: false,
            diary: false,
            treatments: false,
        };
        assert!(web_page(&request).contains("<p>This pack has no parts chosen.</p>"));
        request.parts.checklist = true;
        request.checklist.clear();
        assert!(
            web_page(&request).contains("This pack has no parts chosen."),
            "an empty checklist is left out, as in the PDF"
        );
    }

    #[test]
    fn empty_parts_say_so_in_the_pdfs_words() {
        let page = web_page(&sparse());
        for said in [
            NO_QUESTIONS,
            NO_TOP_THREE,
            DIARY.empty,
            SUMMARY_SIDE_EFFECTS.empty,
            SUMMARY_TREATMENTS.empty,
            SUMMARY_CHECKUPS.empty,
            "Next one booked: none written down.",
        ] {
            assert!(page.contains(&format!("<p>{said}</p>")), "{said:?}");
        }
        assert!(!page.contains("<svg") && !page.contains("<table>"), "no chart or table without rows");
    }

    #[test]
    fn top_three_come_first_then_each_topic_numbered_on() {
        let page = web_page(&full());
        let asked: Vec<&str> = page
            .split("<h4><span dir=\"auto\">")
            .skip(1)
            .map(|rest| &rest[..rest.find("</span></h4>").unwrap()])
            .collect();
        assert_eq!(
            asked,
            [
                "Is my treatment still working?",
                "هل يمكنني السفر أثناء العلاج؟",
                "What did my last scan show?",
                "How often will I have scans?",
                "What should I do if I miss a dose?",
                "我可以继续工作吗？",
            ]
        );
        let topics = page.find("<h3>My top 3 questions</h3>\n<ol class=\"questions\">").unwrap();
        assert!(topics < position(&page, "<h3>Scans and tests</h3>\n<ol class=\"questions\" start=\"4\">"));
        assert!(page.contains("<h3>My TKI treatment</h3>\n<ol class=\"questions\" start=\"5\">"));
    }

    #[test]
    fn an_empty_answer_has_lines_on_paper_and_a_typed_one_is_printed() {
        for (print_size, lines) in [(PrintSize::Normal, 4), (PrintSize::Large, 3)] {
            let mut request = full();
            request.options.print_size = print_size;
            let page = web_page(&request);
            let empty =
                format!("<div class=\"answer-lines\" aria-hidden=\"true\">{}</div>", "<span></span>".repeat(lines));
            assert_eq!(page.matches(&empty).count(), 4, "{print_size:?}: six questions, two answered");
            assert!(page.contains(
                "<p class=\"answer\"><span class=\"label\">Answer:</span> <span class=\"mine\" dir=\"auto\" lang=\"\">每三个月一次。</span></p>"
            ));
        }
        assert!(web_page(&full()).contains(".answer-lines { display: none; }"), "the lines show on paper only");
    }

    #[test]
    fn the_patients_words_are_escaped() {
        let page = web_page(&full());
        assert!(!page.contains("<script"), "no script, typed or ours");
        assert!(page.contains(
            "<p class=\"mine\" dir=\"auto\" lang=\"\">&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; مرحبا 💊</p>"
        ));
        assert!(
            page.contains("Scan results &amp; what comes next")
                && page.contains("Stable: &quot;no change&quot; since June.")
        );
        let mut request = full();
        request.links = vec![("A \"label\"".into(), "https://example.org/?a=1&b=\"2\"".into())];
        let page = web_page(&request);
        assert!(
            page.contains("<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">"),
            "an address cannot leave its attribute"
        );
    }

    #[test]
    fn every_piece_the_patient_typed_says_its_direction_and_no_language() {
        let page = web_page(&full());
        let typed = [
            "ليلى حداد",
            "Dr Nowak, oncologist",
            "Clinic 4, St Mary’s Hospital",
            "Acute oncology line, 0800 000 000",
            "Stable: &quot;no change&quot;",
            "Asked on 2 October &amp; they said yes.",
            "Bring the scan letter.",
            "Ask the nurse about the rash 💊",
            "ملاحظة:",
            "记得问护士",
            "On both arms",
            "晚上更累",
            "结果在这次预约时",
        ];
        for text in typed {
            assert!(
                tag_around(&page, text).contains(" dir=\"auto\" lang=\"\""),
                "{text:?} in {}",
                tag_around(&page, text)
            );
        }
        // Words that may be the patient's or the app's say their direction, and keep the page's language.
        for text in ["هل يمكنني", "我可以继续工作吗", "ألم في المفاصل", "Crizotinib"] {
            let tag = tag_around(&page, text);
            assert!(tag.contains("dir=\"auto\"") && !tag.contains("lang="), "{text:?} in {tag}");
        }
        // The app's own words are British English, as the page says.
        assert!(!tag_around(&page, "Why: They can refer you").contains("dir="));
        assert_eq!(
            page.matches(" lang=\"").count(),
            page.matches(" lang=\"\"").count() + 1,
            "only the page names a language"
        );
    }

    #[test]
    fn tables_have_column_headers() {
        let page = web_page(&full());
        let tables = page.matches("<table>").count();
        assert_eq!(tables, 6, "summary: side effects, the chart's marks, treatment, scans; diary; treatments");
        let headers = 5 + 3 + 3 + 3 + 4 + 4;
        assert_eq!(page.matches("<th scope=\"col\">").count(), headers);
        assert_eq!(
            page.matches("<th ").count() + page.matches("<th>").count(),
            headers,
            "every header cell heads a column"
        );
        assert!(page.contains("<th scope=\"col\">How much it bothers me</th>"));
    }

    #[test]
    fn the_chart_is_an_image_named_by_its_sentence_then_its_marks_as_a_table() {
        let request = full();
        let chart = &request.summary.as_ref().unwrap().chart;
        assert_eq!(chart.summary, "35 entries for 5 other things between 2 October and 27 November 2026.");
        let page = web_page(&request);
        let svg = position(&page, "<svg role=\"img\" aria-labelledby=\"chart-title\"");
        let title = format!("<title id=\"chart-title\">{}</title>", chart.summary);
        assert!(page[svg..].contains(&title));
        let table = position(&page, &format!("<table><caption>{}</caption>", chart.summary));
        assert!(svg < table && table < position(&page, "<h3>Treatment</h3>"));
        let marks: usize = chart.rows.iter().map(|row| row.marks.len()).sum();
        let rows = page[table..].split("</table>").next().unwrap().matches("<tr><td").count();
        assert_eq!(rows, marks);
        assert_eq!(
            page[svg..].split("</svg>").next().unwrap().matches("<rect class=\"mark\"").count(),
            marks + 3,
            "and the key's three"
        );
        assert!(page.contains("<td dir=\"auto\">头痛</td><td>"));
    }

    #[test]
    fn large_print_is_larger_by_the_pdfs_ratio() {
        let normal = web_page(&full());
        assert!(
            normal.contains("<body class=\"normal-print\">")
                && normal.contains("--screen-size: 100.0%; --print-size: 13pt;")
        );
        assert!(normal.contains("@page { size: 595.28pt 841.89pt; margin: 60pt 70pt 80pt; }"));
        let large = web_page(&sparse());
        assert!(large.contains("<body class=\"large-print\">"));
        assert!(large.contains("--screen-size: 130.8%; --print-size: 17pt;"), "17 pt against 13 pt, as the PDF's");
        assert!(large.contains("@page { size: 612pt 792pt;"));
    }

    #[test]
    fn the_checklist_says_done_or_not_done_in_words() {
        let page = web_page(&full());
        assert!(page.contains("<p>1 of 2 steps done.</p>"));
        assert!(page.contains(
            "<span class=\"state\">Done:</span> <strong>Ask your oncologist about a second opinion.</strong>"
        ));
        assert!(
            page.contains("<span class=\"state\">Not done:</span> <strong>Get copies of your scan reports.</strong>")
        );
    }

    #[test]
    fn it_points_back_to_the_team_as_the_pdfs_cover_and_footers_do() {
        let page = web_page(&full());
        let cover = &page[..position(&page, "<h2 id=\"summary\">")];
        assert!(cover.contains("call your 24-hour line: <span class=\"mine\" dir=\"auto\" lang=\"\">Acute oncology line, 0800 000 000</span>."));
        for text in [
            "In an emergency, call 999 or go to A&amp;E.",
            "This is general NHS advice. It is not from ALK Positive UK&#39;s page.",
            "For my oncology team: these are the questions I would like to cover today.",
            "No page of the app&#39;s information has yet been checked by a clinician.",
            "On the web: ALKPositive.org.uk, <a href=\"https://www.alkpositive.org.uk\">https://www.alkpositive.org.uk</a>",
        ] {
            assert!(cover.contains(text), "{text:?}");
        }
        let footer = &page[position(&page, "<footer>")..];
        for text in [
            "My own questions, notes and record, made with ALK Companion.",
            "Information, not medical advice. Source: ALK Treatment, ALK Positive UK.",
            "Content 2026.12.4. Printed 27 November 2026.",
        ] {
            assert!(footer.contains(text), "{text:?}");
        }
        let mut request = full();
        request.parts.checklist = false;
        assert!(!web_page(&request).contains("Source:"), "only a page holding the app's information names the source");
        // With no words on getting help, the patient's own line is still on the front page.
        let sparse = web_page(&sparse());
        assert!(sparse.contains(
            "<p class=\"my-line\"><strong><span class=\"label\">My 24-hour line:</span> <span class=\"mine\""
        ));
    }

    #[test]
    fn nothing_is_fetched_or_run() {
        for request in [full(), sparse()] {
            let page = web_page(&request);
            let lower = page.to_lowercase();
            for banned in ["<script", "<img", "<link", "<iframe", "<object", "src=", "url(", "@import"] {
                assert!(!lower.contains(banned), "{banned:?}");
            }
            let handler = |(at, _): (usize, &str)| {
                let rest = lower[at + 3..].trim_start_matches(|c: char| c.is_ascii_alphabetic());
                rest.len() < lower.len() - at - 3 && rest.starts_with('=')
            };
            assert_eq!(lower.match_indices(" on").filter(|&m| handler(m)).count(), 0, "no event handler attribute");
            // Only the content's own web pages, shown and linked as the PDF prints them, and the
            // policy that forbids fetching anything.
            let addresses = request.links.len() * 2;
            assert_eq!(page.matches("http").count(), addresses + 1, "{page}");
            assert!(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"));
        }
    }

    /// The committed samples are what the code makes now: the UI's accessibility test reads them.
    /// `ALK_WRITE_SAMPLES=1 cargo test -p alk-core web_page_samples` writes them afresh.
    #[test]
    fn web_page_samples_are_what_the_code_makes() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/pack/samples");
        for (name, request) in [("web-page.html", full()), ("web-page-large.html", sparse())] {
            let fresh = web_page(&request);
            let path = folder.join(name);
            if std::env::var_os("ALK_WRITE_SAMPLES").is_some() {
                std::fs::create_dir_all(&folder).unwrap();
                std::fs::write(&path, &fresh).unwrap();
            }
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                committed == fresh,
                "{name} is stale: run ALK_WRITE_SAMPLES=1 cargo test -p alk-core web_page_samples and commit it"
            );
        }
    }
}
