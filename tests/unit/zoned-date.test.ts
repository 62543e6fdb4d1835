import { describe, expect, it } from "vitest";
import { dayInZone, endOfDayInZone, instantFromWallTime, isoWithOffset, startOfDayInZone, wallTimeOf } from "@/lib/utils/zoned-date";

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

describe("a wall-clock time in a time zone", () => {
  it("is the same instant seen from Taipei, Tokyo and Bangkok", () => {
    const { instant, shifted, ambiguous } = instantFromWallTime("2026-05-02", "09:30", "Asia/Taipei");
    expect(instant.toISOString()).toBe("2026-05-02T01:30:00.000Z");
    expect([shifted, ambiguous]).toEqual([false, false]);
    expect(wallTimeOf(instant, "Asia/Tokyo")).toEqual({ date: "2026-05-02", time: "10:30" });
    expect(wallTimeOf(instant, "Asia/Bangkok")).toEqual({ date: "2026-05-02", time: "08:30" });
  });

  it("crosses midnight into the next day for recipients ahead of the operator", () => {
    const { instant } = instantFromWallTime("2026-12-31", "23:30", "Europe/Berlin");
    expect(wallTimeOf(instant, "Asia/Tokyo")).toEqual({ date: "2027-01-01", time: "07:30" });
  });

  it("moves a time that does not exist (clocks jump forward in Europe) to as late as the jump", () => {
    const r = instantFromWallTime("2026-03-29", "02:30", "Europe/Berlin");
    expect(r.shifted).toBe(true);
    expect(wallTimeOf(r.instant, "Europe/Berlin")).toEqual({ date: "2026-03-29", time: "03:30" });
    expect(r.instant.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("takes the first of a time that happens twice (clocks go back), and says so", () => {
    const r = instantFromWallTime("2026-10-25", "02:30", "Europe/Berlin");
    expect(r.ambiguous).toBe(true);
    expect(r.instant.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    // An hour later on either side of the change is an ordinary time.
    expect(instantFromWallTime("2026-10-25", "03:30", "Europe/Berlin")).toMatchObject({ shifted: false, ambiguous: false });
  });

  it("keeps an American daylight saving change apart from Europe's", () => {
    expect(instantFromWallTime("2026-03-08", "02:15", "America/New_York").shifted).toBe(true);
    expect(instantFromWallTime("2026-03-29", "02:15", "America/New_York").shifted).toBe(false);
  });

  it("writes ISO 8601 with the zone's offset at that instant", () => {
    const summer = instantFromWallTime("2026-07-01", "09:00", "Europe/London").instant;
    expect(isoWithOffset(summer, "Europe/London")).toBe("2026-07-01T09:00:00+01:00");
    expect(isoWithOffset(summer, "Asia/Bangkok")).toBe("2026-07-01T15:00:00+07:00");
    expect(isoWithOffset(new Date("2026-01-01T00:00:00Z"), "America/St_Johns")).toBe("2025-12-31T20:30:00-03:30");
    expect(new Date(isoWithOffset(summer, "America/New_York")).getTime()).toBe(summer.getTime());
  });

  it("refuses something that is not a date and a time", () => {
    expect(() => instantFromWallTime("2026-05-02", "9:30", "UTC")).toThrow(RangeError);
  });
});
