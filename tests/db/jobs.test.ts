import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enqueueJob } from "@/db/queries/jobs";
import { jobs } from "@/db/schema/jobs";
import { createJobWorker, type JobHandler } from "@/lib/platform/background/job-worker";
import { createTestDatabase, resetTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());
beforeEach(() => resetTestDatabase(t));

const all = () => t.handle.db.select().from(jobs);

describe("background jobs", () => {
  it("queues a key once, and runs it once", async () => {
    const seen: string[] = [];
    expect(await enqueueJob(t.handle.db, { kind: "media", key: "msg-1", payload: { n: 1 } })).toBe(true);
    expect(await enqueueJob(t.handle.db, { kind: "media", key: "msg-1", payload: { n: 2 } })).toBe(false);
    const w = createJobWorker({ db: t.handle.db, handlers: { media: async (job) => void seen.push(job.key) } });
    await w.tick();
    await w.drain();
    await w.tick();
    await w.drain();
    expect(seen).toEqual(["msg-1"]);
    expect((await all())[0]!.doneAt).not.toBeNull();
  });

  it("never gives one job to two workers at once", async () => {
    for (let i = 0; i < 20; i++) await enqueueJob(t.handle.db, { kind: "k", key: String(i) });
    const runs: string[] = [];
    const handler: JobHandler = async (job) => {
      runs.push(job.key);
      await new Promise((r) => setTimeout(r, 5));
    };
    const a = createJobWorker({ db: t.handle.db, handlers: { k: handler }, workerId: "a", maxInFlight: 20 });
    const b = createJobWorker({ db: t.handle.db, handlers: { k: handler }, workerId: "b", maxInFlight: 20 });
    await Promise.all([a.tick(), b.tick()]);
    await Promise.all([a.drain(), b.drain()]);
    expect(runs.sort()).toEqual(Array.from({ length: 20 }, (_, i) => String(i)).sort());
  });

  it("retries a failing job with backoff, then marks it failed with the error", async () => {
    await enqueueJob(t.handle.db, { kind: "flaky", key: "x", maxAttempts: 2 });
    const w = createJobWorker({
      db: t.handle.db,
      handlers: {
        flaky: async () => {
          throw new Error("LINE said 500");
        },
      },
    });
    await w.tick();
    await w.drain();
    let [job] = await all();
    expect(job).toMatchObject({ attempts: 1, lastError: "LINE said 500", failedAt: null });
    expect(job!.runAt.getTime()).toBeGreaterThan(Date.now());
    await t.handle.db.execute(sql`update jobs set run_at = now()`);
    await w.tick();
    await w.drain();
    [job] = await all();
    expect(job!.failedAt).not.toBeNull();
  });

  it("waits without counting an attempt when a handler says not yet", async () => {
    await enqueueJob(t.handle.db, { kind: "content", key: "video-1" });
    const w = createJobWorker({ db: t.handle.db, handlers: { content: async () => ({ retryAt: new Date(Date.now() + 60_000) }) } });
    await w.tick();
    await w.drain();
    const [job] = await all();
    expect(job).toMatchObject({ attempts: 0, doneAt: null, failedAt: null });
  });

  it("claims no job of a kind whose rate window is used up until the window is over, and others meanwhile", async () => {
    for (const key of ["p1", "p2", "p3"]) await enqueueJob(t.handle.db, { kind: "profile", key });
    await enqueueJob(t.handle.db, { kind: "media", key: "m1" });
    const ran: string[] = [];
    const windowEnds = Date.now() + 400;
    const w = createJobWorker({
      db: t.handle.db,
      maxInFlight: 1,
      handlers: {
        profile: async (job) => {
          ran.push(job.key);
          if (Date.now() < windowEnds) return { retryAt: new Date(windowEnds), holdKind: true };
        },
        media: async (job) => void ran.push(job.key),
      },
    });
    const step = async () => {
      const n = await w.tick();
      await w.drain();
      return n;
    };
    expect(await step()).toBe(1); // p1: the window is full, p1 goes back
    expect(await step()).toBe(1); // the media job, although p2 and p3 were due first
    expect(await step()).toBe(0); // nothing: profiles wait for the window
    expect(ran).toEqual(["p1", "m1"]);
    await new Promise((r) => setTimeout(r, windowEnds - Date.now() + 20));
    for (let i = 0; i < 3; i++) await step();
    expect(ran.slice(2).sort()).toEqual(["p1", "p2", "p3"]);
    expect((await all()).every((j) => j.doneAt !== null)).toBe(true);
  });

  it("runs a finished recurring job again when rescheduled", async () => {
    const w = createJobWorker({ db: t.handle.db, handlers: { sync: async () => {} } });
    await enqueueJob(t.handle.db, { kind: "sync", key: "followers" });
    await w.tick();
    await w.drain();
    expect(await enqueueJob(t.handle.db, { kind: "sync", key: "followers", reschedule: true })).toBe(true);
    expect((await all())[0]!.doneAt).toBeNull();
  });
});
