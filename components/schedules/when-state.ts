import type { Schedule, ScheduleRepeat } from "@/lib/client/schedules";
import { endOfDayInZone, instantFromWallTime, isoWithOffset, wallTimeOf } from "@/lib/utils/zoned-date";

// When a composition goes: now, or at a date and time on the operator's clock (a time zone they can
// change), once or again every day, week or month until a day. Pure, so it is tested alone.

export interface WhenState {
  mode: "now" | "schedule";
  /** YYYY-MM-DD and HH:MM in `timeZone`. */
  date: string;
  time: string;
  timeZone: string;
  repeat: ScheduleRepeat;
  /** The last day (YYYY-MM-DD in `timeZone`) a recurring send may start; "" for no end. */
  until: string;
}

export type WhenProblem = "missing" | "past" | "untilBeforeStart";

export interface ResolvedWhen {
  /** The moment, once the date and time are complete. */
  instant: Date | null;
  /** `instant` as the schedules API takes it (ISO 8601 with the zone's offset). */
  runAt: string | null;
  repeatUntil: string | null;
  /** The time does not exist that day in the zone (clocks jump forward): it moves as late as the jump. */
  shifted: boolean;
  /** The time happens twice that day in the zone (clocks go back): the first is used. */
  ambiguous: boolean;
  problem: WhenProblem | null;
}

/** A schedule must start at least this far ahead: the time it takes to confirm and save. */
const MIN_LEAD_MS = 60_000;

/** Scheduling starts on the next whole hour at least half an hour away, in the operator's zone. */
export function defaultWhen(timeZone: string, now: Date = new Date()): WhenState {
  const hour = 3_600_000;
  const at = new Date(Math.ceil((now.getTime() + hour / 2) / hour) * hour);
  // Whole hours in UTC are whole hours almost everywhere; a half-hour zone gets its own half hour.
  const wall = wallTimeOf(at, timeZone);
  return { mode: "now", date: wall.date, time: wall.time, timeZone, repeat: "none", until: "" };
}

/** An existing schedule as the composer edits it: its next start on the clock it was made on. */
export function whenFromSchedule(s: Pick<Schedule, "runAt" | "timeZone" | "repeat" | "repeatUntil">): WhenState {
  const wall = wallTimeOf(s.runAt, s.timeZone);
  return {
    mode: "schedule",
    date: wall.date,
    time: wall.time,
    timeZone: s.timeZone,
    repeat: s.repeat,
    until: s.repeatUntil ? wallTimeOf(s.repeatUntil, s.timeZone).date : "",
  };
}

export function resolveWhen(w: WhenState, now: Date = new Date()): ResolvedWhen {
  const none = { instant: null, runAt: null, repeatUntil: null, shifted: false, ambiguous: false };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(w.date) || !/^\d{2}:\d{2}$/.test(w.time)) return { ...none, problem: "missing" };
  const { instant, shifted, ambiguous } = instantFromWallTime(w.date, w.time, w.timeZone);
  const repeatUntil = w.repeat !== "none" && /^\d{4}-\d{2}-\d{2}$/.test(w.until) ? endOfDayInZone(w.until, w.timeZone) : null;
  const problem: WhenProblem | null =
    instant.getTime() < now.getTime() + MIN_LEAD_MS ? "past" : repeatUntil && repeatUntil.getTime() < instant.getTime() ? "untilBeforeStart" : null;
  return {
    instant,
    runAt: isoWithOffset(instant, w.timeZone),
    repeatUntil: repeatUntil ? isoWithOffset(repeatUntil, w.timeZone) : null,
    shifted,
    ambiguous,
    problem,
  };
}
