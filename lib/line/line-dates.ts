// LINE counts days and months in UTC+9 (Japan time, no daylight saving): statistics' `from`/`to`, the
// month of the aggregation-unit budget.

const UTC9_MS = 9 * 3_600_000;

/** `yyyyMMdd` in UTC+9. */
export function lineDate(at: Date | number): string {
  return new Date(new Date(at).getTime() + UTC9_MS).toISOString().slice(0, 10).replaceAll("-", "");
}

/** `yyyyMM` in UTC+9. */
export function lineMonth(at: Date | number): string {
  return lineDate(at).slice(0, 6);
}

/** The instant the UTC+9 month of `at` began. */
export function lineMonthStart(at: Date | number): Date {
  const d = new Date(new Date(at).getTime() + UTC9_MS);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - UTC9_MS);
}
