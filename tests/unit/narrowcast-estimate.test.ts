import { describe, expect, it } from "vitest";
import type { Demographics } from "@/lib/line/insight";
import { estimateNarrowcast, type EstimateInput } from "@/lib/sends/estimate";

const demographics: Demographics = {
  available: true,
  genders: [
    { gender: "female", percentage: 50 },
    { gender: "male", percentage: 40 },
    { gender: "unknown", percentage: 10 },
  ],
  ages: [
    { age: "from15to19", percentage: 10 },
    { age: "from20to24", percentage: 20 },
    { age: "from25to29", percentage: 20 },
    { age: "from30to34", percentage: 20 },
    { age: "from50", percentage: 20 },
    { age: "unknown", percentage: 10 },
  ],
  areas: [
    { area: "台北市", percentage: 30 },
    { area: "新北市", percentage: 20 },
    { area: "東京", percentage: 25 },
    { area: "unknown", percentage: 25 },
  ],
  appTypes: [
    { appType: "ios", percentage: 60 },
    { appType: "android", percentage: 40 },
  ],
  subscriptionPeriods: [
    { subscriptionPeriod: "within7days", percentage: 10 },
    { subscriptionPeriod: "within30days", percentage: 10 },
    { subscriptionPeriod: "over365days", percentage: 80 },
  ],
};

const base: EstimateInput = { targetedReaches: 10_000, demographics, remainingQuota: null, audienceSizes: {}, redeliverySizes: {} };

describe("narrowcast estimate", () => {
  it("reaches everyone without targeting", () => {
    expect(estimateNarrowcast(base)).toMatchObject({ estimate: 10_000, warnings: [] });
  });

  it("without targeting goes to every friend who has not blocked, not only the targeted reach", () => {
    // A narrowcast with no conditions is a broadcast: the friends LINE has no demographics for get it too.
    expect(estimateNarrowcast({ ...base, reachable: 14_500 })).toMatchObject({ matched: 14_500, estimate: 14_500 });
    // With a condition, only the targeted reach can match.
    const women = estimateNarrowcast({ ...base, reachable: 14_500, filter: { demographic: { type: "gender", oneOf: ["female"] } } });
    expect(women.matched).toBe(5_000);
  });

  it("applies gender, age range and area, multiplying conditions joined with AND", () => {
    const r = estimateNarrowcast({
      ...base,
      filter: {
        demographic: {
          type: "operator",
          and: [
            { type: "gender", oneOf: ["female"] },
            { type: "age", gte: "age_20", lt: "age_35" },
            { type: "area", oneOf: ["tw_01", "tw_02"] },
          ],
        },
      },
    });
    // 50 % × 60 % × 50 % of 10,000
    expect(r.estimate).toBe(1_500);
  });

  it("combines OR as 'either' and NOT as the rest", () => {
    const or = estimateNarrowcast({
      ...base,
      filter: {
        demographic: {
          type: "operator",
          or: [
            { type: "appType", oneOf: ["ios"] },
            { type: "gender", oneOf: ["male"] },
          ],
        },
      },
    });
    expect(or.estimate).toBe(7_600); // 1 − 0.4 × 0.6
    const not = estimateNarrowcast({ ...base, filter: { demographic: { type: "operator", not: { type: "area", oneOf: ["jp_13"] } } } });
    expect(not.estimate).toBe(7_500);
  });

  it("reads friendship duration buckets", () => {
    const r = estimateNarrowcast({ ...base, filter: { demographic: { type: "subscriptionPeriod", gte: "day_30" } } });
    expect(r.estimate).toBe(8_000);
  });

  it("caps by limit.max and by the remaining quota when asked to", () => {
    expect(estimateNarrowcast({ ...base, limit: { max: 500 } }).estimate).toBe(500);
    expect(estimateNarrowcast({ ...base, remainingQuota: 300, limit: { upToRemainingQuota: true } }).estimate).toBe(300);
  });

  it("warns about LINE's target-reach and recipient minimums and the quota", () => {
    const small = estimateNarrowcast({ ...base, targetedReaches: 80, filter: { demographic: { type: "gender", oneOf: ["female"] } } });
    expect(small.warnings).toEqual(expect.arrayContaining(["attributes_need_100_reach", "under_50_recipients"]));
    const quota = estimateNarrowcast({ ...base, remainingQuota: 100 });
    expect(quota.warnings).toContain("over_quota");
  });

  it("counts audiences and re-delivery by their sizes", () => {
    const r = estimateNarrowcast({
      ...base,
      recipient: {
        type: "operator",
        or: [
          { type: "audience", audienceGroupId: 7 },
          { type: "redelivery", requestId: "5b8d2f6e-4d3e-4c41-9b0a-5b1b7c1d2e3f" },
        ],
      },
      audienceSizes: { "7": 1_000 },
      redeliverySizes: { "5b8d2f6e-4d3e-4c41-9b0a-5b1b7c1d2e3f": 2_000 },
    });
    expect(r.estimate).toBe(2_800); // 1 − 0.9 × 0.8
  });
});
