import { describe, expect, it } from "vitest";
import { createAbTestBodySchema } from "@/lib/campaigns/ab-test-schemas";
import { restPercent, shareSizes } from "@/lib/campaigns/ab-test-shares";
import { isHeldOut, splitAudience } from "@/lib/campaigns/ab-test-split";
import { abVerdict, rateOf, twoProportionZ, verdictText, Z_95 } from "@/lib/campaigns/ab-test-verdict";
import { issueKey } from "@/lib/utils/issue-key";

// Issue 24's A/B tests: how an audience divides into variants, a holdout and the rest, and the verdict
// (a two-proportion z-test at 95 %) the campaign page words for the operator.

const figure = (value: number | null, hidden = false) => (hidden ? { value: null, hidden: true as const } : { value });
const ids = (n: number) => Array.from({ length: n }, (_, i) => `U${i.toString(16).padStart(32, "0")}`);

describe("A/B test verdict", () => {
  it("computes the pooled two-proportion z statistic", () => {
    // 120/1000 against 90/1000: pooled 0.105, se ≈ 0.01371, z ≈ 2.19.
    expect(twoProportionZ({ successes: 120, trials: 1000 }, { successes: 90, trials: 1000 })).toBeCloseTo(2.188, 2);
    expect(twoProportionZ({ successes: 90, trials: 1000 }, { successes: 120, trials: 1000 })).toBeCloseTo(-2.188, 2);
    expect(twoProportionZ({ successes: 0, trials: 50 }, { successes: 0, trials: 50 })).toBe(0);
    expect(twoProportionZ({ successes: 1, trials: 0 }, { successes: 0, trials: 50 })).toBeNull();
  });

  it("calls a difference clear at 95 % and a smaller one too close to call", () => {
    const clear = abVerdict([
      { label: "A", sampleSize: 1000, figure: figure(90) },
      { label: "B", sampleSize: 1000, figure: figure(120) },
    ]);
    expect(clear).toMatchObject({ kind: "clear", leader: "B", runnerUp: "A", leaderRate: 0.12, runnerUpRate: 0.09 });
    expect(verdictText(clear, "open")).toBe("B leads on opens (12.0 % against 9.0 % for A), and the difference is clear at 95 % confidence.");

    const close = abVerdict([
      { label: "A", sampleSize: 200, figure: figure(40) },
      { label: "B", sampleSize: 200, figure: figure(46) },
    ]);
    expect(close).toMatchObject({ kind: "too_close", leader: "B" });
    expect(close.kind === "too_close" && close.z).toBeLessThan(Z_95);
    expect(verdictText(close, "click")).toContain("too close to call");
  });

  it("is clear only when the leader beats every other variant", () => {
    const v = abVerdict([
      { label: "A", sampleSize: 1000, figure: figure(80) },
      { label: "B", sampleSize: 1000, figure: figure(130) },
      { label: "C", sampleSize: 1000, figure: figure(125) },
    ]);
    expect(v).toMatchObject({ kind: "too_close", leader: "B", runnerUp: "C" });
  });

  it("never guesses at figures LINE hid below 20, and waits for figures not fetched yet", () => {
    const hidden = abVerdict([
      { label: "A", sampleSize: 30, figure: figure(null, true) },
      { label: "B", sampleSize: 30, figure: figure(22) },
    ]);
    expect(hidden).toEqual({ kind: "hidden", labels: ["A"] });
    expect(verdictText(hidden, "open")).toContain("below 20");
    expect(
      abVerdict([
        { label: "A", sampleSize: 30, figure: figure(null) },
        { label: "B", sampleSize: 30, figure: figure(22) },
      ]),
    ).toEqual({ kind: "not_yet" });
    expect(rateOf(figure(null, true), 30)).toBeNull();
    expect(rateOf(figure(21), 30)).toBeCloseTo(0.7);
  });

  it("says when the leaders are level", () => {
    expect(
      abVerdict([
        { label: "A", sampleSize: 100, figure: figure(30) },
        { label: "B", sampleSize: 100, figure: figure(30) },
      ]),
    ).toMatchObject({
      kind: "tie",
      labels: ["A", "B"],
    });
  });
});

describe("A/B test shares", () => {
  it("gives each variant its share, the holdout its own, and the winner the rest", () => {
    expect(shareSizes({ audienceSize: 1200, variants: 2, sharePercent: 10, holdoutPercent: 10 })).toEqual({ perVariant: 120, holdout: 120, rest: 840 });
    expect(restPercent({ variants: 2, sharePercent: 10, holdoutPercent: 10 })).toBe(70);
    // 10 % of 1,000 is 100 exactly (not 99 from 0.1's binary fraction).
    expect(shareSizes({ audienceSize: 1000, variants: 4, sharePercent: 10, holdoutPercent: 0 })).toEqual({ perVariant: 100, holdout: 0, rest: 600 });
    expect(shareSizes({ audienceSize: 7, variants: 3, sharePercent: 10, holdoutPercent: 0 }).perVariant).toBe(0);
  });

  it("never lets the shares overlap when the holdout drawn is larger than its per cent", () => {
    // 50 % × 2 with 0 % held out, but 3 friends drawn into the holdout: the variants share what is left.
    expect(shareSizes({ audienceSize: 100, variants: 2, sharePercent: 50, holdoutPercent: 0, holdout: 3 })).toEqual({ perVariant: 48, holdout: 3, rest: 1 });
  });

  it("splits an audience into disjoint shares, the same way for the same seed in any order", () => {
    const audience = ids(1000);
    const split = splitAudience({ seed: "s1", userIds: audience, variants: 3, sharePercent: 20, holdoutPercent: 10 });
    const all = [...split.variants.flat(), ...split.holdout, ...split.rest];
    expect(new Set(all).size).toBe(1000);
    expect(all).toHaveLength(1000);
    expect(split.variants.map((v) => v.length)).toEqual([200, 200, 200]);
    expect(split.holdout.length).toBeGreaterThan(60);
    expect(split.holdout.length).toBeLessThan(140);
    const again = splitAudience({ seed: "s1", userIds: [...audience].reverse(), variants: 3, sharePercent: 20, holdoutPercent: 10 });
    expect(again.variants).toEqual(split.variants);
    const other = splitAudience({ seed: "s2", userIds: audience, variants: 3, sharePercent: 20, holdoutPercent: 10 });
    expect(other.variants[0]).not.toEqual(split.variants[0]);
  });

  it("draws the holdout per friend: stable for the seed, none at 0 %", () => {
    const split = splitAudience({ seed: "s1", userIds: ids(500), variants: 2, sharePercent: 10, holdoutPercent: 20 });
    for (const id of split.holdout) expect(isHeldOut("s1", id, 20)).toBe(true);
    for (const id of split.rest) expect(isHeldOut("s1", id, 20)).toBe(false);
    expect(ids(500).some((id) => isHeldOut("s1", id, 0))).toBe(false);
  });
});

describe("A/B test form and API body", () => {
  const base = {
    name: "Spring headline",
    audience: { kind: "all" },
    variants: [
      { label: "A", messages: [{ type: "text", text: "Spring sale" }] },
      { label: "B", draftId: crypto.randomUUID() },
    ],
    sharePercent: 10,
    decideAt: new Date(Date.now() + 3_600_000).toISOString(),
    metric: "open",
  };

  it("takes a valid test, with a holdout of 0 and no auto-send by default", () => {
    const parsed = createAbTestBodySchema.parse(base);
    expect(parsed).toMatchObject({ holdoutPercent: 0, autoSendWinner: false });
  });

  it("names each problem with its catalogue key", () => {
    const keys = (body: Record<string, unknown>) =>
      (createAbTestBodySchema.safeParse({ ...base, ...body }).error?.issues ?? []).map((i) => ({ path: i.path.join("."), key: issueKey(i).key }));
    expect(keys({ sharePercent: 45, holdoutPercent: 20 })).toEqual([{ path: "sharePercent", key: "abSharesOver" }]);
    expect(keys({ decideAt: new Date(Date.now() - 60_000).toISOString() })).toEqual([{ path: "decideAt", key: "abDecideAtPast" }]);
    expect(keys({ decideAt: new Date(Date.now() + 15 * 86_400_000).toISOString() })).toEqual([{ path: "decideAt", key: "abDecideAtTooLate" }]);
    expect(keys({ variants: [base.variants[0], { label: "C", messages: [{ type: "text", text: "x" }] }] })).toEqual([
      { path: "variants.1.label", key: "abVariantLabel" },
    ]);
    expect(keys({ variants: [base.variants[0], { label: "B" }] })).toEqual([{ path: "variants.1.messages", key: "abVariantSource" }]);
    expect(keys({ variants: [base.variants[0]] })).toEqual([{ path: "variants", key: "minItems" }]);
  });
});
