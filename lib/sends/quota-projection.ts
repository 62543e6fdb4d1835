// The month's message quota as LINE counts it: months run in Japan time (UTC+9), whatever zone the
// operator is in. Pure, so the quota route and the composer share it and it is unit-tested alone.

const JST_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Before a day of the month has gone by (or before anything was sent) the pace says nothing yet: a
 * projection from the first hours would call every send unusual.
 */
const MIN_ELAPSED_MS = DAY_MS;

export interface QuotaMonth {
  /** The instant this month starts and the next one starts, in UTC+9. */
  start: Date;
  end: Date;
}

export interface MonthProjection extends QuotaMonth {
  /** Share of the month gone by (0–1). */
  elapsed: number;
  /** Use so far extrapolated to the month's end at the same pace; null too early to say. */
  projected: number | null;
}

/** The LINE month (UTC+9) `now` falls in. */
export function quotaMonth(now: Date): QuotaMonth {
  const jst = new Date(now.getTime() + JST_OFFSET_MS);
  const start = Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth(), 1) - JST_OFFSET_MS;
  const end = Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth() + 1, 1) - JST_OFFSET_MS;
  return { start: new Date(start), end: new Date(end) };
}

/** This month's use so far, extrapolated to its end at the pace so far. */
export function projectMonthUse(params: { used: number; now: Date }): MonthProjection {
  const month = quotaMonth(params.now);
  const length = month.end.getTime() - month.start.getTime();
  const gone = params.now.getTime() - month.start.getTime();
  const projected = gone < MIN_ELAPSED_MS || params.used <= 0 ? null : Math.round((params.used * length) / gone);
  return { ...month, elapsed: gone / length, projected };
}

/**
 * over_quota: more than what is left this month (LINE refuses it, or sends part of a narrowcast).
 * over_projection: this send alone takes the month past what its pace projects for the whole month —
 * an unusually large send (a broadcast to everyone by mistake), quota or no quota.
 * runs_out: it fits now, but at the month's pace what is left will not last to the month's end.
 */
export type CostWarning = "over_quota" | "over_projection" | "runs_out";

export function costWarnings(params: { count: number | null; used: number; remaining: number | null; projected: number | null }): CostWarning[] {
  const { count, used, remaining, projected } = params;
  if (count === null || count <= 0) return [];
  const warnings: CostWarning[] = [];
  if (remaining !== null && count > remaining) warnings.push("over_quota");
  if (projected !== null && used + count > projected) warnings.push("over_projection");
  // What the rest of the month will use at the same pace, on top of this send.
  if (remaining !== null && count <= remaining && projected !== null && count + Math.max(0, projected - used) > remaining) warnings.push("runs_out");
  return warnings;
}
