import { describe, expect, it } from "vitest";
import { errorRate, errorRateHealth, hourlyBuckets, latencyHealth, worstHealth } from "@/lib/overview/health";

describe("webhook health", () => {
  it("judges p99 latency against LINE's 2 s budget", () => {
    expect(latencyHealth(null)).toBe("unknown");
    expect(latencyHealth(120)).toBe("good");
    expect(latencyHealth(500)).toBe("good");
    expect(latencyHealth(900)).toBe("warn");
    expect(latencyHealth(1500)).toBe("bad");
  });

  it("judges the share of non-2xx answers", () => {
    expect(errorRate(0, 0)).toBeNull();
    expect(errorRateHealth(errorRate(1000, 5))).toBe("good");
    expect(errorRateHealth(errorRate(100, 3))).toBe("warn");
    expect(errorRateHealth(errorRate(10, 1))).toBe("bad");
  });

  it("reports the worst of several levels, unknown only when nothing is known", () => {
    expect(worstHealth("good", "bad", "warn")).toBe("bad");
    expect(worstHealth("unknown", "good")).toBe("good");
    expect(worstHealth("unknown")).toBe("unknown");
  });

  it("fills hourly buckets over the same hours the 24-hour totals count", () => {
    const now = new Date("2026-03-01T10:25:00Z");
    const hours = [
      { hour: "2026-03-01T10:00:00.000Z", count: 4 },
      { hour: "2026-02-28T11:00:00.000Z", count: 2 },
      { hour: "2026-02-28T10:00:00.000Z", count: 9 },
      { hour: "2026-02-28T09:00:00.000Z", count: 5 },
    ];
    const buckets = hourlyBuckets(hours, now);
    expect(buckets).toHaveLength(25);
    expect(buckets[0]).toEqual({ hour: new Date("2026-02-28T10:00:00Z"), count: 9 });
    expect(buckets[24]).toEqual({ hour: new Date("2026-03-01T10:00:00Z"), count: 4 });
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(15);
  });
});
