import { sql } from "drizzle-orm";
import type { Db } from "../client";

// What autovacuum does on PostgreSQL, for PGlite, which has no autovacuum: refresh the planner's
// statistics of tables that changed, and vacuum away dead rows. Without statistics the planner guesses
// that "channel_id = 1" matches 0.5 % of the events and sorts them all for every timeline page instead
// of reading the newest 51 from the (channel_id, timestamp, id) index: a page then costs in proportion
// to the whole table.

// autovacuum's rules (analyze: changed rows; vacuum: dead rows, or inserted rows since the last vacuum),
// with a larger share for analyze: statistics only need to describe the distribution, and the planner
// scales row counts by the table's current size on its own.
const ANALYZE_BASE = 200;
const ANALYZE_SHARE = 0.2;
const VACUUM_BASE = 200;
const VACUUM_SHARE = 0.2;
const INSERT_VACUUM_BASE = 1000;
const INSERT_VACUUM_SHARE = 0.2;
// A table never analyzed since its statistics were lost (or ever) once it holds this much.
const NEVER_ANALYZED_BYTES = 64 * 1024;
// 3,000 sampled rows instead of 30,000: an ANALYZE of events takes ~50 ms instead of ~500 ms on PGlite,
// and holds its one connection (so the webhook's writes wait) that long.
const STATISTICS_TARGET = 10;

export interface TableUpkeep {
  table: string;
  analyze: boolean;
  vacuum: boolean;
}

/** Tables of the public schema whose statistics are stale or that hold many dead rows. */
export async function tablesDueForUpkeep(db: Db): Promise<TableUpkeep[]> {
  // A backend publishes its counters at most once a second; this makes it publish them now, as this
  // statement ends, so that the next one reads them.
  await db.execute(sql`select pg_stat_force_next_flush()`);
  const result = (await db.execute(sql`
    select s.relname as "table",
           greatest(c.reltuples, 0)::float8 as tuples,
           c.reltuples < 0 as never_analyzed,
           pg_relation_size(c.oid)::float8 as bytes,
           s.n_mod_since_analyze::float8 as modified,
           s.n_dead_tup::float8 as dead,
           s.n_ins_since_vacuum::float8 as inserted
    from pg_stat_user_tables s join pg_class c on c.oid = s.relid
    where s.schemaname = 'public'
    order by s.relname`)) as unknown as {
    rows: Array<{ table: string; tuples: number; never_analyzed: boolean; bytes: number; modified: number; dead: number; inserted: number }>;
  };
  return result.rows
    .map((r) => ({
      table: r.table,
      analyze: r.modified >= ANALYZE_BASE + ANALYZE_SHARE * r.tuples || (r.never_analyzed && r.bytes >= NEVER_ANALYZED_BYTES),
      vacuum: r.dead >= VACUUM_BASE + VACUUM_SHARE * r.tuples || r.inserted >= INSERT_VACUUM_BASE + INSERT_VACUUM_SHARE * r.tuples,
    }))
    .filter((t) => t.analyze || t.vacuum);
}

/** Vacuum and/or analyze one table, in that order (VACUUM cannot run inside a transaction). */
export async function upkeepTable(db: Db, params: TableUpkeep): Promise<void> {
  const table = sql.identifier(params.table);
  if (params.vacuum) await db.execute(sql`vacuum ${table}`);
  if (params.analyze) {
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local default_statistics_target = ${STATISTICS_TARGET}`));
      await tx.execute(sql`analyze ${table}`);
    });
  }
}
