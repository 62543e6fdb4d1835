import { sql } from "drizzle-orm";
import type { Db } from "../client";

/**
 * The NOTIFY channel that says someone's access ended: a member's session (signed out, ended from
 * another session, the member disabled) or an API key (revoked). The payload is the member's or the
 * key's id. Every instance listens (lib/platform/live/hub.ts) and ends the live streams opened with it.
 */
export const ACCESS_CHANNEL = "oa_access";

export async function announceAccessEnded(db: Db, params: { id: string }) {
  await db.execute(sql`select pg_notify(${ACCESS_CHANNEL}, ${params.id})`);
}
