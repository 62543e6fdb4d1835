import { isStorableDate, storableDate } from "./storable-date";

export type InstantResult = { ok: true; date: Date } | { ok: false; reason: "format" | "range" };

/**
 * A point in time as a query string writes it: ISO 8601, or epoch milliseconds. Plain code rather than a
 * zod schema so the browser can check a filter without loading zod; the schemas wrap it.
 */
export function parseInstant(s: string): InstantResult {
  if (/^\d+$/.test(s)) {
    const d = storableDate(Number(s));
    return d ? { ok: true, date: d } : { ok: false, reason: "format" };
  }
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return { ok: false, reason: "format" };
  return isStorableDate(d) ? { ok: true, date: d } : { ok: false, reason: "range" };
}
