import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listEventsQuery } from "@/db/queries/events";
import { tablesDueForUpkeep } from "@/db/queries/upkeep";
import { pgliteUpkeepTask } from "@/lib/platform/background/pglite-upkeep";
import { eventBuilders } from "../fixtures/webhook-events";
import { storeEvents } from "../helpers/contacts";
import { createTestDatabase, engine, type TestDatabase } from "../helpers/test-db";

// PGlite has no autovacuum; the upkeep task stands in for it. On PostgreSQL the task is not started
// (autovacuum would race these assertions), so this file runs on PGlite only.
describe.skipIf(engine() !== "pglite")("PGlite upkeep (its stand-in for autovacuum)", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(() => t.close());

  const addEvents = async (n: number) => {
    for (let i = 0; i < n; i += 500) {
      await storeEvents(
        t.handle.db,
        t.channelId,
        Array.from({ length: Math.min(500, n - i) }, () => eventBuilders["message/text"]!()),
      );
    }
  };
  const firstPagePlan = async () => {
    const q = listEventsQuery(t.handle.db, { channelId: t.channelId, limit: 50 }).toSQL();
    const inlined = q.sql.replace(/\$(\d+)/g, (_, n) => String(q.params[Number(n) - 1]));
    const res = (await t.handle.db.execute(sql.raw(`explain ${inlined}`))) as unknown as { rows: Array<Record<string, string>> };
    return res.rows.map((r) => Object.values(r)[0]).join("\n");
  };

  it("gives the timeline's first page its index once the events table has grown", async () => {
    await addEvents(3000);
    // Without statistics the planner sorts every event of the channel for one page.
    expect(await firstPagePlan()).toMatch(/Sort/);
    expect(await tablesDueForUpkeep(t.handle.db)).toContainEqual(expect.objectContaining({ table: "events", analyze: true }));

    const task = pgliteUpkeepTask(t.handle.db);
    expect(await task.tick()).toBeGreaterThan(0);

    const plan = await firstPagePlan();
    expect(plan).toMatch(/Scan Backward using events_channel_ts_idx/);
    expect(plan).not.toMatch(/Sort/);
    expect((await tablesDueForUpkeep(t.handle.db)).map((d) => d.table)).not.toContain("events");
  });

  it("vacuums away the dead rows that updates leave", async () => {
    await addEvents(1000);
    await pgliteUpkeepTask(t.handle.db).tick();
    await t.handle.db.execute(sql`update webhook_deliveries set user_agent = 'rewritten'`);
    await t.handle.db.execute(sql`update events set mode = 'standby'`);
    expect(await deadRows(t, "events")).toBeGreaterThanOrEqual(1000);

    await pgliteUpkeepTask(t.handle.db).tick();
    expect(await deadRows(t, "events")).toBe(0);
  });

  it("waits while deliveries keep arriving, but not past its limit", async () => {
    await addEvents(1000);
    let clock = 0;
    const task = pgliteUpkeepTask(t.handle.db, { busy: () => true, checkEveryMs: 1000, maxDeferMs: 10_000, now: () => clock });

    expect(await task.tick()).toBe(0);
    clock = 5000;
    expect(await task.tick()).toBe(0);
    expect((await tablesDueForUpkeep(t.handle.db)).map((d) => d.table)).toContain("events");

    clock = 10_000;
    expect(await task.tick()).toBeGreaterThan(0);
    expect((await tablesDueForUpkeep(t.handle.db)).map((d) => d.table)).not.toContain("events");
  });

  it("looks again only after its interval", async () => {
    let clock = 0;
    const task = pgliteUpkeepTask(t.handle.db, { checkEveryMs: 30_000, now: () => clock });
    await task.tick();
    await addEvents(1000);
    clock = 29_000;
    expect(await task.tick()).toBe(0);
    clock = 30_000;
    expect(await task.tick()).toBeGreaterThan(0);
  });
});

async function deadRows(t: TestDatabase, table: string): Promise<number> {
  await t.handle.db.execute(sql`select pg_stat_force_next_flush()`);
  const res = (await t.handle.db.execute(sql`select n_dead_tup::int as dead from pg_stat_user_tables where relname = ${table}`)) as unknown as {
    rows: Array<{ dead: number }>;
  };
  return res.rows[0]!.dead;
}
