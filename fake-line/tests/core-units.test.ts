import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseCli } from "../cli-options";
import { createClock } from "../core/clock";
import { createMessageIdFactory, createUlidFactory, ID_PATTERNS } from "../core/ids";
import { endOfJstDay, jstDate } from "../core/jst";
import { createRng, mulberry32 } from "../core/prng";
import { RingBuffer } from "../core/ring-buffer";
import { jsonErrorOffset } from "../http/parse-json";
import { encodePng } from "../media/png";

describe("mulberry32", () => {
  it("matches the canonical mulberry32 sequence for seed 1", () => {
    const next = mulberry32(1);
    expect([next(), next(), next()].map((v) => v.toFixed(10))).toEqual(["0.6270739406", "0.0027357212", "0.5274470400"]);
  });

  it("gives independent streams per purpose", () => {
    expect(createRng(5, "a").hex(32)).not.toBe(createRng(5, "b").hex(32));
    expect(createRng(5, "a").hex(32)).toBe(createRng(5, "a").hex(32));
  });
});

describe("identifiers", () => {
  it("makes ULIDs that sort by time and stay unique within a millisecond", () => {
    const ulid = createUlidFactory();
    const ids = [ulid(1000), ulid(1000), ulid(1000), ulid(2000)];
    for (const id of ids) expect(id).toMatch(ID_PATTERNS.ulid);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(4);
    expect(ulid(1_763_712_037_500).slice(0, 10)).toBe("01KAJPVWKW");
  });

  it("makes increasing 18-digit message ids", () => {
    const next = createMessageIdFactory(createRng(1));
    const ids = Array.from({ length: 100 }, next);
    for (const id of ids) expect(id).toMatch(ID_PATTERNS.messageId);
    expect(ids.map(BigInt).every((v, i, all) => i === 0 || v > (all[i - 1] as bigint))).toBe(true);
  });
});

describe("UTC+9 dates", () => {
  it("switches days at 15:00 UTC", () => {
    expect(jstDate(Date.UTC(2026, 0, 1, 14, 59))).toBe("20260101");
    expect(jstDate(Date.UTC(2026, 0, 1, 15, 0))).toBe("20260102");
    expect(endOfJstDay("20260102")).toBe(Date.UTC(2026, 0, 2, 14, 59, 59, 999));
    expect(endOfJstDay("20260230")).toBeUndefined();
  });
});

describe("fake clock", () => {
  it("advances on request and can run faster than real time", () => {
    const clock = createClock({ scale: 60, startAt: 0 });
    clock.advance(5000);
    expect(clock.now()).toBeGreaterThanOrEqual(5000);
    expect(clock.toRealMs(60_000)).toBe(1000);
  });
});

describe("ring buffer", () => {
  it("keeps the newest items and counts the dropped ones", () => {
    const ring = new RingBuffer<number>(3);
    for (let i = 0; i < 10; i++) ring.push(i);
    expect(ring.toArray()).toEqual([7, 8, 9]);
    expect(ring.dropped).toBe(7);
  });
});

describe("JSON error positions", () => {
  it("points at the offending character", () => {
    expect(jsonErrorOffset('{"a": [}')).toBe(7);
    expect(jsonErrorOffset('{"a": 1')).toBe(7);
    expect(jsonErrorOffset('{"a": tru}')).toBe(9);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
  });
});

describe("PNG encoder", () => {
  it("writes a valid PNG whose pixels decode back", () => {
    const png = encodePng(3, 2, (x, y) => [x * 100, y * 100, 7]);
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(3);
    expect(png.readUInt32BE(20)).toBe(2);
    const idatLength = png.readUInt32BE(33);
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    expect([...raw]).toEqual([0, 0, 0, 7, 100, 0, 7, 200, 0, 7, 0, 0, 100, 7, 100, 100, 7, 200, 100, 7]);
  });
});

describe("command line", () => {
  it("reads flags over environment variables", () => {
    const { options, verbose } = parseCli(["--port", "4011", "--quota=none", "--no-rate-limits", "--redelivery"], {
      FAKE_LINE_PORT: "9999",
      FAKE_LINE_SEED: "7",
      FAKE_LINE_VERBOSE: "1",
    });
    expect(options).toEqual({ port: 4011, seed: 7, monthlyQuota: "none", rateLimiting: false, redelivery: true });
    expect(verbose).toBe(true);
  });

  it("rejects unknown flags and bad values", () => {
    expect(() => parseCli(["--prot", "1"], {})).toThrow(/Unknown flag/);
    expect(() => parseCli(["--friends", "many"], {})).toThrow(/non-negative integer/);
  });
});
