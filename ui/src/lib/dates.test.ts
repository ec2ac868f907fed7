import { describe, expect, it } from "vitest";

import { appointmentTime, checkDate, readDate, readTime, sayDate, sayTime } from "./dates";

/** The value read, or the plain words of the refusal. */
const date = (text: string) => {
  const r = readDate(text);
  return r.ok ? r.value : `refused: ${r.message}`;
};
const time = (text: string) => {
  const r = readTime(text);
  return r.ok ? r.value : `refused: ${r.message}`;
};

describe("dates are read the UK way, whatever the computer's locale", () => {
  it("reads the day first", () => {
    expect(date("15/01/2030")).toBe("2030-01-15");
    expect(date("15/1/30")).toBe("2030-01-15");
    expect(date("15-1-2030")).toBe("2030-01-15");
    expect(date("15.01.2030")).toBe("2030-01-15");
    expect(date(" 3/12/2026 ")).toBe("2026-12-03");
    // 01/02 is 1 February, never 2 January.
    expect(date("01/02/2027")).toBe("2027-02-01");
  });

  it("reads month names and the form the app shows", () => {
    expect(date("15 January 2030")).toBe("2030-01-15");
    expect(date("15 jan 2030")).toBe("2030-01-15");
    expect(date("15th Jan 30")).toBe("2030-01-15");
    expect(date("Wednesday 15 January 2030")).toBe("2030-01-15");
    expect(date("2030-01-15")).toBe("2030-01-15");
  });

  it("refuses a date that does not exist, in plain words, instead of moving it", () => {
    expect(date("31/02/2026")).toBe("refused: There is no 31 February in 2026. Please check the date.");
    expect(date("29/02/2027")).toMatch(/^refused: There is no 29 February in 2027/);
    expect(date("29/02/2028")).toBe("2028-02-29");
    // Month first, as a US computer would take it: refused, never turned into December.
    expect(date("01/15/2030")).toMatch(/^refused: There is no month 15\. Please write the day first/);
    expect(date("0/1/2030")).toMatch(/^refused/);
  });

  it("refuses what it cannot read, saying what it can", () => {
    expect(date("")).toBe("refused: Please write the date, for example 15/01/2030.");
    expect(date("next Tuesday")).toBe("refused: The date could not be read. Please write it as day, month and year, for example 15/01/2030.");
    expect(date("15/01")).toMatch(/^refused: Please add the year/);
    expect(date("15012030")).toMatch(/^refused/);
  });
});

describe("times are read the UK way", () => {
  it("reads the forms a UK patient types", () => {
    expect(time("1430")).toBe("14:30");
    expect(time("0930")).toBe("09:30");
    expect(time("14:30")).toBe("14:30");
    expect(time("14.30")).toBe("14:30");
    expect(time("2.30pm")).toBe("14:30");
    expect(time("2:30 PM")).toBe("14:30");
    expect(time("2pm")).toBe("14:00");
    expect(time("9.05am")).toBe("09:05");
    expect(time("12pm")).toBe("12:00");
    expect(time("12.15am")).toBe("00:15");
    expect(time("noon")).toBe("12:00");
    expect(time("930")).toBe("09:30");
  });

  it("refuses a time that does not exist or says too little", () => {
    expect(time("2560")).toMatch(/^refused: There is no hour 25/);
    expect(time("14:75")).toMatch(/^refused: A time has at most 59 minutes/);
    expect(time("14:30am")).toMatch(/^refused: 14:30 is an afternoon or evening time/);
    expect(time("9")).toBe("refused: Please add the minutes, or am or pm: for example 9:00 am, or 14:30.");
    expect(time("")).toBe("refused: Please write the time, for example 2:30 pm or 14:30.");
    expect(time("half two")).toMatch(/^refused: The time could not be read/);
  });
});

describe("said back in words", () => {
  it("says a date and time as a UK patient reads them", () => {
    expect(sayDate("2030-01-15")).toBe("Tuesday 15 January 2030");
    expect(sayTime("14:30")).toBe("2:30 pm");
    expect(sayTime("09:05")).toBe("9:05 am");
    expect(sayTime("12:00")).toBe("12 noon");
    expect(sayTime("00:00")).toBe("midnight");
    expect(sayTime("00:15")).toBe("12:15 am");
    expect(appointmentTime("2030-01-15T14:30")).toBe("Tuesday 15 January 2030 at 2:30 pm");
  });
});

describe("a surprising date asks once", () => {
  const today = "2026-12-03";
  it("asks about an appointment in the past or more than a year ahead", () => {
    expect(checkDate("2026-12-02", "coming", today)).toBe("That date has passed: Wednesday 2 December 2026. Is that right?");
    expect(checkDate("2026-12-03", "coming", today)).toBeNull();
    expect(checkDate("2027-06-01", "coming", today)).toBeNull();
    expect(checkDate("2031-01-15", "coming", today)).toBe("That is in 2031, more than a year from now: Wednesday 15 January 2031. Is that right?");
  });

  it("asks about a diary day still to come", () => {
    expect(checkDate("2026-12-04", "past", today)).toBe("That day has not come yet: Friday 4 December 2026. Is that right?");
    expect(checkDate("2026-11-01", "past", today)).toBeNull();
    expect(checkDate("1990-01-01", "past", today)).toBe("That is more than 20 years ago: Monday 1 January 1990. Is that right?");
  });
});
