import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as healthRoute from "@/app/api/health/route";
import * as readyRoute from "@/app/api/health/ready/route";
import { shippedMigrations } from "@/db/client";
import { runtimeSlot } from "@/lib/runtime/current";
import { startRuntime, type Runtime } from "@/lib/runtime/runtime";
import { useProcessDatabase } from "../helpers/process-db";

// Liveness says the process answers; readiness says this instance can work: the server's runtime built,
// the database answering, every migration of this build applied, background work running. Neither needs
// a session, and neither opens the database for the request.
describe("health and readiness", () => {
  let cleanup: () => Promise<void>;
  let runtime: Runtime;
  beforeAll(async () => {
    cleanup = await useProcessDatabase();
  });
  afterAll(() => cleanup());

  const ready = async () => {
    const res = await readyRoute.GET();
    return { status: res.status, body: (await res.json()) as { ok: boolean; failed: string[]; checks: Record<string, { ok: boolean; detail?: string }> } };
  };

  it("answers liveness from the process alone, and readiness 503 before the server has built its runtime, building none", async () => {
    const live = healthRoute.GET();
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ ok: true });
    const { status, body } = await ready();
    expect(status).toBe(503);
    expect(body.failed).toEqual(["runtime", "database", "migrations", "background"]);
    expect(body.checks.runtime).toEqual({ ok: false, detail: "not started" });
    expect(runtimeSlot()).toBeUndefined();
  });

  it("is ready once the server's runtime runs: database, migrations, background work", async () => {
    runtime = await startRuntime();
    const { status, body } = await ready();
    expect(body.failed).toEqual([]);
    expect(status).toBe(200);
    expect(body).toEqual({
      ok: true,
      failed: [],
      checks: { runtime: { ok: true }, database: { ok: true }, migrations: { ok: true }, background: { ok: true } },
    });
  });

  it("names the migrations when the database is behind this build", async () => {
    const { count } = shippedMigrations();
    const newest = (await runtime.db.execute(
      sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations) returning hash, created_at`,
    )) as unknown as {
      rows: Array<{ hash: string; created_at: string }>;
    };
    try {
      const { status, body } = await ready();
      expect(status).toBe(503);
      expect(body.failed).toEqual(["migrations"]);
      expect(body.checks.migrations).toEqual({ ok: false, detail: `${count - 1} of ${count} applied` });
    } finally {
      const row = newest.rows[0]!;
      await runtime.db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${row.hash}, ${row.created_at})`);
    }
    expect((await ready()).status).toBe(200);
  });

  it("names background work when it has stopped", async () => {
    await runtime.background!.stop();
    const { status, body } = await ready();
    expect(status).toBe(503);
    expect(body.failed).toEqual(["background"]);
    expect(body.checks.background).toEqual({ ok: false, detail: "stopped" });
  });

  it("names the database when it does not answer, with no error text", async () => {
    await runtime.handle.close();
    const { status, body } = await ready();
    expect(status).toBe(503);
    expect(body.checks.database).toEqual({ ok: false, detail: "failed" });
    expect(body.failed).toContain("database");
  });
});
