// LINE's statistics are keyed by dates in UTC+9 (Japan Standard Time has no daylight saving).
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** yyyyMMdd in UTC+9. */
export function jstDate(ms: number): string {
  const d = new Date(ms + JST_OFFSET_MS);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}

/** yyyyMM in UTC+9: the monthly quota resets at the start of a JST month. */
export function jstMonth(ms: number): string {
  return jstDate(ms).slice(0, 6);
}

/** The last millisecond of a yyyyMMdd day in UTC+9, or undefined if the string is not a real date. */
export function endOfJstDay(yyyymmdd: string): number | undefined {
  if (!/^\d{8}$/.test(yyyymmdd)) return undefined;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const start = Date.UTC(y, m - 1, d) - JST_OFFSET_MS;
  if (jstDate(start) !== yyyymmdd) return undefined;
  return start + DAY_MS - 1;
}

export const DAY = DAY_MS;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
