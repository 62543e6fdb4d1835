import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { ensureDefaultChannel } from "@/db/queries/channels";
import { adminQuery, withDatabase } from "./db-global-setup";

export interface TestDatabase {
  handle: DatabaseHandle;
  channelId: number;
  /** On PostgreSQL: the database's URL, for a second handle (another instance of the console). */
  url?: string;
  close(): Promise<void>;
}

/** A fresh, migrated database of the engine under test, with the default channel created. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const config = inject("testDb");
  if (config.kind === "pglite") {
    const dump = await fs.readFile(config.dumpFile);
    const handle = await openDatabase({ kind: "pglite", loadDataDir: new Blob([dump]), migrate: false });
    const channelId = await ensureDefaultChannel(handle.db, { lineChannelId: null });
    return { handle, channelId, close: () => handle.close() };
  }
  const name = `oa_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(config.url, `create database ${name} template ${config.template}`);
  const url = withDatabase(config.url, name);
  const handle = await openDatabase({ kind: "postgres", url, migrate: false });
  const channelId = await ensureDefaultChannel(handle.db, { lineChannelId: null });
  return {
    handle,
    channelId,
    url,
    close: async () => {
      await handle.close();
      await adminQuery(config.url, `drop database if exists ${name} with (force)`);
    },
  };
}

export const engine = () => inject("testDb").kind;

/** Empty every table but channels (cheaper than a new database per test). */
export async function resetTestDatabase(t: TestDatabase): Promise<void> {
  const { sql } = await import("drizzle-orm");
  const res = (await t.handle.db.execute(sql`select tablename from pg_tables where schemaname = 'public' and tablename <> 'channels'`)) as unknown as {
    rows: Array<{ tablename: string }>;
  };
  const names = res.rows.map((r) => `"${r.tablename}"`).join(", ");
  if (!names) return;
  // A write a test left running (a store that outlived its deadline, say) can hold a lock on one table
  // while TRUNCATE holds another: PostgreSQL then ends one of them as a deadlock. Try again.
  for (let attempt = 1; ; attempt++) {
    try {
      await t.handle.db.execute(sql.raw(`truncate ${names} restart identity cascade`));
      return;
    } catch (err) {
      const code = (err as { cause?: { code?: string }; code?: string }).cause?.code ?? (err as { code?: string }).code;
      if (code !== "40P01" || attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}
