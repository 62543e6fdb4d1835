import { describe, expect, it } from "vitest";
import { defaultWhen, resolveWhen, whenFromSchedule, type WhenState } from "@/components/schedules/when-state";

const now = new Date("2026-05-01T03:20:00Z"); // 11:20 in Taipei
const when = (patch: Partial<WhenState>): WhenState => ({
  mode: "schedule",
  date: "2026-05-02",
  time: "09:30",
  timeZone: "Asia/Taipei",
  repeat: "none",
  until: "",
  ...patch,
});

describe("choosing when a send goes", () => {
  it("starts on the next whole hour at least half an hour away, on the operator's clock", () => {
    expect(defaultWhen("Asia/Taipei", now)).toMatchObject({ mode: "now", date: "2026-05-01", time: "12:00", timeZone: "Asia/Taipei", repeat: "none" });
    // 11:35 → 13:00: 12:00 is less than half an hour away.
    expect(defaultWhen("Asia/Taipei", new Date("2026-05-01T03:35:00Z")).time).toBe("13:00");
    // A half-hour zone keeps its own half hour.
    expect(defaultWhen("Asia/Kolkata", now).time).toBe("09:30");
  });

  it("gives the API the moment with the operator's offset", () => {
    const r = resolveWhen(when({}), now);
    expect(r).toMatchObject({ runAt: "2026-05-02T09:30:00+08:00", problem: null, repeatUntil: null });
    expect(r.instant?.toISOString()).toBe("2026-05-02T01:30:00.000Z");
    expect(resolveWhen(when({ timeZone: "Europe/Paris" }), now).runAt).toBe("2026-05-02T09:30:00+02:00");
  });

  it("refuses a time that has passed or is less than a minute away, and an incomplete one", () => {
    expect(resolveWhen(when({ date: "2026-05-01", time: "11:00" }), now).problem).toBe("past");
    expect(resolveWhen(when({ date: "2026-05-01", time: "11:20" }), now).problem).toBe("past");
    expect(resolveWhen(when({ date: "2026-05-01", time: "11:22" }), now).problem).toBeNull();
    expect(resolveWhen(when({ time: "" }), now)).toMatchObject({ problem: "missing", runAt: null });
  });

  it("ends a repeat at the end of its last day, and refuses one that ends before it starts", () => {
    const r = resolveWhen(when({ repeat: "weekly", until: "2026-06-30" }), now);
    expect(r.repeatUntil).toBe("2026-06-30T23:59:59+08:00");
    expect(resolveWhen(when({ repeat: "daily", until: "2026-05-01" }), now).problem).toBe("untilBeforeStart");
    // A date left over from a repeat that was switched off does not count.
    expect(resolveWhen(when({ repeat: "none", until: "2026-05-01" }), now)).toMatchObject({ problem: null, repeatUntil: null });
  });

  it("says when a European operator picks a time their clocks skip or repeat", () => {
    const spring = resolveWhen(when({ date: "2026-03-29", time: "02:30", timeZone: "Europe/Berlin" }), new Date("2026-03-01T00:00:00Z"));
    expect(spring).toMatchObject({ shifted: true, runAt: "2026-03-29T03:30:00+02:00" });
    const autumn = resolveWhen(when({ date: "2026-10-25", time: "02:30", timeZone: "Europe/Berlin" }), new Date("2026-10-01T00:00:00Z"));
    expect(autumn).toMatchObject({ ambiguous: true, runAt: "2026-10-25T02:30:00+02:00" });
  });

  it("opens a schedule on the clock it was made on", () => {
    expect(whenFromSchedule({ runAt: "2026-05-02T01:30:00Z", timeZone: "Asia/Bangkok", repeat: "monthly", repeatUntil: "2026-12-31T16:59:59Z" })).toEqual({
      mode: "schedule",
      date: "2026-05-02",
      time: "08:30",
      timeZone: "Asia/Bangkok",
      repeat: "monthly",
      until: "2026-12-31",
    });
  });
});
