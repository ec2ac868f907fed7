//! The store against a simple model of the record, driven by random sequences of what the UI
//! does: save and switch notes, remove and bring back, choose, reorder, top 3, answer, back up
//! and bring the backup in, delete everything, empty the bin. After every step the store and
//! the model must show the patient the same things.

use std::sync::atomic::{AtomicUsize, Ordering};

use alk_core::model::AppointmentInput;
use alk_core::store::{Backup, RemovedKind, Store, MAX_TOP};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// How many random sequences the test command runs.
const SEQUENCES: u32 = 1_000;
const LIBRARY: [&str; 5] = ["tki-which", "ask3-options", "ask3-support", "scan-how-often", "trial-join"];
const WORDS: [&str; 6] =
    ["Note A", "Note B", "therapies", "Zoë’s łódź ✓", "مرحبا", "a much longer answer\nwith two lines"];

#[derive(Debug, Clone)]
enum Op {
    NewNote(usize),
    EditNote(usize, usize),
    RemoveNote(usize),
    RestoreNote(usize),
    AddAppointment(u8),
    RemoveAppointment(usize),
    RestoreAppointment(usize),
    Choose(usize, usize),
    Unchoose(usize, usize),
    AddOwn(usize, usize),
    RemoveQuestion(usize, usize),
    RestoreQuestion(usize),
    Move(usize, usize, bool),
    Top(usize, usize, bool),
    Answer(usize, usize, usize),
    BackupRoundTrip,
    DeleteAll,
    EmptyBin,
}

fn op() -> impl Strategy<Value = Op> {
    let i = || 0usize..8;
    prop_oneof![
        3 => (0..WORDS.len()).prop_map(Op::NewNote),
        3 => (i(), 0..WORDS.len()).prop_map(|(a, b)| Op::EditNote(a, b)),
        1 => i().prop_map(Op::RemoveNote),
        1 => i().prop_map(Op::RestoreNote),
        2 => (0u8..28).prop_map(Op::AddAppointment),
        1 => i().prop_map(Op::RemoveAppointment),
        1 => i().prop_map(Op::RestoreAppointment),
        4 => (i(), 0..LIBRARY.len()).prop_map(|(a, b)| Op::Choose(a, b)),
        2 => (i(), 0..LIBRARY.len()).prop_map(|(a, b)| Op::Unchoose(a, b)),
        2 => (i(), 0..WORDS.len()).prop_map(|(a, b)| Op::AddOwn(a, b)),
        2 => (i(), i()).prop_map(|(a, b)| Op::RemoveQuestion(a, b)),
        1 => i().prop_map(Op::RestoreQuestion),
        3 => (i(), i(), any::<bool>()).prop_map(|(a, b, c)| Op::Move(a, b, c)),
        3 => (i(), i(), any::<bool>()).prop_map(|(a, b, c)| Op::Top(a, b, c)),
        2 => (i(), i(), 0..WORDS.len()).prop_map(|(a, b, c)| Op::Answer(a, b, c)),
        1 => Just(Op::BackupRoundTrip),
        1 => Just(Op::DeleteAll),
        1 => Just(Op::EmptyBin),
    ]
}

#[derive(Debug, Clone)]
struct Note {
    id: i64,
    text: String,
    appointment: Option<i64>,
    binned: bool,
}

#[derive(Debug, Clone)]
struct Appointment {
    id: i64,
    starts_at: String,
    binned: bool,
}

#[derive(Debug, Clone)]
struct Question {
    id: i64,
    list: Option<i64>,
    library: Option<String>,
    own: Option<String>,
    top: bool,
    answer: String,
    binned: bool,
    /// Order of arrival at the end of the list; moving and bringing back renumber.
    place: i64,
}

#[derive(Debug, Default, Clone)]
struct Model {
    notes: Vec<Note>,
    appointments: Vec<Appointment>,
    questions: Vec<Question>,
}

impl Model {
    fn lists(&self) -> Vec<Option<i64>> {
        let mut lists = vec![None];
        lists.extend(self.appointments.iter().filter(|a| !a.binned).map(|a| Some(a.id)));
        lists
    }

    fn pick_list(&self, i: usize) -> Option<i64> {
        let lists = self.lists();
        lists[i % lists.len()]
    }

    /// A list as the patient sees it: top 3 first, then in their order.
    fn plan(&self, list: Option<i64>) -> Vec<Question> {
        let mut plan: Vec<Question> = self.questions.iter().filter(|q| q.list == list && !q.binned).cloned().collect();
        plan.sort_by_key(|q| (!q.top, q.place, q.id));
        plan
    }

    fn next_place(&self, list: Option<i64>) -> i64 {
        self.questions.iter().filter(|q| q.list == list).map(|q| q.place).max().unwrap_or(0) + 1
    }

    fn question(&mut self, id: i64) -> &mut Question {
        self.questions.iter_mut().find(|q| q.id == id).expect("a question the model knows")
    }

    fn restore_question(&mut self, id: i64) -> bool {
        let q = self.questions.iter().find(|q| q.id == id).cloned().expect("known");
        let doubled = q.library.is_some()
            && self.questions.iter().any(|o| o.list == q.list && o.library == q.library && !o.binned);
        if doubled {
            return false;
        }
        let mut order: Vec<Question> =
            self.questions.iter().filter(|o| o.list == q.list && !o.binned).cloned().collect();
        order.sort_by_key(|o| (o.place, o.id));
        let top = q.top && order.iter().filter(|o| o.top).count() < MAX_TOP;
        // Back in its place: before the first at or after its old place. A top 3 mark refused
        // for want of room puts it first below the top 3.
        let at =
            order.iter().position(|o| if q.top && !top { !o.top } else { o.place >= q.place }).unwrap_or(order.len());
        let mut ids: Vec<i64> = order.iter().map(|o| o.id).collect();
        ids.insert(at, id);
        for (place, id) in (1..).zip(ids) {
            self.question(id).place = place;
        }
        let q = self.question(id);
        q.binned = false;
        q.top = top;
        true
    }

    /// A backup numbers each list 1, 2, 3... in stored order, the bin after.
    fn number_as_a_backup_does(&mut self) {
        let mut order: Vec<(Option<i64>, bool, i64, i64)> =
            self.questions.iter().map(|q| (q.list, q.binned, q.place, q.id)).collect();
        order.sort();
        let mut last: Option<(Option<i64>, i64)> = None;
        for (list, _, _, id) in order {
            let place = match last {
                Some((l, place)) if l == list => place + 1,
                _ => 1,
            };
            self.question(id).place = place;
            last = Some((list, place));
        }
    }
}

/// What the patient can see, from the store, in a form to compare with the model's.
fn seen_in_store(store: &Store, model: &Model) -> String {
    let mut notes: Vec<_> = store.notes().unwrap().into_iter().map(|n| (n.id, n.text, n.appointment_id)).collect();
    notes.sort();
    let mut bin: Vec<_> = store.bin().unwrap().into_iter().map(|n| n.id).collect();
    bin.sort();
    let appointments: Vec<_> = store.appointments().unwrap().into_iter().map(|a| (a.id, a.fields.starts_at)).collect();
    let plans: Vec<_> = model
        .lists()
        .into_iter()
        .map(|list| {
            store
                .plan(list)
                .unwrap()
                .into_iter()
                .map(|q| (q.id, q.question_id.or(q.own_text).unwrap_or_default(), q.top3, q.answer))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut removed: Vec<_> = store.removed().unwrap().into_iter().map(|r| (r.kind, r.id)).collect();
    removed.sort();
    format!("notes {notes:?}\nbin {bin:?}\nappointments {appointments:?}\nplans {plans:?}\nremoved {removed:?}")
}

fn seen_in_model(model: &Model) -> String {
    let mut notes: Vec<_> =
        model.notes.iter().filter(|n| !n.binned).map(|n| (n.id, n.text.clone(), n.appointment)).collect();
    notes.sort();
    let mut bin: Vec<_> = model.notes.iter().filter(|n| n.binned).map(|n| n.id).collect();
    bin.sort();
    let mut appointments: Vec<_> =
        model.appointments.iter().filter(|a| !a.binned).map(|a| (a.id, a.starts_at.clone())).collect();
    appointments.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    let plans: Vec<_> = model
        .lists()
        .into_iter()
        .map(|list| {
            model
                .plan(list)
                .into_iter()
                .map(|q| (q.id, q.library.or(q.own).unwrap_or_default(), q.top, q.answer))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut removed: Vec<(RemovedKind, i64)> = Vec::new();
    removed.extend(model.notes.iter().filter(|n| n.binned).map(|n| (RemovedKind::Note, n.id)));
    removed.extend(model.appointments.iter().filter(|a| a.binned).map(|a| (RemovedKind::Appointment, a.id)));
    removed.extend(model.questions.iter().filter(|q| q.binned).map(|q| (RemovedKind::Question, q.id)));
    removed.sort();
    format!("notes {notes:?}\nbin {bin:?}\nappointments {appointments:?}\nplans {plans:?}\nremoved {removed:?}")
}

fn nth<T: Clone>(items: impl Iterator<Item = T>, i: usize) -> Option<T> {
    let all: Vec<T> = items.collect();
    if all.is_empty() {
        None
    } else {
        Some(all[i % all.len()].clone())
    }
}

/// Does one step to both; an error from the store must be one the model expects.
fn step(store: &mut Store, model: &mut Model, op: &Op) -> Result<(), String> {
    match *op {
        Op::NewNote(w) => {
            let note = store.save_note(None, WORDS[w], None).map_err(|e| e.to_string())?;
            model.notes.push(Note { id: note.id, text: WORDS[w].into(), appointment: None, binned: false });
        }
        Op::EditNote(i, w) => {
            let Some(note) = nth(model.notes.iter().filter(|n| !n.binned).cloned(), i) else { return Ok(()) };
            // The note keeps its appointment, as the note box does when only the words change.
            store.save_note(Some(note.id), WORDS[w], note.appointment).map_err(|e| e.to_string())?;
            model.notes.iter_mut().find(|n| n.id == note.id).unwrap().text = WORDS[w].into();
        }
        Op::RemoveNote(i) => {
            let Some(note) = nth(model.notes.iter().filter(|n| !n.binned).cloned(), i) else { return Ok(()) };
            store.delete_note(note.id).map_err(|e| e.to_string())?;
            model.notes.iter_mut().find(|n| n.id == note.id).unwrap().binned = true;
        }
        Op::RestoreNote(i) => {
            let Some(note) = nth(model.notes.iter().filter(|n| n.binned).cloned(), i) else { return Ok(()) };
            store.restore_removed(RemovedKind::Note, note.id).map_err(|e| e.to_string())?;
            model.notes.iter_mut().find(|n| n.id == note.id).unwrap().binned = false;
        }
        Op::AddAppointment(day) => {
            let starts_at = format!("2027-02-{:02}T10:30", day + 1);
            let input = AppointmentInput {
                starts_at: starts_at.clone(),
                with_whom: "Dr Nowak".into(),
                place: String::new(),
                purpose: String::new(),
            };
            let a = store.add_appointment(&input).map_err(|e| e.to_string())?;
            model.appointments.push(Appointment { id: a.id, starts_at, binned: false });
        }
        Op::RemoveAppointment(i) => {
            let Some(a) = nth(model.appointments.iter().filter(|a| !a.binned).cloned(), i) else { return Ok(()) };
            store.delete_appointment(a.id).map_err(|e| e.to_string())?;
            model.appointments.iter_mut().find(|x| x.id == a.id).unwrap().binned = true;
        }
        Op::RestoreAppointment(i) => {
            let Some(a) = nth(model.appointments.iter().filter(|a| a.binned).cloned(), i) else { return Ok(()) };
            store.restore_removed(RemovedKind::Appointment, a.id).map_err(|e| e.to_string())?;
            model.appointments.iter_mut().find(|x| x.id == a.id).unwrap().binned = false;
        }
        Op::Choose(l, q) => {
            let list = model.pick_list(l);
            store.add_library_question(list, LIBRARY[q]).map_err(|e| e.to_string())?;
            let same = |x: &Question| x.list == list && x.library.as_deref() == Some(LIBRARY[q]);
            if model.questions.iter().any(|x| same(x) && !x.binned) {
                return Ok(());
            }
            if let Some(binned) = model.questions.iter().find(|x| same(x)).map(|x| x.id) {
                assert!(model.restore_question(binned));
            } else {
                let id = store
                    .plan(list)
                    .unwrap()
                    .into_iter()
                    .find(|x| x.question_id.as_deref() == Some(LIBRARY[q]))
                    .unwrap()
                    .id;
                let place = model.next_place(list);
                model.questions.push(Question {
                    id,
                    list,
                    library: Some(LIBRARY[q].into()),
                    own: None,
                    top: false,
                    answer: String::new(),
                    binned: false,
                    place,
                });
            }
        }
        Op::Unchoose(l, q) => {
            let list = model.pick_list(l);
            store.remove_library_question(list, LIBRARY[q]).map_err(|e| e.to_string())?;
            for x in model.questions.iter_mut() {
                if x.list == list && x.library.as_deref() == Some(LIBRARY[q]) {
                    x.binned = true;
                }
            }
        }
        Op::AddOwn(l, w) => {
            let list = model.pick_list(l);
            let q = store.add_own_question(list, WORDS[w]).map_err(|e| e.to_string())?;
            let place = model.next_place(list);
            model.questions.push(Question {
                id: q.id,
                list,
                library: None,
                own: Some(WORDS[w].trim().into()),
                top: false,
                answer: String::new(),
                binned: false,
                place,
            });
        }
        Op::RemoveQuestion(l, i) => {
            let Some(q) = nth(model.plan(model.pick_list(l)).into_iter(), i) else { return Ok(()) };
            store.remove_plan_question(q.id).map_err(|e| e.to_string())?;
            model.question(q.id).binned = true;
        }
        Op::RestoreQuestion(i) => {
            let Some(q) = nth(model.questions.iter().filter(|q| q.binned).cloned(), i) else { return Ok(()) };
            let expected = model.clone().restore_question(q.id);
            let result = store.restore_removed(RemovedKind::Question, q.id);
            if result.is_ok() != expected {
                return Err(format!("restore question: store {result:?}, model expected ok = {expected}"));
            }
            if expected {
                model.restore_question(q.id);
            }
        }
        Op::Move(l, i, up) => {
            let list = model.pick_list(l);
            let plan = model.plan(list);
            let Some(q) = nth(plan.iter().cloned(), i) else { return Ok(()) };
            store.move_plan_question(q.id, up).map_err(|e| e.to_string())?;
            let index = plan.iter().position(|x| x.id == q.id).unwrap();
            let other = if up { index.checked_sub(1) } else { Some(index + 1) };
            if let Some(other) = other.filter(|&o| o < plan.len() && plan[o].top == q.top) {
                let mut order: Vec<i64> = plan.iter().map(|x| x.id).collect();
                order.swap(index, other);
                for (place, id) in (1..).zip(order) {
                    model.question(id).place = place;
                }
            }
        }
        Op::Top(l, i, top) => {
            let list = model.pick_list(l);
            let plan = model.plan(list);
            let Some(q) = nth(plan.iter().cloned(), i) else { return Ok(()) };
            let refused = top && !q.top && plan.iter().filter(|x| x.top).count() >= MAX_TOP;
            let result = store.set_top3(q.id, top);
            if result.is_err() != refused {
                return Err(format!("top 3: store {result:?}, model expected refused = {refused}"));
            }
            if !refused {
                model.question(q.id).top = top;
            }
        }
        Op::Answer(l, i, w) => {
            let Some(q) = nth(model.plan(model.pick_list(l)).into_iter(), i) else { return Ok(()) };
            store.answer_plan_question(q.id, WORDS[w], true).map_err(|e| e.to_string())?;
            model.question(q.id).answer = WORDS[w].into();
        }
        Op::BackupRoundTrip => {
            let bytes = serde_json::to_vec(&store.export_backup().map_err(|e| e.to_string())?).unwrap();
            let backup = Backup::parse(&bytes).map_err(|e| format!("own backup refused: {}", e.plain_message()))?;
            store.import_backup(&backup).map_err(|e| e.to_string())?;
            model.number_as_a_backup_does();
        }
        Op::DeleteAll => {
            store.delete_all().map_err(|e| e.to_string())?;
            *model = Model::default();
        }
        Op::EmptyBin => {
            store.empty_bin().map_err(|e| e.to_string())?;
            let gone: Vec<i64> = model.appointments.iter().filter(|a| a.binned).map(|a| a.id).collect();
            model.appointments.retain(|a| !a.binned);
            model.notes.retain(|n| !n.binned);
            model.questions.retain(|q| !q.binned && !q.list.is_some_and(|l| gone.contains(&l)));
            for note in model.notes.iter_mut() {
                if note.appointment.is_some_and(|a| gone.contains(&a)) {
                    note.appointment = None;
                }
            }
        }
    }
    Ok(())
}

#[test]
fn the_store_agrees_with_a_simple_model_of_the_record() {
    static SEQUENCES_RUN: AtomicUsize = AtomicUsize::new(0);
    static STEPS_RUN: AtomicUsize = AtomicUsize::new(0);
    let mut runner = TestRunner::new(Config { cases: SEQUENCES, failure_persistence: None, ..Config::default() });
    let result = runner.run(&proptest::collection::vec(op(), 1..40), |ops| {
        SEQUENCES_RUN.fetch_add(1, Ordering::Relaxed);
        let mut store = Store::open_in_memory().unwrap();
        let mut model = Model::default();
        for (n, op) in ops.iter().enumerate() {
            STEPS_RUN.fetch_add(1, Ordering::Relaxed);
            step(&mut store, &mut model, op).map_err(|e| TestCaseError::fail(format!("step {n} {op:?}: {e}")))?;
            let (seen, expected) = (seen_in_store(&store, &model), seen_in_model(&model));
            prop_assert_eq!(seen, expected, "after step {} {:?}", n, op);
        }
        Ok(())
    });
    let (sequences, steps) = (SEQUENCES_RUN.load(Ordering::Relaxed), STEPS_RUN.load(Ordering::Relaxed));
    let disagreements = usize::from(result.is_err());
    println!("record model: {sequences} sequences, {steps} operations, {disagreements} disagreements");
    if let Err(e) = result {
        panic!("the store and the model disagree: {e}");
    }
}
