import { sql } from "drizzle-orm";
import type { Db } from "../client";

/** A round trip to the database: it throws when the database does not answer. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/** The migrations drizzle has recorded as applied (its own table): how many, and the newest one's journal time. */
export async function appliedMigrations(db: Db): Promise<{ count: number; newest: number | null }> {
  // A database no migration ever ran on has no such table (and a query naming it would fail).
  const present = (await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`)) as unknown as {
    rows: Array<{ present: boolean }>;
  };
  if (!present.rows[0]?.present) return { count: 0, newest: null };
  const res = (await db.execute(sql`select count(*)::int as count, max(created_at)::text as newest from drizzle.__drizzle_migrations`)) as unknown as {
    rows: Array<{ count: number; newest: string | null }>;
  };
  const row = res.rows[0];
  return { count: row?.count ?? 0, newest: row?.newest ? Number(row.newest) : null };
}
