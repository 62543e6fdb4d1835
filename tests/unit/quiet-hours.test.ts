import { describe, expect, it } from "vitest";
import { isQuietHour, publicHoliday, zoneWarnings } from "@/lib/campaigns/quiet-hours";

// Warnings for a scheduled send: night (22:00–08:00) and public holidays where the recipients are.

describe("quiet hours and holidays", () => {
  it("warns of a send at 23:00 in Tokyo: night there, 22:00 in Taipei and 21:00 in Bangkok", () => {
    const zones = zoneWarnings(new Date("2027-06-15T14:00:00Z"));
    expect(zones.map((z) => [z.zone, z.local, z.quiet])).toEqual([
      ["Asia/Taipei", "2027-06-15T22:00:00", true],
      ["Asia/Tokyo", "2027-06-15T23:00:00", true],
      ["Asia/Bangkok", "2027-06-15T21:00:00", false],
    ]);
    expect(zones.every((z) => z.holiday === null)).toBe(true);
  });

  it("counts 08:00 as day and 07:59 as night", () => {
    expect([isQuietHour(7), isQuietHour(8), isQuietHour(21), isQuietHour(22), isQuietHour(0)]).toEqual([true, false, false, true, true]);
  });

  it("names New Year's Day 2027 as a holiday in all three countries, in English and locally", () => {
    const zones = zoneWarnings(new Date("2027-01-01T03:00:00Z"));
    const jp = zones.find((z) => z.country === "JP")!;
    expect(jp.holiday).toEqual({ name: expect.stringMatching(/new year/i), localName: "元日" });
    expect(zones.every((z) => z.holiday !== null)).toBe(true);
  });

  it("follows each country's own calendar and time zone", () => {
    // Lunar New Year's Eve 2027 in Taiwan, not in Japan; Songkran in Thailand.
    expect(publicHoliday("TW", new Date("2027-02-05T04:00:00Z"), "en")).not.toBeNull();
    expect(publicHoliday("JP", new Date("2027-02-05T04:00:00Z"), "en")).toBeNull();
    expect(publicHoliday("TH", new Date("2027-04-13T04:00:00Z"), "en")).toMatch(/songkran/i);
    // 1 January has begun in Tokyo (00:30) but not yet in Taipei (23:30 on 31 December).
    const at = new Date("2026-12-31T15:30:00Z");
    expect(publicHoliday("JP", at, "en")).not.toBeNull();
    expect(publicHoliday("TW", at, "en")).toBeNull();
  });
});
