// When a recurring send starts next: the same wall-clock time in the operator's time zone as the
// occurrence it counts from (its anchor), a day, a week or a month on. Wall-clock, not a fixed number of
// hours: 09:00 in London stays 09:00 across a daylight-saving change. A monthly send on the 31st falls on
// the last day of a shorter month and returns to the 31st in the next long one (counted from the anchor,
// never from the previous, shortened occurrence).

export type Repeat = "daily" | "weekly" | "monthly";

/** A wall-clock time: year, month (1–12), day, hour, minute, second, millisecond. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

/** The first occurrence after `after` (the anchor itself excluded). */
export function nextOccurrence(o: { anchor: Date; repeat: Repeat; timeZone: string; after: Date }): Date {
  const wall = wallTime(o.anchor, o.timeZone);
  const periodMs = { daily: 86_400_000, weekly: 7 * 86_400_000, monthly: 28 * 86_400_000 }[o.repeat];
  // Start a little before where `after` falls (a period is never shorter than this), then step on.
  let k = Math.max(1, Math.floor((o.after.getTime() - o.anchor.getTime()) / periodMs) - 2);
  if (o.repeat === "monthly") k = Math.max(1, monthsBetween(wall, wallTime(o.after, o.timeZone)) - 1);
  for (; ; k++) {
    const at = zonedInstant(shift(wall, o.repeat, k), o.timeZone);
    if (at.getTime() > o.after.getTime()) return at;
  }
}

/** The wall-clock time an instant shows in `timeZone`. */
export function wallTime(instant: Date, timeZone: string): WallTime {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) if (part.type !== "literal") p[part.type] = Number(part.value);
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second!, ms: instant.getTime() % 1000 };
}

/**
 * The instant a wall-clock time falls on in `timeZone`. A time the clocks skip (02:30 on the night they go
 * forward) moves forward by the gap; a time they show twice (01:30 when they go back) is the first one.
 */
export function zonedInstant(w: WallTime, timeZone: string): Date {
  const local = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);
  // The offset a day earlier is the one in force before any change that night.
  const before = offsetMs(local - 86_400_000, timeZone);
  let utc = local - before;
  const o2 = offsetMs(utc, timeZone);
  if (o2 === before) return new Date(utc);
  utc = local - o2;
  const o3 = offsetMs(utc, timeZone);
  if (o3 === o2) return new Date(utc);
  // In the gap: the wall time never shows; take the instant it would have been by the earlier offset.
  return new Date(local - Math.min(o2, o3));
}

/** Whether `timeZone` is an IANA zone this runtime knows (Intl throws a RangeError otherwise). */
export function isTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function shift(w: WallTime, repeat: Repeat, k: number): WallTime {
  if (repeat === "monthly") {
    const months = w.month - 1 + k;
    const year = w.year + Math.floor(months / 12);
    const month = (months % 12) + 1;
    return { ...w, year, month, day: Math.min(w.day, daysInMonth(year, month)) };
  }
  // Date.UTC carries day overflow into months and years; only the calendar date is taken from it.
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + k * (repeat === "weekly" ? 7 : 1)));
  return { ...w, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function monthsBetween(a: WallTime, b: WallTime): number {
  return (b.year - a.year) * 12 + (b.month - a.month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Wall-clock time in the zone minus UTC, at instant t (whole seconds: zones' offsets are).
function offsetMs(t: number, timeZone: string): number {
  const w = wallTime(new Date(t), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(t / 1000) * 1000;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}
