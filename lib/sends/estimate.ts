import { AREAS } from "@/lib/line/areas";
import type { Demographics } from "@/lib/line/insight";
import type { DemographicFilter, Recipient } from "@/lib/sends/narrowcast-schema";

// An estimate of how many friends a narrowcast reaches, from LINE's friend demographics (percentages,
// about three days old) and the target reach. Conditions are treated as independent, which they are not
// quite; the composer labels the figure as an estimate. Pure, so it is unit-tested without LINE.

export interface EstimateInput {
  targetedReaches: number;
  /** Who a broadcast would reach now (lib/sends/broadcast-reach.ts): a narrowcast with no targeting. */
  reachable?: number;
  demographics: Demographics | null;
  recipient?: Recipient;
  filter?: { demographic: DemographicFilter };
  limit?: { max?: number; upToRemainingQuota?: boolean; forbidPartialDelivery?: boolean };
  remainingQuota: number | null;
  /** Sizes of audiences and earlier narrowcasts the recipient tree names. */
  audienceSizes: Record<string, number>;
  redeliverySizes: Record<string, number>;
}

export type EstimateWarning = "attributes_need_100_reach" | "under_50_recipients" | "over_quota" | "demographics_unavailable";

export function estimateNarrowcast(input: EstimateInput) {
  const base = input.targetedReaches;
  const fRecipient = input.recipient ? recipientFraction(input.recipient, input) : 1;
  const fFilter = input.filter ? filterFraction(input.filter.demographic, input.demographics) : 1;
  // Without any targeting a narrowcast goes to every friend, like a broadcast: more than the targeted
  // reach, which counts only friends whose demographics LINE can estimate.
  const untargeted = !input.recipient && !input.filter && input.reachable !== undefined;
  const matched = untargeted ? input.reachable! : Math.round(base * fRecipient * fFilter);
  let estimate = matched;
  if (input.limit?.max !== undefined) estimate = Math.min(estimate, input.limit.max);
  if (input.limit?.upToRemainingQuota && input.remainingQuota !== null) estimate = Math.min(estimate, input.remainingQuota);

  const warnings: EstimateWarning[] = [];
  const usesAttributes = Boolean(input.filter) || hasAudience(input.recipient);
  if (input.filter && !input.demographics?.available) warnings.push("demographics_unavailable");
  if (input.filter && base < 100) warnings.push("attributes_need_100_reach");
  if (usesAttributes && estimate < 50) warnings.push("under_50_recipients");
  if (input.remainingQuota !== null && estimate > input.remainingQuota && !input.limit?.upToRemainingQuota) warnings.push("over_quota");
  return { targetedReaches: base, matched, estimate, warnings };
}

function recipientFraction(r: Recipient, input: EstimateInput): number {
  const base = Math.max(1, input.targetedReaches);
  switch (r.type) {
    case "audience":
      return Math.min(1, (input.audienceSizes[String(r.audienceGroupId)] ?? 0) / base);
    case "redelivery":
      return Math.min(1, (input.redeliverySizes[r.requestId] ?? 0) / base);
    case "operator":
      return combine(r, (x) => recipientFraction(x, input));
  }
}

function filterFraction(f: DemographicFilter, d: Demographics | null): number {
  if (!d?.available) return f.type === "operator" ? combine(f, (x) => filterFraction(x, d)) : 0.5;
  const pct = (rows: Array<{ percentage: number }> | undefined, pick: (row: never) => boolean) =>
    (rows ?? []).filter((row) => pick(row as never)).reduce((s, row) => s + row.percentage, 0) / 100;
  switch (f.type) {
    case "gender":
      return pct(d.genders, (r: { gender: string }) => (f.oneOf as string[]).includes(r.gender));
    case "appType":
      return pct(d.appTypes, (r: { appType: string }) => (f.oneOf as string[]).includes(r.appType));
    case "area": {
      const wanted = new Set(f.oneOf);
      return pct(d.areas, (r: { area: string }) => wanted.has(areaCodeOf(r.area) ?? ""));
    }
    case "age": {
      const lo = f.gte ? Number(f.gte.slice(4)) : 0;
      const hi = f.lt ? Number(f.lt.slice(4)) : Infinity;
      return pct(d.ages, (r: { age: string }) => within(ageRange(r.age), lo, hi));
    }
    case "subscriptionPeriod": {
      const lo = f.gte ? Number(f.gte.slice(4)) : 0;
      const hi = f.lt ? Number(f.lt.slice(4)) : Infinity;
      return pct(d.subscriptionPeriods, (r: { subscriptionPeriod: string }) => within(periodRange(r.subscriptionPeriod), lo, hi));
    }
    case "operator":
      return combine(f, (x) => filterFraction(x, d));
  }
}

function combine<T>(op: { and?: T[]; or?: T[]; not?: T }, fraction: (x: T) => number): number {
  if (op.and) return op.and.reduce((p, x) => p * fraction(x), 1);
  if (op.or) return 1 - op.or.reduce((p, x) => p * (1 - fraction(x)), 1);
  if (op.not) return 1 - fraction(op.not);
  return 1;
}

function hasAudience(r: Recipient | undefined): boolean {
  if (!r) return false;
  if (r.type === "audience") return true;
  if (r.type === "redelivery") return false;
  return [...(r.and ?? []), ...(r.or ?? []), ...(r.not ? [r.not] : [])].some(hasAudience);
}

function within(range: [number, number] | null, lo: number, hi: number) {
  return range !== null && range[0] >= lo && range[1] <= hi;
}

// "from20to24" → [20, 25); "from50" / "from70" → [50, ∞); unknown → null.
function ageRange(tile: string): [number, number] | null {
  const m = /^from(\d+)(?:to(\d+))?$/.exec(tile);
  if (!m) return null;
  return [Number(m[1]), m[2] ? Number(m[2]) + 1 : Infinity];
}

const PERIODS: Record<string, [number, number]> = {
  within7days: [0, 7],
  within30days: [7, 30],
  within90days: [30, 90],
  within180days: [90, 180],
  within365days: [180, 365],
  over365days: [365, Infinity],
};
function periodRange(tile: string): [number, number] | null {
  return PERIODS[tile] ?? null;
}

// Insight names areas as people there write them ("東京", "徳島", "台北市"…), not by code.
const areaIndex = new Map<string, string>();
for (const a of AREAS) {
  for (const name of [a.local, a.en]) areaIndex.set(normalizeArea(name), a.code);
}
export function areaCodeOf(label: string): string | undefined {
  return areaIndex.get(normalizeArea(label));
}
function normalizeArea(s: string) {
  // Prefectures are written with or without 都/府/県; Taiwan keeps 市/縣 (新竹市 and 新竹縣 differ).
  return s
    .replaceAll("臺", "台")
    .replace(/(都|府|県)$/u, "")
    .toLowerCase()
    .trim();
}
