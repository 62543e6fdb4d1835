import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { drafts, testRecipients } from "@/db/schema/sends";

export async function listDrafts(db: Db, params: { channelId: number }) {
  return db.select().from(drafts).where(eq(drafts.channelId, params.channelId)).orderBy(desc(drafts.updatedAt)).limit(200);
}

export async function getDraft(db: Db, params: { channelId: number; id: string }) {
  const [row] = await db
    .select()
    .from(drafts)
    .where(and(eq(drafts.channelId, params.channelId), eq(drafts.id, params.id)));
  return row;
}

export async function saveDraft(db: Db, params: typeof drafts.$inferInsert) {
  const [row] = await db
    .insert(drafts)
    .values(params)
    .onConflictDoUpdate({
      target: drafts.id,
      set: {
        kind: params.kind,
        title: params.title,
        body: params.body,
        updatedAt: new Date(),
        ...(params.working !== undefined ? { working: params.working } : {}),
      },
    })
    .returning();
  return row!;
}

/**
 * The member's working draft, created or replaced in one statement (two tabs saving at once still
 * leave one): the composer's autosave of a composition nobody has named or saved yet.
 */
export async function saveWorkingDraft(db: Db, params: Omit<typeof drafts.$inferInsert, "working">) {
  const [row] = await db
    .insert(drafts)
    .values({ ...params, working: true })
    .onConflictDoUpdate({
      target: [drafts.channelId, drafts.authorId],
      targetWhere: sql`working`,
      set: { kind: params.kind, title: params.title, body: params.body, updatedAt: new Date() },
    })
    .returning();
  return row!;
}

export async function getWorkingDraft(db: Db, params: { channelId: number; authorId: string }) {
  const [row] = await db
    .select()
    .from(drafts)
    .where(and(eq(drafts.channelId, params.channelId), eq(drafts.authorId, params.authorId), eq(drafts.working, true)));
  return row;
}

export async function deleteDraft(db: Db, params: { channelId: number; id: string }) {
  const [row] = await db
    .delete(drafts)
    .where(and(eq(drafts.channelId, params.channelId), eq(drafts.id, params.id)))
    .returning({ id: drafts.id, title: drafts.title, kind: drafts.kind });
  return row;
}

export async function listTestRecipients(db: Db, params: { channelId: number }) {
  return db.select().from(testRecipients).where(eq(testRecipients.channelId, params.channelId)).orderBy(testRecipients.createdAt);
}

export async function addTestRecipient(db: Db, params: typeof testRecipients.$inferInsert) {
  const [row] = await db.insert(testRecipients).values(params).returning();
  return row!;
}

export async function removeTestRecipient(db: Db, params: { channelId: number; id: string }) {
  const rows = await db
    .delete(testRecipients)
    .where(and(eq(testRecipients.channelId, params.channelId), eq(testRecipients.id, params.id)))
    .returning({ id: testRecipients.id });
  return rows.length > 0;
}
