//! The front page: who the pack is for, the appointment, when to get help, how to use the pack,
//! what a clinician has checked and the web pages the content names.

use super::composition::Builder;
use super::fonts::Face;
use super::layout::{Group, Piece};
use super::tags::Structure;

impl Builder<'_> {
    pub(super) fn cover(&self, groups: &mut Vec<Group>) {
        let m = self.m;
        let mut pieces = self.lines("My appointment pack", Face::Bold, m.title, 0.0);
        let title = Structure::Heading { depth: 0, body_from: pieces.len() };
        let name = self.request.patient_name.trim();
        if !name.is_empty() {
            pieces.extend(self.lines(name, Face::Bold, m.heading, 0.0));
        }
        groups.push(Group { bookmark: Some("My appointment pack".into()), structure: title, ..Self::block(pieces) });
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
        groups.push(Group { structure: Structure::heading(1), ..self.subheading("How to use this pack") });
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
