// PostgreSQL's timestamps and the ISO 8601 text drizzle sends them as agree on the years 1 to 9999 only:
// Date goes on to the year 275760 and writes such years as "+010000-…", and there is no year 0, so a
// cursor or filter with such a date was refused by the database (a 500) instead of by us (a 400).

/** 0001-01-01T00:00:00.000Z */
export const EARLIEST_STORABLE_MS = -62_135_596_800_000;
/** 9999-12-31T23:59:59.999Z */
export const LATEST_STORABLE_MS = 253_402_300_799_999;

export function isStorableDate(d: Date): boolean {
  const ms = d.getTime();
  return ms >= EARLIEST_STORABLE_MS && ms <= LATEST_STORABLE_MS;
}

/** The date at `ms` epoch milliseconds, or null when PostgreSQL could not hold it. */
export function storableDate(ms: number): Date | null {
  const d = new Date(ms);
  return isStorableDate(d) ? d : null;
}
