import { and, desc, eq, gte, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { auditLog } from "../schema/auth";

export type AuditEntry = typeof auditLog.$inferInsert;

export async function appendAudit(db: Db, entry: AuditEntry) {
  await db.insert(auditLog).values(entry);
}

export interface ListAuditParams {
  limit: number;
  /** This channel's entries, and (withConsole) those of no channel. */
  channelId: number;
  withConsole: boolean;
  action?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  cursor?: { at: Date; id: number };
}

/** Newest first, keyset-paginated. */
export async function listAudit(db: Db, params: ListAuditParams) {
  const c: SQL[] = [params.withConsole ? or(eq(auditLog.channelId, params.channelId), isNull(auditLog.channelId))! : eq(auditLog.channelId, params.channelId)];
  if (params.action) c.push(eq(auditLog.action, params.action));
  if (params.actorId) c.push(eq(auditLog.actorId, params.actorId));
  if (params.from) c.push(gte(auditLog.at, params.from));
  if (params.to) c.push(lte(auditLog.at, params.to));
  if (params.cursor) c.push(sql`(${auditLog.at}, ${auditLog.id}) < (${params.cursor.at.toISOString()}::timestamptz, ${params.cursor.id})`);
  const rows = await db
    .select()
    .from(auditLog)
    .where(c.length ? and(...c) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(params.limit + 1);
  return { items: rows.slice(0, params.limit), hasMore: rows.length > params.limit };
}

/** The distinct actions recorded (for the filter menu). */
export async function auditActions(db: Db) {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}
