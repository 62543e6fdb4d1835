import type { InfiniteData } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { bufferLiveEvents, compareEvents, mergeLiveEvents, type EventPageLike } from "@/lib/events/merge-live";
import type { EventItem } from "@/lib/events/serialize";

const ev = (id: number, at: number) => ({ id: String(id), timestamp: new Date(at * 1000).toISOString() }) as EventItem;
const pages = (...ps: Array<[EventItem[], string | null]>): InfiniteData<EventPageLike, string | null> => ({
  pages: ps.map(([items, nextCursor]) => ({ items, nextCursor })),
  pageParams: ps.map((_, i) => (i === 0 ? null : `c${i}`)),
});
const ids = (d: InfiniteData<EventPageLike, string | null>) => d.pages.map((p) => p.items.map((e) => e.id));

describe("mergeLiveEvents", () => {
  it("puts a newer event first", () => {
    const { data, added } = mergeLiveEvents(pages([[ev(2, 20), ev(1, 10)], null]), [ev(3, 30)]);
    expect(ids(data)).toEqual([["3", "2", "1"]]);
    expect(added).toEqual(["3"]);
  });

  it("places an event by its time, not by when it arrived (a late redelivery lands in the middle)", () => {
    const { data } = mergeLiveEvents(pages([[ev(5, 50), ev(4, 40)], "c1"], [[ev(2, 20), ev(1, 10)], null]), [ev(9, 30)]);
    expect(ids(data)).toEqual([
      ["5", "4"],
      ["9", "2", "1"],
    ]);
  });

  it("breaks timestamp ties by id, highest first", () => {
    const { data } = mergeLiveEvents(pages([[ev(7, 10), ev(5, 10)], null]), [ev(6, 10), ev(8, 10)]);
    expect(ids(data)).toEqual([["8", "7", "6", "5"]]);
  });

  it("skips events already shown and duplicates within the batch", () => {
    const before = pages([[ev(2, 20), ev(1, 10)], null]);
    const { data, added } = mergeLiveEvents(before, [ev(2, 20), ev(3, 30), ev(3, 30)]);
    expect(ids(data)).toEqual([["3", "2", "1"]]);
    expect(added).toEqual(["3"]);
  });

  it("leaves out an event older than everything loaded while older pages remain (the cursor will bring it)", () => {
    const before = pages([[ev(5, 50), ev(4, 40)], "c1"]);
    const { data, added } = mergeLiveEvents(before, [ev(9, 5)]);
    expect(data).toBe(before);
    expect(added).toEqual([]);
  });

  it("appends an old event when the whole history is loaded", () => {
    const { data } = mergeLiveEvents(pages([[ev(5, 50)], null]), [ev(9, 5)]);
    expect(ids(data)).toEqual([["5", "9"]]);
  });

  it("fills an empty timeline", () => {
    const { data } = mergeLiveEvents(pages([[], null]), [ev(1, 10), ev(2, 20)]);
    expect(ids(data)).toEqual([["2", "1"]]);
  });

  it("does not change the pages it was given", () => {
    const before = pages([[ev(2, 20)], null]);
    mergeLiveEvents(before, [ev(3, 30)]);
    expect(ids(before)).toEqual([["2"]]);
  });
});

describe("bufferLiveEvents", () => {
  it("keeps held events newest first and unique", () => {
    expect(bufferLiveEvents([ev(1, 10)], [ev(3, 30), ev(1, 10), ev(2, 20)]).map((e) => e.id)).toEqual(["3", "2", "1"]);
  });
});

describe("compareEvents", () => {
  it("compares ids beyond 2^53 exactly", () => {
    expect(
      compareEvents({ id: "9007199254740993", timestamp: "2026-01-01T00:00:00Z" }, { id: "9007199254740992", timestamp: "2026-01-01T00:00:00Z" }),
    ).toBeLessThan(0);
  });
});
