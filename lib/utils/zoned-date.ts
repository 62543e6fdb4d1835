// Calendar days in the operator's time zone ↔ instants. A date filter "from 15 Jan" means midnight in
// the zone the operator reads times in, not in UTC and not in the server's zone.

/** The instant a calendar day (YYYY-MM-DD) starts in `timeZone`. */
export function startOfDayInZone(date: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Not a calendar date: ${date}`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // The zone's offset at that wall time; asked twice because the first guess may sit across a DST change.
  let instant = wall - offsetMs(wall, timeZone);
  instant = wall - offsetMs(instant, timeZone);
  return new Date(instant);
}

/** The last millisecond of a calendar day in `timeZone` (for inclusive "to" filters). */
export function endOfDayInZone(date: string, timeZone: string): Date {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return new Date(startOfDayInZone(next.toISOString().slice(0, 10), timeZone).getTime() - 1);
}

/** The calendar day (YYYY-MM-DD) an instant falls on in `timeZone`. */
export function dayInZone(instant: Date | string, timeZone: string): string {
  const parts = partsOf(new Date(instant).getTime(), timeZone);
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export interface WallTimeInstant {
  instant: Date;
  /** The time does not exist that day (clocks jump forward over it): the instant is as late as the jump. */
  shifted: boolean;
  /** The time happens twice that day (clocks go back): the instant is the first of the two. */
  ambiguous: boolean;
}

/**
 * The instant a wall-clock time (YYYY-MM-DD and HH:MM) happens in `timeZone`. Across a daylight saving
 * change a time may not exist (02:30 the morning clocks jump to 03:00: it becomes 03:30, as clocks do)
 * or happen twice (the first is taken), and the caller is told which.
 */
export function instantFromWallTime(date: string, time: string, timeZone: string): WallTimeInstant {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) throw new RangeError(`Not a date and time: ${date} ${time}`);
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  // The offsets a day either side: a zone changes its offset at most once in between.
  const before = wall - offsetMs(wall - 86_400_000, timeZone);
  const after = wall - offsetMs(wall + 86_400_000, timeZone);
  const fits = [before, after].filter((c) => c - wall + offsetMs(c, timeZone) === 0).sort((a, b) => a - b);
  if (fits.length === 0) return { instant: new Date(before), shifted: true, ambiguous: false };
  return { instant: new Date(fits[0]!), shifted: false, ambiguous: fits.length === 2 && fits[0] !== fits[1] };
}

/** The wall-clock date (YYYY-MM-DD) and time (HH:MM) of an instant in `timeZone`. */
export function wallTimeOf(instant: Date | string, timeZone: string): { date: string; time: string } {
  const p = partsOf(new Date(instant).getTime(), timeZone);
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** ISO 8601 with the zone's offset at that instant ("2026-05-02T09:30:00+08:00"), as the schedules API takes it. */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const t = instant.getTime();
  const p = partsOf(t, timeZone);
  const offset = Math.round(offsetMs(t, timeZone) / 60_000);
  const sign = offset < 0 ? "-" : "+";
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0");
  const mm = String(Math.abs(offset) % 60).padStart(2, "0");
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${sign}${hh}:${mm}`;
}

// Wall-clock time in the zone minus UTC, at instant t.
function offsetMs(t: number, timeZone: string): number {
  const p = partsOf(t, timeZone);
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(t / 1000) * 1000;
}

function partsOf(t: number, timeZone: string): Record<"year" | "month" | "day" | "hour" | "minute" | "second", string> {
  const out: Record<string, string> = {};
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  for (const part of format.formatToParts(t)) out[part.type] = part.value;
  return out as Record<"year" | "month" | "day" | "hour" | "minute" | "second", string>;
}
