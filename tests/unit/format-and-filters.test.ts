import { describe, expect, it } from "vitest";
import { fromLocalInput, toLocalInput } from "@/components/events/time-range";
import { eventFilterKeys } from "@/lib/events/event-filter-rules";
import { eventFiltersToSearch, idFilterKey, isValidFilter, parseEventFilters } from "@/lib/events/event-filters";
import { listEventsQuerySchema } from "@/lib/events/list-events-schema";
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

describe("the browser's filter check and the route's schema", () => {
  // The events page checks a URL's filters without zod; it must agree with the route on every value, or a
  // link would show a filter the API then refuses (or drop one it would take).
  const samples = [
    "",
    " ",
    "message",
    "follow",
    "9lives",
    "a".repeat(64),
    "a".repeat(65),
    "text_v2",
    "user",
    "group",
    "room",
    "Room",
    `U${"a".repeat(32)}`,
    `C${"0".repeat(32)}`,
    `R${"f".repeat(32)}`,
    `U${"A".repeat(32)}`,
    `U${"a".repeat(31)}`,
    "台北",
    "สวัสดี",
    "x".repeat(200),
    "x".repeat(201),
    "  padded  ",
    "2026-12-05T06:00:00Z",
    "2026-12-05",
    "1733380000000",
    "99999999999999999",
    "10000-01-01",
    "0000-01-01T00:00:00Z",
    "not a date",
    "true",
    "false",
    "TRUE",
    "1",
  ];
  for (const key of eventFilterKeys)
    it(`agrees on ${key}`, () => {
      for (const value of samples) expect([value, isValidFilter(key, value)]).toEqual([value, listEventsQuerySchema.shape[key].safeParse(value).success]);
    });
});
