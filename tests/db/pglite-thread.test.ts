import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startPgliteWorker } from "@/db/pglite-bridge";
import { rateWindows } from "@/db/schema/sends";
import { createTestDatabase, engine, resetTestDatabase, type TestDatabase } from "../helpers/test-db";

// PGlite runs in a thread of its own (db/pglite-worker.ts, db/pglite-bridge.ts). What the rest of the
// app relies on: the web server's thread keeps running during a query, the webhook's writes go first,
// and transactions, errors and notifications behave as they do in-process.
describe.runIf(engine() === "pglite")("PGlite in its own thread", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());
  beforeEach(() => resetTestDatabase(t));

  it("keeps the server's thread free while a long query runs", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      const started = performance.now();
      await t.handle.db.execute(sql`select count(*) from generate_series(1, 3000000)`);
      const tookMs = performance.now() - started;
      // In-process, one statement is one synchronous WebAssembly call: no timer could fire during it.
      expect(tookMs).toBeGreaterThan(50);
      expect(ticks).toBeGreaterThanOrEqual(3);
    } finally {
      clearInterval(timer);
    }
  });

  it("runs the webhook's writes before queries that were waiting longer", async () => {
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let queued!: () => void;
    const bothQueued = new Promise<void>((resolve) => (queued = resolve));
    // A transaction holds the database; meanwhile an ordinary query and then a priority one arrive.
    const tx = t.handle.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      const a = t.handle.db.execute(sql`select 'ordinary'`).then(() => order.push("ordinary"));
      const b = t.handle.priorityDb.execute(sql`select 'priority'`).then(() => order.push("priority"));
      // Messages to the database thread arrive in order: once this answers, both wait in its queues.
      await tx.execute(sql`select 2`);
      queued();
      await held;
      // Not awaited here: they can only run once this transaction has ended.
      return { waiting: Promise.all([a, b]) };
    });
    await bothQueued;
    expect(order).toEqual([]);
    release();
    await (
      await tx
    ).waiting;
    expect(order).toEqual(["priority", "ordinary"]);
  });

  it("commits a transaction's writes together, and rolls all of them back when it throws", async () => {
    const row = (key: string) => ({ key, windowStart: new Date(0), used: 1 });
    await t.handle.db.transaction(async (tx) => {
      await tx.insert(rateWindows).values(row("kept-1"));
      await tx.insert(rateWindows).values(row("kept-2"));
    });
    await expect(
      t.handle.db.transaction(async (tx) => {
        await tx.insert(rateWindows).values(row("dropped"));
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    const keys = (await t.handle.db.select().from(rateWindows)).map((r) => r.key).sort();
    expect(keys).toEqual(["kept-1", "kept-2"]);
  });

  it("runs statements a transaction issues at once, and a transaction that issues none", async () => {
    const row = (key: string) => ({ key, windowStart: new Date(0), used: 1 });
    await t.handle.db.transaction((tx) => Promise.all([tx.insert(rateWindows).values(row("a")), tx.insert(rateWindows).values(row("b"))]));
    expect(await t.handle.db.transaction(async () => "nothing to write")).toBe("nothing to write");
    expect((await t.handle.db.select().from(rateWindows)).map((r) => r.key).sort()).toEqual(["a", "b"]);
  });

  it("hands back PostgreSQL's error fields, so callers can tell a conflict from an outage", async () => {
    await t.handle.db.insert(rateWindows).values({ key: "k", windowStart: new Date(0), used: 1 });
    const err = await t.handle.db
      .insert(rateWindows)
      .values({ key: "k", windowStart: new Date(0), used: 1 })
      .then(
        () => null,
        (e: unknown) => e as { cause?: { code?: string; constraint?: string } },
      );
    expect(err?.cause?.code).toBe("23505");
    expect(err?.cause?.constraint).toMatch(/rate_windows/);
  });

  it("delivers NOTIFY to listeners until they stop listening", async () => {
    const got: string[] = [];
    const unlisten = await t.handle.listen("oa_test_channel", (payload) => got.push(payload));
    await t.handle.db.execute(sql`select pg_notify('oa_test_channel', 'first')`);
    await t.handle.db.execute(sql`select 1`);
    await unlisten();
    await t.handle.db.execute(sql`select pg_notify('oa_test_channel', 'second')`);
    await t.handle.db.execute(sql`select 1`);
    expect(got).toEqual(["first"]);
  });

  it("returns dates, times and intervals as PostgreSQL's text, as drizzle asks, and refuses other parsing", async () => {
    const when = sql`select '2026-01-02 03:04:05+00'::timestamptz as at, '2026-01-02'::date as day, array['2026-01-02'::date] as days, '1 day'::interval as span, 1.5::numeric as n`;
    const viaDrizzle = (await t.handle.db.execute(when)) as unknown as { rows: Array<Record<string, unknown>> };
    expect(viaDrizzle.rows[0]).toEqual({ at: "2026-01-02 03:04:05+00", day: "2026-01-02", days: "{2026-01-02}", span: "1 day", n: "1.5" });
    // drizzle turns the text into its columns' values: a timestamp column reads back as the same instant.
    const at = new Date("2026-01-02T03:04:05.678Z");
    await t.handle.db.insert(rateWindows).values({ key: "instant", windowStart: at, used: 1 });
    expect((await t.handle.db.select().from(rateWindows))[0]!.windowStart).toEqual(at);

    // Any other client of the database thread gets the same text, or a clear refusal.
    const bridge = await startPgliteWorker({});
    try {
      const text = "select '2026-01-02 03:04:05+00'::timestamptz as at, '2026-01-02'::date as day";
      expect((await bridge.client(false).query(text)).rows[0]).toEqual({ at: "2026-01-02 03:04:05+00", day: "2026-01-02" });
      const keep = (v: string) => v;
      await expect(bridge.client(false).query(text, [], { parsers: { 1184: keep } })).rejects.toThrow(/other parsers \(1184\) are not supported/);
    } finally {
      await bridge.close();
    }
  });
});
