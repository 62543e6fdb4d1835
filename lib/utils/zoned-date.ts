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
