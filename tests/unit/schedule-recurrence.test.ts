import { describe, expect, it } from "vitest";
import { isTimeZone, nextOccurrence, wallTime, zonedInstant } from "@/lib/campaigns/recurrence";

// A recurring send keeps its wall-clock time where the operator is, across daylight saving changes
// (none in Taiwan, Japan or Thailand, but the operator may be in Europe), and a monthly one its day.

const next = (anchor: string, repeat: "daily" | "weekly" | "monthly", timeZone: string, after = anchor) =>
  nextOccurrence({ anchor: new Date(anchor), repeat, timeZone, after: new Date(after) }).toISOString();

describe("recurrence", () => {
  it("keeps 09:00 in London across the change to summer time, and back", () => {
    // Clocks go forward on 28 March 2027 and back on 31 October 2027.
    expect(next("2027-03-27T09:00:00Z", "daily", "Europe/London")).toBe("2027-03-28T08:00:00.000Z");
    expect(next("2027-03-27T09:00:00Z", "daily", "Europe/London", "2027-03-28T08:00:00Z")).toBe("2027-03-29T08:00:00.000Z");
    expect(next("2027-10-30T08:00:00Z", "daily", "Europe/London")).toBe("2027-10-31T09:00:00.000Z");
    expect(next("2027-03-21T09:00:00Z", "weekly", "Europe/London")).toBe("2027-03-28T08:00:00.000Z");
  });

  it("moves a time the clocks skip forward by the gap, and takes the first of a time shown twice", () => {
    expect(zonedInstant({ year: 2027, month: 3, day: 28, hour: 1, minute: 30, second: 0, ms: 0 }, "Europe/London").toISOString()).toBe(
      "2027-03-28T01:30:00.000Z",
    );
    expect(zonedInstant({ year: 2027, month: 10, day: 31, hour: 1, minute: 30, second: 0, ms: 0 }, "Europe/London").toISOString()).toBe(
      "2027-10-31T00:30:00.000Z",
    );
    // A daily 01:30 send keeps 01:30 after the night that skipped it.
    expect(next("2027-03-27T01:30:00Z", "daily", "Europe/London", "2027-03-28T01:30:00Z")).toBe("2027-03-29T00:30:00.000Z");
  });

  it("sends a monthly send of the 31st on the last day of shorter months, and on the 31st again after", () => {
    const anchor = "2027-01-31T01:00:00Z"; // 10:00 in Tokyo
    const runs = [anchor];
    for (let i = 0; i < 4; i++) runs.push(next(anchor, "monthly", "Asia/Tokyo", runs.at(-1)!));
    expect(runs.map((r) => wallTime(new Date(r), "Asia/Tokyo")).map((w) => `${w.month}/${w.day} ${w.hour}:00`)).toEqual([
      "1/31 10:00",
      "2/28 10:00",
      "3/31 10:00",
      "4/30 10:00",
      "5/31 10:00",
    ]);
    expect(next("2028-01-31T01:00:00Z", "monthly", "Asia/Tokyo")).toBe("2028-02-29T01:00:00.000Z");
  });

  it("skips the occurrences that passed while the console was down", () => {
    expect(next("2027-05-01T00:00:00Z", "daily", "Asia/Taipei", "2027-05-10T12:00:00Z")).toBe("2027-05-11T00:00:00.000Z");
    expect(next("2027-05-01T00:00:00Z", "monthly", "Asia/Taipei", "2028-05-10T12:00:00Z")).toBe("2028-06-01T00:00:00.000Z");
  });

  it("knows IANA time zones from anything else", () => {
    expect(isTimeZone("Asia/Bangkok")).toBe(true);
    expect(isTimeZone("Europe/London")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});
