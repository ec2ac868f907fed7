//! Recordings against a simple model, driven by random sequences: record an appointment, mark
//! answers, remove and bring back recordings, questions and appointments, empty the bin, delete
//! everything, back up and bring the backup in. After every step the store must list what the
//! model lists, and must have said to erase exactly the audio files whose rows went for good:
//! never one still on a list or in the bin, never one twice.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicUsize, Ordering};

use alk_core::model::AppointmentInput;
use alk_core::store::{Backup, RemovedKind, Store};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

const SEQUENCES: u32 = 500;

#[derive(Debug, Clone)]
enum Op {
    AddAppointment,
    RemoveAppointment(usize),
    RestoreAppointment(usize),
    AddQuestion(usize),
    RemoveQuestion(usize),
    RestoreQuestion(usize),
    Record(usize),
    Finish(usize, u32),
    Mark(usize, usize, u32),
    RemoveRecording(usize),
    RestoreRecording(usize),
    EmptyBin,
    DeleteAll,
    BackupRoundTrip,
}

fn op() -> impl Strategy<Value = Op> {
    let i = || 0usize..6;
    prop_oneof![
        2 => Just(Op::AddAppointment),
        1 => i().prop_map(Op::RemoveAppointment),
        1 => i().prop_map(Op::RestoreAppointment),
        3 => i().prop_map(Op::AddQuestion),
        1 => i().prop_map(Op::RemoveQuestion),
        1 => i().prop_map(Op::RestoreQuestion),
        3 => i().prop_map(Op::Record),
        2 => (i(), 1u32..4_000_000).prop_map(|(r, ms)| Op::Finish(r, ms)),
        4 => (i(), i(), 0u32..4_000_000).prop_map(|(r, q, at)| Op::Mark(r, q, at)),
        1 => i().prop_map(Op::RemoveRecording),
        1 => i().prop_map(Op::RestoreRecording),
        1 => Just(Op::EmptyBin),
        1 => Just(Op::DeleteAll),
        1 => Just(Op::BackupRoundTrip),
    ]
}

#[derive(Debug, Clone)]
struct Row {
    id: i64,
    appointment: i64,
    binned: bool,
}

#[derive(Debug, Clone)]
struct Recording {
    row: Row,
    file: String,
    duration_ms: i64,
    /// Question id to where it was answered.
    marks: BTreeMap<i64, i64>,
}

#[derive(Debug, Default)]
struct Model {
    appointments: Vec<(i64, bool)>,
    questions: Vec<Row>,
    recordings: Vec<Recording>,
    /// Files whose rows went for good, each once.
    erased: Vec<String>,
    files_made: usize,
}

fn nth<T: Clone>(items: impl Iterator<Item = T>, i: usize) -> Option<T> {
    let all: Vec<T> = items.collect();
    (!all.is_empty()).then(|| all[i % all.len()].clone())
}

impl Model {
    fn live_appointment(&self, i: usize) -> Option<i64> {
        nth(self.appointments.iter().filter(|a| !a.1).map(|a| a.0), i)
    }

    fn question_live(&self, id: i64) -> bool {
        self.questions.iter().any(|q| q.id == id && !q.binned)
    }

    /// What the store lists: each appointment's recordings on its list, with the marks on
    /// questions on their lists, earliest first; and the recordings in the bin.
    fn seen(&self) -> String {
        let mut lists = Vec::new();
        for &(appointment, _) in &self.appointments {
            let mut rows: Vec<&Recording> =
                self.recordings.iter().filter(|r| r.row.appointment == appointment && !r.row.binned).collect();
            rows.sort_by_key(|r| r.row.id);
            let rows: Vec<_> = rows
                .into_iter()
                .map(|r| {
                    let mut marks: Vec<(i64, i64)> =
                        r.marks.iter().filter(|(q, _)| self.question_live(**q)).map(|(q, at)| (*at, *q)).collect();
                    marks.sort_unstable();
                    (r.row.id, r.duration_ms, marks)
                })
                .collect();
            lists.push((appointment, rows));
        }
        let bin: BTreeSet<i64> = self.recordings.iter().filter(|r| r.row.binned).map(|r| r.row.id).collect();
        format!("lists {lists:?}\nbin {bin:?}")
    }
}

fn seen_in_store(store: &Store, model: &Model) -> String {
    let lists: Vec<_> = model
        .appointments
        .iter()
        .map(|&(appointment, _)| {
            let rows: Vec<_> = store
                .recordings(appointment)
                .unwrap()
                .into_iter()
                .map(|r| {
                    (r.id, r.duration_ms, r.marks.iter().map(|m| (m.at_ms, m.plan_question_id)).collect::<Vec<_>>())
                })
                .collect();
            (appointment, rows)
        })
        .collect();
    let bin: BTreeSet<i64> =
        store.removed().unwrap().into_iter().filter(|r| r.kind == RemovedKind::Recording).map(|r| r.id).collect();
    format!("lists {lists:?}\nbin {bin:?}")
}

fn step(store: &mut Store, model: &mut Model, op: &Op) -> Result<(), String> {
    let text = |e: alk_core::Error| e.to_string();
    match *op {
        Op::AddAppointment => {
            let input = AppointmentInput {
                starts_at: "2030-01-15T14:30".into(),
                with_whom: String::new(),
                place: String::new(),
                purpose: String::new(),
            };
            let a = store.add_appointment(&input).map_err(text)?;
            model.appointments.push((a.id, false));
        }
        Op::RemoveAppointment(i) => {
            let Some(id) = model.live_appointment(i) else { return Ok(()) };
            store.delete_appointment(id).map_err(text)?;
            model.appointments.iter_mut().filter(|a| a.0 == id).for_each(|a| a.1 = true);
        }
        Op::RestoreAppointment(i) => {
            let Some(id) = nth(model.appointments.iter().filter(|a| a.1).map(|a| a.0), i) else { return Ok(()) };
            store.restore_removed(RemovedKind::Appointment, id).map_err(text)?;
            model.appointments.iter_mut().filter(|a| a.0 == id).for_each(|a| a.1 = false);
        }
        Op::AddQuestion(i) => {
            let Some(appointment) = model.live_appointment(i) else { return Ok(()) };
            let q = store.add_own_question(Some(appointment), "What did the scan show?").map_err(text)?;
            model.questions.push(Row { id: q.id, appointment, binned: false });
        }
        Op::RemoveQuestion(i) => {
            let Some(id) = nth(model.questions.iter().filter(|q| !q.binned).map(|q| q.id), i) else { return Ok(()) };
            store.remove_plan_question(id).map_err(text)?;
            model.questions.iter_mut().filter(|q| q.id == id).for_each(|q| q.binned = true);
        }
        Op::RestoreQuestion(i) => {
            let Some(id) = nth(model.questions.iter().filter(|q| q.binned).map(|q| q.id), i) else { return Ok(()) };
            store.restore_removed(RemovedKind::Question, id).map_err(text)?;
            model.questions.iter_mut().filter(|q| q.id == id).for_each(|q| q.binned = false);
        }
        Op::Record(i) => {
            let Some(appointment) = model.live_appointment(i) else { return Ok(()) };
            model.files_made += 1;
            let file = format!("{:032x}.mp3", model.files_made);
            let r = store.add_recording(appointment, &file, "2030-01-15T14:35").map_err(text)?;
            let row = Row { id: r.id, appointment, binned: false };
            model.recordings.push(Recording { row, file, duration_ms: 0, marks: BTreeMap::new() });
        }
        Op::Finish(i, ms) => {
            let Some(at) = nth(0..model.recordings.len(), i) else { return Ok(()) };
            let file = model.recordings[at].file.clone();
            store.finish_recording(&file, i64::from(ms), false).map_err(text)?.ok_or("the row was not found")?;
            model.recordings[at].duration_ms = i64::from(ms);
        }
        Op::Mark(r, q, ms) => {
            let Some(at) = nth(0..model.recordings.len(), r) else { return Ok(()) };
            let Some(question) = nth(model.questions.iter().map(|q| q.id), q) else { return Ok(()) };
            let recording = &model.recordings[at];
            let fits = model
                .questions
                .iter()
                .any(|o| o.id == question && !o.binned && o.appointment == recording.row.appointment);
            match store.mark_answer(&recording.file, question, i64::from(ms)) {
                Ok(_) if fits => _ = model.recordings[at].marks.insert(question, i64::from(ms)),
                Err(e) if !fits && e.kind() == alk_core::ErrorKind::NotFound => {}
                other => return Err(format!("marking {question} (fits: {fits}) gave {other:?}")),
            }
        }
        Op::RemoveRecording(i) => {
            let Some(id) = nth(model.recordings.iter().filter(|r| !r.row.binned).map(|r| r.row.id), i) else {
                return Ok(());
            };
            store.remove_recording(id).map_err(text)?;
            model.recordings.iter_mut().filter(|r| r.row.id == id).for_each(|r| r.row.binned = true);
        }
        Op::RestoreRecording(i) => {
            let Some(id) = nth(model.recordings.iter().filter(|r| r.row.binned).map(|r| r.row.id), i) else {
                return Ok(());
            };
            store.restore_removed(RemovedKind::Recording, id).map_err(text)?;
            model.recordings.iter_mut().filter(|r| r.row.id == id).for_each(|r| r.row.binned = false);
        }
        Op::EmptyBin => {
            store.empty_bin().map_err(text)?;
            let gone: Vec<i64> = model.appointments.iter().filter(|a| a.1).map(|a| a.0).collect();
            model.appointments.retain(|a| !a.1);
            model.questions.retain(|q| !q.binned && !gone.contains(&q.appointment));
            let (erased, kept) = std::mem::take(&mut model.recordings)
                .into_iter()
                .partition(|r| r.row.binned || gone.contains(&r.row.appointment));
            model.recordings = kept;
            let erased: Vec<Recording> = erased;
            model.erased.extend(erased.into_iter().map(|r| r.file));
            let live: Vec<i64> = model.questions.iter().map(|q| q.id).collect();
            for r in &mut model.recordings {
                r.marks.retain(|q, _| live.contains(q));
            }
        }
        Op::DeleteAll => {
            store.delete_all().map_err(text)?;
            let erased: Vec<String> = model.recordings.iter().map(|r| r.file.clone()).collect();
            let files_made = model.files_made;
            *model = Model { erased: std::mem::take(&mut model.erased), files_made, ..Model::default() };
            model.erased.extend(erased);
        }
        Op::BackupRoundTrip => {
            let bytes = serde_json::to_vec(&store.export_backup().map_err(text)?).unwrap();
            let backup = Backup::parse(&bytes).map_err(|e| format!("own backup refused: {}", e.plain_message()))?;
            store.import_backup(&backup).map_err(text)?;
        }
    }
    Ok(())
}

#[test]
fn recordings_agree_with_a_simple_model_and_each_erased_file_is_said_once() {
    static SEQUENCES_RUN: AtomicUsize = AtomicUsize::new(0);
    static STEPS_RUN: AtomicUsize = AtomicUsize::new(0);
    static ERASED: AtomicUsize = AtomicUsize::new(0);
    let mut runner = TestRunner::new(Config { cases: SEQUENCES, failure_persistence: None, ..Config::default() });
    let result = runner.run(&proptest::collection::vec(op(), 1..50), |ops| {
        SEQUENCES_RUN.fetch_add(1, Ordering::Relaxed);
        let mut store = Store::open_in_memory().unwrap();
        let mut model = Model::default();
        let mut erased = Vec::new();
        for (n, op) in ops.iter().enumerate() {
            STEPS_RUN.fetch_add(1, Ordering::Relaxed);
            step(&mut store, &mut model, op).map_err(|e| TestCaseError::fail(format!("step {n} {op:?}: {e}")))?;
            prop_assert_eq!(seen_in_store(&store, &model), model.seen(), "after step {} {:?}", n, op);
            erased.extend(store.take_erased_recordings());
            let (mut said, mut expected) = (erased.clone(), model.erased.clone());
            said.sort();
            expected.sort();
            prop_assert_eq!(said, expected, "erased files after step {} {:?}", n, op);
        }
        ERASED.fetch_add(erased.len(), Ordering::Relaxed);
        Ok(())
    });
    let (sequences, steps) = (SEQUENCES_RUN.load(Ordering::Relaxed), STEPS_RUN.load(Ordering::Relaxed));
    let erased = ERASED.load(Ordering::Relaxed);
    println!(
        "recordings model: {sequences} sequences, {steps} operations, {erased} files erased, agreed: {}",
        result.is_ok()
    );
    if let Err(e) = result {
        panic!("the store and the model disagree: {e}");
    }
}
