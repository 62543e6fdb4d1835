import { describe, expect, it } from "vitest";
import { dayInZone, endOfDayInZone, startOfDayInZone } from "@/lib/utils/zoned-date";

describe("calendar days in a time zone", () => {
  it("starts a Taipei, Tokyo and Bangkok day at their own midnight", () => {
    expect(startOfDayInZone("2026-01-15", "Asia/Taipei").toISOString()).toBe("2026-01-14T16:00:00.000Z");
    expect(startOfDayInZone("2026-01-15", "Asia/Tokyo").toISOString()).toBe("2026-01-14T15:00:00.000Z");
    expect(startOfDayInZone("2026-01-15", "Asia/Bangkok").toISOString()).toBe("2026-01-14T17:00:00.000Z");
    expect(startOfDayInZone("2026-01-15", "UTC").toISOString()).toBe("2026-01-15T00:00:00.000Z");
  });

  it("ends a day one millisecond before the next one starts, across a DST change", () => {
    expect(endOfDayInZone("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-09T03:59:59.999Z");
    expect(startOfDayInZone("2026-03-09", "America/New_York").toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(endOfDayInZone("2026-12-31", "Asia/Taipei").toISOString()).toBe("2026-12-31T15:59:59.999Z");
  });

  it("names the day an instant falls on in the zone", () => {
    expect(dayInZone("2026-01-14T16:30:00Z", "Asia/Taipei")).toBe("2026-01-15");
    expect(dayInZone("2026-01-14T16:30:00Z", "UTC")).toBe("2026-01-14");
    expect(dayInZone(endOfDayInZone("2026-01-15", "Asia/Tokyo"), "Asia/Tokyo")).toBe("2026-01-15");
  });

  it("refuses something that is not a calendar date", () => {
    expect(() => startOfDayInZone("15/01/2026", "UTC")).toThrow(RangeError);
  });
});
