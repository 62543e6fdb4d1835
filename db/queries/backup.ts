import { sql } from "drizzle-orm";
import type { Db } from "../client";

// PostgreSQL's online backup (the "low-level API"): between start and stop the data files may be copied
// while the database keeps writing, and the WAL written meanwhile makes the copy consistent when it is
// opened. Both calls must come from one session: PGlite has only one.

/** Start a backup (an immediate checkpoint); answers the WAL position the copy will be replayed from. */
export async function startBackup(db: Db, params: { label: string }): Promise<{ startLsn: string }> {
  const result = await db.execute(sql`select pg_backup_start(${params.label}, true)::text as lsn`);
  return { startLsn: (result as unknown as { rows: Array<{ lsn: string }> }).rows[0]!.lsn };
}

/**
 * End the backup: answers the backup_label file the copy must carry, and the WAL position it is
 * consistent at (everything committed before this call is in it, once the WAL up to here is copied) with
 * the segment file that holds it.
 */
export async function stopBackup(db: Db): Promise<{ stopLsn: string; stopSegment: string; labelFile: string }> {
  const result = await db.execute(sql`select lsn::text as lsn, pg_walfile_name(lsn) as segment, labelfile from pg_backup_stop(false)`);
  const row = (result as unknown as { rows: Array<{ lsn: string; segment: string; labelfile: string }> }).rows[0]!;
  return { stopLsn: row.lsn, stopSegment: row.segment, labelFile: row.labelfile };
}

/** What a restored database holds, to say so (and to find out that it opens and answers at all). */
export async function databaseSummary(db: Db) {
  const result = await db.execute(sql`
    select
      (select count(*) from events)::int as events,
      (select count(*) from webhook_deliveries)::int as deliveries,
      (select count(*) from friends)::int as friends,
      (select count(*) from sends)::int as sends,
      (select count(*) from "user")::int as members,
      (select max("timestamp") from events)::text as newest_event,
      (select count(*) from drizzle.__drizzle_migrations)::int as migrations`);
  const r = (
    result as unknown as {
      rows: Array<{ events: number; deliveries: number; friends: number; sends: number; members: number; newest_event: string | null; migrations: number }>;
    }
  ).rows[0]!;
  return {
    events: r.events,
    deliveries: r.deliveries,
    friends: r.friends,
    sends: r.sends,
    members: r.members,
    newestEventAt: r.newest_event === null ? null : new Date(r.newest_event),
    migrations: r.migrations,
  };
}
