import { describe, expect, it } from "vitest";
import { fromLocalInput, toLocalInput } from "@/components/events/time-range";
import { eventFiltersToSearch, idFilterKey, parseEventFilters } from "@/lib/events/event-filters";
import { formatBytes, formatLatency, formatMediaDuration, shortId } from "@/lib/utils/format";

describe("formatting", () => {
  it("formats sizes, media durations and latencies", () => {
    expect(formatBytes(78, "en")).toBe("78 B");
    expect(formatBytes(999, "th")).toBe("999 B");
    expect(formatBytes(2138, "en")).toBe("2.1 kB");
    expect(formatBytes(4_812_000, "en")).toBe("4.8 MB");
    expect(formatMediaDuration(60_000)).toBe("1:00");
    expect(formatMediaDuration(3_723_000)).toBe("1:02:03");
    expect(formatLatency(12.4, "en")).toBe("12 ms");
    expect(formatLatency(1400, "en")).toBe("1.4 s");
    expect(formatLatency(39, "th")).toBe("39 ms");
    expect(formatLatency(null, "en")).toBe("—");
  });

  it("shortens LINE ids to head and tail", () => {
    expect(shortId("U066548bbcded8077efcfe3fb2c3ea935")).toBe("U0665…a935");
    expect(shortId("short")).toBe("short");
  });
});

describe("timeline filters in the URL", () => {
  const user = "U066548bbcded8077efcfe3fb2c3ea935";

  it("keeps valid filters and drops invalid ones and unknown parameters", () => {
    expect(parseEventFilters({ type: "message", userId: user, sourceType: "planet", q: " 東京 ", event: "12", redelivery: "yes" })).toEqual({
      type: "message",
      userId: user,
      q: "東京",
    });
  });

  it("writes filters in a stable order, so equal filters make equal URLs", () => {
    expect(eventFiltersToSearch({ q: "สวัสดี", type: "message" }).toString()).toBe(eventFiltersToSearch({ type: "message", q: "สวัสดี" }).toString());
    expect(eventFiltersToSearch({ type: "follow", q: undefined }).toString()).toBe("type=follow");
  });

  it("tells user, group and room ids apart by their prefix", () => {
    expect(idFilterKey(user)).toBe("userId");
    expect(idFilterKey(`C${user.slice(1)}`)).toBe("groupId");
    expect(idFilterKey(`R${user.slice(1)}`)).toBe("roomId");
    expect(idFilterKey("U123")).toBeNull();
  });

  it("reads and writes datetime-local values as wall-clock time in the operator's zone", () => {
    expect(fromLocalInput("2026-05-01T09:30", "Asia/Taipei")).toBe("2026-05-01T01:30:00.000Z");
    expect(fromLocalInput("2026-05-01T09:30", "Asia/Bangkok")).toBe("2026-05-01T02:30:00.000Z");
    expect(toLocalInput("2026-05-01T01:30:00.000Z", "Asia/Tokyo")).toBe("2026-05-01T10:30");
    expect(fromLocalInput("2026-07-01T12:00", "Europe/London")).toBe("2026-07-01T11:00:00.000Z");
    expect(toLocalInput(fromLocalInput("2026-03-29T03:30", "Europe/London"), "Europe/London")).toBe("2026-03-29T03:30");
    expect(fromLocalInput("", "UTC")).toBeUndefined();
  });
});
