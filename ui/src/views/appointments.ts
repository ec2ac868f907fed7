import { api, asApiError, type Appointment, type AppointmentInput, type CareContact } from "../lib/api";
import { appointmentTime } from "../lib/dates";
import { h, replace } from "../lib/dom";
import { askFirst, offerUndo } from "../lib/confirm";
import { field, localNow, messageLine } from "../lib/forms";
import { defaultList } from "./questions";

import { APPOINTMENTS_CHANGED } from "../lib/events";

/** Add, change and remove appointments; upcoming ones first, then past ones. */
export async function renderAppointments(): Promise<HTMLElement> {
  const message = messageLine();
  const listMessage = messageLine();
  const upcoming = h("ul", { class: "cards", id: "upcoming" });
  const past = h("ul", { class: "cards", id: "past" });
  const date = h("input", { type: "date", id: "appt-date", required: true });
  const time = h("input", { type: "time", id: "appt-time", required: true, value: "09:00" });
  const withWhom = h("input", { type: "text", id: "appt-with" });
  const place = h("input", { type: "text", id: "appt-place" });
  const purpose = h("input", { type: "text", id: "appt-purpose" });
  const submit = h("button", { type: "submit", class: "primary" }, "Add appointment");
  const cancel = h("button", { type: "button", class: "secondary", hidden: true }, "Stop changing");
  let editing: number | null = null;

  const setEditing = (appointment: Appointment | null) => {
    editing = appointment?.id ?? null;
    const [d, t] = appointment ? appointment.startsAt.split("T") : ["", "09:00"];
    date.value = d ?? "";
    time.value = t ?? "09:00";
    withWhom.value = appointment?.withWhom ?? "";
    place.value = appointment?.place ?? "";
    purpose.value = appointment?.purpose ?? "";
    submit.textContent = appointment ? "Save changes" : "Add appointment";
    cancel.hidden = !appointment;
    if (appointment) date.focus();
  };

  const refresh = async () => {
    const all = await api.listAppointments();
    // The banner with the next appointment listens for this.
    document.dispatchEvent(new CustomEvent(APPOINTMENTS_CHANGED));
    const now = localNow();
    const card = (a: Appointment) => {
      const edit = h("button", { type: "button", class: "secondary" }, "Change");
      edit.addEventListener("click", () => setEditing(a));
      const remove = h("button", { type: "button", class: "secondary", "aria-label": `Remove the appointment on ${appointmentTime(a.startsAt)}` }, "Remove");
      const confirmBox = h("div", { class: "confirm-box" });
      remove.addEventListener("click", async () => {
        const sure = await askFirst(confirmBox, {
          text: `Remove the appointment on ${appointmentTime(a.startsAt)}? Its questions and answers go with it to the bin, where they stay for 30 days. Its notes stay in My notes.`,
          yes: "Yes, remove it",
          no: "No, keep it",
        });
        if (!sure) return;
        try {
          await api.deleteAppointment(a.id);
          offerUndo(listMessage, `The appointment on ${appointmentTime(a.startsAt)} is removed.`, () => api.restoreRemoved("appointment", a.id), refresh);
          await refresh();
          listMessage.querySelector<HTMLElement>("button")?.focus();
        } catch (error) {
          listMessage.textContent = asApiError(error).message;
        }
      });
      return h(
        "li",
        { class: "card" },
        h("p", { class: "when" }, appointmentTime(a.startsAt)),
        a.withWhom ? h("p", {}, `With: ${a.withWhom}`) : null,
        a.place ? h("p", {}, `Where: ${a.place}`) : null,
        a.purpose ? h("p", {}, `What for: ${a.purpose}`) : null,
        h("div", { class: "actions" }, edit, remove),
        confirmBox,
      );
    };
    const next = all.filter((a) => a.startsAt >= now);
    const before = all.filter((a) => a.startsAt < now).reverse();
    replace(upcoming, ...(next.length ? next.map(card) : [h("li", {}, "No upcoming appointments.")]));
    replace(past, ...(before.length ? before.map(card) : [h("li", {}, "No past appointments.")]));
  };

  const form = h(
    "form",
    { class: "record-form", "aria-labelledby": "appt-form-title" },
    h("h3", { id: "appt-form-title" }, "Add or change an appointment"),
    h("div", { class: "row" }, field("Date", date), field("Time", time)),
    field("Who with", withWhom, "For example: my oncologist, or the specialist nurse."),
    field("Where", place),
    field("What for", purpose, "For example: scan results."),
    h("div", { class: "actions" }, submit, cancel),
    message,
  );
  cancel.addEventListener("click", () => setEditing(null));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const input: AppointmentInput = {
      startsAt: `${date.value}T${time.value}`,
      withWhom: withWhom.value.trim(),
      place: place.value.trim(),
      purpose: purpose.value.trim(),
    };
    if (!date.value) {
      message.textContent = "Please choose the date of the appointment.";
      return;
    }
    try {
      const saved = await api.saveAppointment(editing, input);
      message.textContent = editing ? "Appointment changed." : "Appointment added.";
      const all = await api.listAppointments();
      if (!editing && defaultList(all) === saved.id) {
        const moved = await api.moveUnbookedQuestions(saved.id);
        if (moved > 0) {
          message.textContent = `Appointment added. The ${moved} question${moved === 1 ? "" : "s"} you chose for your next appointment are now with this one.`;
        }
      }
      setEditing(null);
      await refresh();
    } catch (error) {
      // What was typed stays in the form, so nothing is lost.
      message.textContent = asApiError(error).message;
    }
  });

  try {
    await refresh();
  } catch (error) {
    message.textContent = asApiError(error).message;
  }
  return h(
    "div",
    { class: "appointments" },
    h("h2", { tabindex: "-1" }, "My appointments"),
    form,
    listMessage,
    h("h3", {}, "Coming up"),
    upcoming,
    h("h3", {}, "Past appointments"),
    past,
  );
}

/** The next appointment, shown first when the app opens, and the patient's own 24-hour line. */
export function nextAppointmentBanner(appointments: Appointment[], line: CareContact | null = null): HTMLElement {
  const now = localNow();
  const next = appointments.find((a) => a.startsAt >= now);
  return h(
    "section",
    { class: "next-appointment", "aria-labelledby": "next-title" },
    h("h2", { id: "next-title", class: "small-heading" }, "My next appointment"),
    next
      ? h(
          "p",
          { id: "next-when" },
          appointmentTime(next.startsAt),
          next.withWhom ? `, with ${next.withWhom}` : "",
          next.place ? `, at ${next.place}` : "",
          next.purpose ? `. For: ${next.purpose}` : "",
        )
      : h("p", { id: "next-when" }, "No appointment added yet. You can add one under My appointments."),
    line
      ? h("p", { id: "round-the-clock", dir: "auto" }, h("strong", {}, "My 24-hour line: "), [line.name, line.phone].filter(Boolean).join(", "))
      : null,
  );
}
