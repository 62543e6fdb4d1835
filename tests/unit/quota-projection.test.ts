import { describe, expect, it } from "vitest";
import { costWarnings, projectMonthUse, quotaMonth } from "@/lib/sends/quota-projection";

describe("the quota month", () => {
  it("runs in Japan time: 1 March 00:00 UTC+9 is still February in UTC", () => {
    const month = quotaMonth(new Date("2026-02-28T15:30:00Z"));
    expect(month.start.toISOString()).toBe("2026-02-28T15:00:00.000Z");
    expect(month.end.toISOString()).toBe("2026-03-31T15:00:00.000Z");
    // Half an hour earlier it was February in Tokyo too.
    expect(quotaMonth(new Date("2026-02-28T14:30:00Z")).start.toISOString()).toBe("2026-01-31T15:00:00.000Z");
  });

  it("ends a December at the new year in Tokyo", () => {
    const month = quotaMonth(new Date("2026-12-20T00:00:00Z"));
    expect(month.start.toISOString()).toBe("2026-11-30T15:00:00.000Z");
    expect(month.end.toISOString()).toBe("2026-12-31T15:00:00.000Z");
  });
});

describe("the month's projected use", () => {
  it("extrapolates the use so far to the month's end at the same pace", () => {
    // 30-day April; ten days gone (10 April 00:00 in Tokyo) with 1,000 used → 3,000 by the end.
    const p = projectMonthUse({ used: 1000, now: new Date("2026-04-10T15:00:00Z") });
    expect(p.elapsed).toBeCloseTo(1 / 3, 6);
    expect(p.projected).toBe(3000);
  });

  it("says nothing in the month's first day, or before anything was used", () => {
    expect(projectMonthUse({ used: 500, now: new Date("2026-04-01T03:00:00Z") }).projected).toBeNull();
    expect(projectMonthUse({ used: 0, now: new Date("2026-04-20T00:00:00Z") }).projected).toBeNull();
  });
});

describe("warnings before a send", () => {
  it("warns when the send is more than what is left", () => {
    expect(costWarnings({ count: 120, used: 900, remaining: 100, projected: null })).toEqual(["over_quota"]);
    expect(costWarnings({ count: 100, used: 900, remaining: 100, projected: null })).toEqual([]);
  });

  it("warns when one send takes the month past its whole projected use, with or without a quota", () => {
    // 1,000 used, 3,000 projected: a broadcast of 2,500 is more than the rest of the month's pace.
    expect(costWarnings({ count: 2500, used: 1000, remaining: null, projected: 3000 })).toEqual(["over_projection"]);
    expect(costWarnings({ count: 1500, used: 1000, remaining: null, projected: 3000 })).toEqual([]);
  });

  it("warns when it fits but the month's pace would not last to its end", () => {
    // Limit 5,000: 1,000 used, 3,000 projected (2,000 more to come); a send of 2,500 fits now, but leaves
    // 1,500 for 2,000 expected.
    expect(costWarnings({ count: 2500, used: 1000, remaining: 4000, projected: 3000 })).toEqual(["over_projection", "runs_out"]);
    expect(costWarnings({ count: 500, used: 1000, remaining: 4000, projected: 3000 })).toEqual([]);
  });

  it("has nothing to say about an unknown or empty count", () => {
    expect(costWarnings({ count: null, used: 1000, remaining: 0, projected: 3000 })).toEqual([]);
    expect(costWarnings({ count: 0, used: 1000, remaining: 0, projected: 3000 })).toEqual([]);
  });
});
