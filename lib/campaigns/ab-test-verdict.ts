import type { Stat } from "./figures";

// Which variant of an A/B test is ahead, and whether the difference is clear: the leader's rate against
// every other variant's with a two-proportion z-test at 95 % (two-sided). A figure LINE hid (fewer than
// 20) is never guessed at: the verdict then says the figures are hidden.

/** The two-sided 95 % critical value of the standard normal distribution. */
export const Z_95 = 1.959963984540054;

/** A figure as a share of the variant's recipients; null when it is not a number (hidden or not known). */
export function rateOf(figure: Stat, sampleSize: number): number | null {
  if (figure.value === null || figure.hidden || sampleSize <= 0) return null;
  return figure.value / sampleSize;
}

/**
 * The z statistic of two proportions (pooled): positive when `a`'s rate is the higher. 0 when the pooled
 * rate is 0 or 1 (no variation to compare); null without recipients on either side.
 */
export function twoProportionZ(a: { successes: number; trials: number }, b: { successes: number; trials: number }): number | null {
  if (a.trials <= 0 || b.trials <= 0) return null;
  const pa = a.successes / a.trials;
  const pb = b.successes / b.trials;
  const pooled = (a.successes + b.successes) / (a.trials + b.trials);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials));
  return se === 0 ? 0 : (pa - pb) / se;
}

export interface VariantFigure {
  label: string;
  /** Recipients of the variant. */
  sampleSize: number;
  /** Its opens or clicks (the test's metric), as LINE reported them. */
  figure: Stat;
}

export type Verdict =
  /** LINE's figures have not been fetched yet (or a variant was not measured). */
  | { kind: "not_yet" }
  /** LINE hid these variants' figures (fewer than 20): no comparison. */
  | { kind: "hidden"; labels: string[] }
  /** The leading rates are the same. */
  | { kind: "tie"; labels: string[]; rate: number }
  | { kind: "clear" | "too_close"; leader: string; runnerUp: string; leaderRate: number; runnerUpRate: number; z: number };

export function abVerdict(variants: VariantFigure[]): Verdict {
  const hidden = variants.filter((v) => v.figure.hidden).map((v) => v.label);
  if (hidden.length) return { kind: "hidden", labels: hidden };
  const rated = variants.map((v) => ({ ...v, rate: rateOf(v.figure, v.sampleSize) }));
  if (rated.length < 2 || rated.some((v) => v.rate === null)) return { kind: "not_yet" };
  const ranked = [...(rated as Array<(typeof rated)[number] & { rate: number }>)].sort((a, b) => b.rate - a.rate);
  const [leader, runnerUp] = ranked as [(typeof ranked)[number], (typeof ranked)[number]];
  if (leader.rate === runnerUp.rate) return { kind: "tie", labels: ranked.filter((v) => v.rate === leader.rate).map((v) => v.label), rate: leader.rate };
  // Clear only when the leader beats every other variant, not just the runner-up.
  const zs = ranked.slice(1).map((v) => twoProportionZ(successes(leader), successes(v)) ?? 0);
  const z = Math.min(...zs);
  return { kind: z > Z_95 ? "clear" : "too_close", leader: leader.label, runnerUp: runnerUp.label, leaderRate: leader.rate, runnerUpRate: runnerUp.rate, z };
}

/** The verdict in plain English, for the API's callers (the console's pages word it in each language). */
export function verdictText(verdict: Verdict, metric: "open" | "click"): string {
  const what = metric === "open" ? "opens" : "clicks";
  const pct = (r: number) => `${(r * 100).toFixed(1)} %`;
  switch (verdict.kind) {
    case "not_yet":
      return "Not yet: LINE's figures have not been fetched for every variant.";
    case "hidden":
      return `LINE hides figures below 20 people (${verdict.labels.join(", ")}): too few to compare.`;
    case "tie":
      return `${verdict.labels.join(" and ")} are level on ${what} (${pct(verdict.rate)}).`;
    case "clear":
      return `${verdict.leader} leads on ${what} (${pct(verdict.leaderRate)} against ${pct(verdict.runnerUpRate)} for ${verdict.runnerUp}), and the difference is clear at 95 % confidence.`;
    case "too_close":
      return `${verdict.leader} leads on ${what} (${pct(verdict.leaderRate)} against ${pct(verdict.runnerUpRate)} for ${verdict.runnerUp}), but it is too close to call: the difference could be chance.`;
  }
}

function successes(v: { figure: Stat; sampleSize: number }) {
  return { successes: v.figure.value ?? 0, trials: v.sampleSize };
}
