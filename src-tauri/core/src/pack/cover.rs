//! The front page: who the pack is for, the appointment, when to get help, how to use the pack,
//! what a clinician has checked and the web pages the content names.

use super::composition::Builder;
use super::fonts::Face;
use super::layout::{Group, Piece};
use super::phrases::{
    appointment_details, labelled, FOR_THE_TEAM, HOW_TO_USE, HOW_TO_USE_STEPS, MY_LINE, ON_THE_WEB, TITLE,
};
use super::tags::Structure;

impl Builder<'_> {
    pub(super) fn cover(&self, groups: &mut Vec<Group>) {
        let m = self.m;
        let mut pieces = self.lines(TITLE, Face::Bold, m.title, 0.0);
        let title = Structure::Heading { depth: 0, body_from: pieces.len() };
        let name = self.request.patient_name.trim();
        if !name.is_empty() {
            pieces.extend(self.lines(name, Face::Bold, m.heading, 0.0));
        }
        groups.push(Group { bookmark: Some(TITLE.into()), structure: title, ..Self::block(pieces) });
        if let Some(a) = &self.request.appointment {
            let mut details = Vec::new();
            for (label, value) in appointment_details(a) {
                details.extend(self.lines(&labelled(label, value), Face::Regular, m.body, 0.0));
            }
            groups.push(Self::block(details));
        }
        self.safety(groups);
        let mut clinician = vec![Piece::Gap(m.body * 0.5)];
        clinician.extend(self.lines(FOR_THE_TEAM, Face::Bold, m.body, 0.0));
        groups.push(Self::block(clinician));
        groups.push(Group { structure: Structure::heading(1), ..self.subheading(HOW_TO_USE) });
        let mut how = Vec::new();
        for (number, step) in HOW_TO_USE_STEPS.iter().enumerate() {
            how.extend(self.lines(&format!("{}. {step}", number + 1), Face::Regular, m.body, 0.0));
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
                let line = format!("{}, {address}", labelled(ON_THE_WEB, label));
                links.extend(self.lines(&line, Face::Regular, m.small, 0.0));
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
                pieces.extend(self.lines(&labelled(MY_LINE, line), Face::Bold, m.body, 0.0));
                groups.push(Self::block(pieces));
            }
            return;
        };
        groups.push(Group { structure: Structure::heading(1), ..self.subheading(&safety.heading) });
        let team = if line.is_some() { Face::Bold } else { Face::Regular };
        let mut pieces = self.lines(&safety.team_line(line), team, m.body, 0.0);
        for text in [&safety.emergency, &safety.unsure] {
            pieces.extend(self.lines(text, Face::Regular, m.body, 0.0));
        }
        pieces.extend(self.lines(&safety.marked, Face::Regular, m.small, 0.0));
        groups.push(Self::block(pieces));
    }
}
