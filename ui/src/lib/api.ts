// The one module that talks to Rust. Every command has a typed wrapper here; the types
// come from Rust through ts-rs (src/lib/bindings), never typed again by hand.
import { invoke, type Channel } from "@tauri-apps/api/core";

import type { AboutApp } from "./bindings/AboutApp";
import type { AddedAppointment } from "./bindings/AddedAppointment";
import type { ApiError } from "./bindings/ApiError";
import type { Appointment } from "./bindings/Appointment";
import type { AppointmentInput } from "./bindings/AppointmentInput";
import type { BackupPreview } from "./bindings/BackupPreview";
import type { CareContact } from "./bindings/CareContact";
import type { CareContactInput } from "./bindings/CareContactInput";
import type { Checkup } from "./bindings/Checkup";
import type { CheckupInput } from "./bindings/CheckupInput";
import type { Content } from "./bindings/Content";
import type { DiaryEntry } from "./bindings/DiaryEntry";
import type { DiaryInput } from "./bindings/DiaryInput";
import type { DiarySummary } from "./bindings/DiarySummary";
import type { DraftForm } from "./bindings/DraftForm";
import type { FirstScreen } from "./bindings/FirstScreen";
import type { Home } from "./bindings/Home";
import type { Microphone } from "./bindings/Microphone";
import type { NoteItem } from "./bindings/NoteItem";
import type { PackOptions } from "./bindings/PackOptions";
import type { PackPreview } from "./bindings/PackPreview";
import type { PackSettings } from "./bindings/PackSettings";
import type { Period } from "./bindings/Period";
import type { PlanQuestion } from "./bindings/PlanQuestion";
import type { RecordingMark } from "./bindings/RecordingMark";
import type { RecordingNow } from "./bindings/RecordingNow";
import type { RecordingRow } from "./bindings/RecordingRow";
import type { RecordingSaved } from "./bindings/RecordingSaved";
import type { Recovery } from "./bindings/Recovery";
import type { RemovedItem } from "./bindings/RemovedItem";
import type { RemovedKind } from "./bindings/RemovedKind";
import type { SavedFile } from "./bindings/SavedFile";
import type { SavedCalendar } from "./bindings/SavedCalendar";
import type { SavedPack } from "./bindings/SavedPack";
import type { Safety } from "./bindings/Safety";
import type { ScreenSettings } from "./bindings/ScreenSettings";
import type { TextSize } from "./bindings/TextSize";
import type { Theme } from "./bindings/Theme";
import type { SearchHit } from "./bindings/SearchHit";
import type { Snapshot } from "./bindings/Snapshot";
import type { StepProgress } from "./bindings/StepProgress";
import type { TopQuestion } from "./bindings/TopQuestion";
import type { Treatment } from "./bindings/Treatment";
import type { TreatmentInput } from "./bindings/TreatmentInput";

export type {
  AboutApp,
  AddedAppointment,
  ApiError,
  Appointment,
  AppointmentInput,
  BackupPreview,
  CareContact,
  CareContactInput,
  Checkup,
  CheckupInput,
  Content,
  DiaryEntry,
  DiaryInput,
  DraftForm,
  FirstScreen,
  Home,
  Microphone,
  NoteItem,
  PackOptions,
  PackPreview,
  PackSettings,
  PlanQuestion,
  RecordingMark,
  RecordingNow,
  RecordingRow,
  RecordingSaved,
  Recovery,
  RemovedItem,
  RemovedKind,
  Safety,
  SavedFile,
  SavedCalendar,
  SavedPack,
  ScreenSettings,
  TextSize,
  Theme,
  SearchHit,
  Snapshot,
  StepProgress,
  TopQuestion,
  Treatment,
  TreatmentInput,
};

const FALLBACK: ApiError = {
  kind: "internal",
  message: "Something went wrong inside ALK Companion. What you saved before is safe. Please try again.",
};

/** True for the `{ kind, message }` shape every command rejects with. */
export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ApiError).kind === "string" &&
    typeof (value as ApiError).message === "string"
  );
}

/** Turns anything a command throws into an ApiError the UI can show. */
export function asApiError(value: unknown): ApiError {
  return isApiError(value) ? value : FALLBACK;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw asApiError(error);
  }
}

/** `null` is the question list for an appointment not booked yet. */
type ListId = number | null;

export const api = {
  /** Everything the first screen shows, in one answer; `now` is local `YYYY-MM-DDTHH:MM`, and
   * `onClose` hears when the window is asked to close (the page answers with `closeWindow`). */
  firstScreen: (now: string, onClose: Channel<null>) => call<FirstScreen>("first_screen", { now, onClose }),
  /** What home and the banner show: the next appointment, its questions, the 24-hour line. */
  getHome: (now: string) => call<Home>("get_home", { now }),
  /** Shows the window, hidden until its first screen is ready to paint. */
  showWindow: () => call<null>("show_window"),
  /** The start-up benchmark's line, once the first screen is painted: in its build only. */
  firstScreenShown: (marks: [string, number][]) => call<null>("first_screen_shown", { marks }),
  /** All the information, questions and words: fetched once, after the first screen is painted. */
  getContent: () => call<Content>("get_content"),
  search: (query: string) => call<SearchHit[]>("search", { query }),

  listAppointments: () => call<Appointment[]>("list_appointments"),
  /** One appointment (`id`), or every one from `now` on (`id` null), as a calendar file; null if cancelled. */
  saveCalendar: (id: number | null, now: string) => call<SavedCalendar | null>("save_calendar", { id, now }),
  saveAppointment: (id: number | null, input: AppointmentInput) => call<Appointment>("save_appointment", { id, input }),
  /** Adds an appointment and moves the questions for the next one not booked yet onto it, all or nothing. */
  /** Adds one, moving the questions for the next one not booked yet onto it if it is the next coming from `now`. */
  addAppointment: (input: AppointmentInput, now: string) => call<AddedAppointment>("add_appointment", { input, now }),
  deleteAppointment: (id: number) => call<null>("delete_appointment", { id }),

  getPlan: (appointmentId: ListId) => call<PlanQuestion[]>("get_plan", { appointmentId }),
  chooseQuestion: (appointmentId: ListId, questionId: string, chosen: boolean) =>
    call<PlanQuestion[]>("choose_question", { appointmentId, questionId, chosen }),
  addOwnQuestion: (appointmentId: ListId, text: string) => call<PlanQuestion[]>("add_own_question", { appointmentId, text }),
  removePlanQuestion: (appointmentId: ListId, id: number) =>
    call<PlanQuestion[]>("remove_plan_question", { appointmentId, id }),
  movePlanQuestion: (appointmentId: ListId, id: number, up: boolean) =>
    call<PlanQuestion[]>("move_plan_question", { appointmentId, id, up }),
  setTopQuestion: (appointmentId: ListId, id: number, top: boolean) =>
    call<PlanQuestion[]>("set_top_question", { appointmentId, id, top }),
  answerQuestion: (id: number, answer: string, asked: boolean) => call<PlanQuestion>("answer_question", { id, answer, asked }),
  copyUnanswered: (from: ListId, to: ListId) => call<number>("copy_unanswered", { from, to }),
  moveUnbookedQuestions: (to: number) => call<number>("move_unbooked_questions", { to }),

  listNotes: () => call<NoteItem[]>("list_notes"),
  saveNote: (id: number | null, text: string, appointmentId: number | null) =>
    call<NoteItem>("save_note", { id, text, appointmentId }),
  deleteNote: (id: number) => call<null>("delete_note", { id }),
  restoreNote: (id: number) => call<NoteItem>("restore_note", { id }),
  listBin: () => call<NoteItem[]>("list_bin"),
  getNote: (id: number) => call<NoteItem>("get_note", { id }),

  listRemoved: () => call<RemovedItem[]>("list_removed"),
  restoreRemoved: (kind: RemovedKind, id: number) => call<null>("restore_removed", { kind, id }),
  emptyBin: () => call<null>("empty_bin"),

  listStepProgress: () => call<StepProgress[]>("list_step_progress"),
  saveStepProgress: (stepId: string, done: boolean, note: string) =>
    call<StepProgress>("save_step_progress", { stepId, done, note }),

  listTreatments: () => call<Treatment[]>("list_treatments"),
  saveTreatment: (id: number | null, input: TreatmentInput) => call<Treatment>("save_treatment", { id, input }),
  deleteTreatment: (id: number) => call<null>("delete_treatment", { id }),
  listDiary: (sinceLastAppointment: boolean, now: string) =>
    call<DiaryEntry[]>("list_diary", { sinceLastAppointment, now }),
  addDiaryEntry: (input: DiaryInput) => call<DiaryEntry>("add_diary_entry", { input }),
  deleteDiaryEntry: (id: number) => call<null>("delete_diary_entry", { id }),
  getDiaryChart: (period: Period, now: string) => call<DiarySummary>("get_diary_chart", { period, now }),
  listCheckups: () => call<Checkup[]>("list_checkups"),
  addCheckup: (input: CheckupInput) => call<Checkup>("add_checkup", { input }),
  deleteCheckup: (id: number) => call<null>("delete_checkup", { id }),
  listContacts: () => call<CareContact[]>("list_contacts"),
  saveContact: (id: number | null, input: CareContactInput) => call<CareContact>("save_contact", { id, input }),
  deleteContact: (id: number) => call<null>("delete_contact", { id }),

  /** `withRecordings`: the patient ticked to carry the recordings' sound in the file. */
  exportBackup: (withRecordings: boolean) => call<SavedFile | null>("export_backup", { withRecordings }),
  previewBackup: () => call<BackupPreview | null>("preview_backup"),
  importBackup: () => call<null>("import_backup"),
  deleteAllData: () => call<null>("delete_all_data"),
  listSnapshots: () => call<Snapshot[]>("list_snapshots"),
  previewSnapshot: (name: string) => call<BackupPreview>("preview_snapshot", { name }),
  restoreSnapshot: (name: string) => call<null>("restore_snapshot", { name }),
  deleteSnapshots: () => call<null>("delete_snapshots"),

  getPackSettings: () => call<PackSettings>("get_pack_settings"),
  previewPack: (settings: PackSettings, now: string) => call<PackPreview>("preview_pack", { settings, now }),
  savePack: (settings: PackSettings, now: string) => call<SavedPack | null>("save_pack", { settings, now }),
  openPack: () => call<null>("open_pack"),
  saveScreenSettings: (settings: ScreenSettings) => call<ScreenSettings>("save_screen_settings", { settings }),
  getAbout: () => call<AboutApp>("get_about"),
  openDataFolder: () => call<null>("open_data_folder"),
  /** Opens a web page the content lists, by its id, in the patient's own web browser. */
  openLink: (id: string) => call<null>("open_link", { id }),

  listMicrophones: () => call<Microphone[]>("list_microphones"),
  /** Whether the patient has read the page about recording with care. */
  getRecordingConsent: () => call<boolean>("get_recording_consent"),
  setRecordingConsentSeen: () => call<null>("set_recording_consent_seen"),
  /** `agreed`: the patient ticked "My doctor or nurse has agreed" for this recording. */
  startRecording: (appointmentId: number, microphoneId: string | null, agreed: boolean) =>
    call<RecordingNow>("start_recording", { appointmentId, microphoneId, agreed }),
  recordingNow: () => call<RecordingNow | null>("recording_now"),
  stopRecording: () => call<RecordingSaved>("stop_recording"),
  /** Keeps the moment now on a question of the appointment being recorded; again moves it. */
  markAnswer: (planQuestionId: number) => call<RecordingMark>("mark_answer", { planQuestionId }),
  listRecordings: (appointmentId: number) => call<RecordingRow[]>("list_recordings", { appointmentId }),
  removeRecording: (id: number) => call<null>("remove_recording", { id }),
  /** How many bytes the recordings' sound takes on this computer. */
  recordingsSize: () => call<number>("recordings_size"),
  dismissRecoveredRecordings: () => call<null>("dismiss_recovered_recordings"),
  /** A copy through the save dialog: the file's name, or null if cancelled. */
  saveRecordingCopy: (id: number) => call<string | null>("save_recording_copy", { id }),

  /** What was half typed in a form, by box name; empty when nothing was. */
  getDraft: (form: DraftForm) => call<Record<string, string>>("get_draft", { form }),
  saveDraft: (form: DraftForm, fields: Record<string, string>) => call<null>("save_draft", { form, fields }),
  /** `saved` lets the window close; false keeps it open, with the words still in their boxes. */
  closeWindow: (saved: boolean) => call<null>("close_window", { saved }),
};
