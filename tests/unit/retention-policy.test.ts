import { describe, expect, it } from "vitest";
import { retentionCutoffs, type RetentionPolicy } from "@/lib/retention/policy";

const DAY = 86_400_000;
const now = new Date("2026-12-05T00:00:00Z");
const policy = (p: Partial<RetentionPolicy>): RetentionPolicy => ({
  deliveryBodiesDays: 0,
  rejectedDeliveriesDays: 0,
  eventsDays: 0,
  relayLogDays: 0,
  mediaDays: 0,
  ...p,
});
const daysOf = (steps: ReturnType<typeof retentionCutoffs>) => Object.fromEntries(steps.map((s) => [s.kind, (now.getTime() - s.before.getTime()) / DAY]));

describe("retention cutoffs", () => {
  it("purges nothing when everything is kept for good (0)", () => {
    expect(retentionCutoffs(policy({}), now)).toEqual([]);
  });

  it("takes each kind's own period, the events' deliveries after the events", () => {
    const steps = retentionCutoffs(policy({ deliveryBodiesDays: 30, rejectedDeliveriesDays: 7, eventsDays: 365, relayLogDays: 30, mediaDays: 90 }), now);
    expect(steps.map((s) => s.kind)).toEqual(["relayLog", "rejectedDeliveries", "media", "events", "eventlessDeliveries", "deliveryBodies"]);
    expect(daysOf(steps)).toEqual({ relayLog: 30, rejectedDeliveries: 7, media: 90, events: 365, eventlessDeliveries: 365, deliveryBodies: 30 });
  });

  it("never keeps media or a body longer than the events they belong to (a body goes with its delivery)", () => {
    expect(daysOf(retentionCutoffs(policy({ eventsDays: 60, mediaDays: 0, deliveryBodiesDays: 90 }), now))).toEqual({
      media: 60,
      events: 60,
      eventlessDeliveries: 60,
    });
  });
});
