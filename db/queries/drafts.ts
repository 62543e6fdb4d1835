import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { drafts, testRecipients } from "../schema/messages";

export async function listDrafts(db: Db, params: { channelId: number }) {
  return db.select().from(drafts).where(eq(drafts.channelId, params.channelId)).orderBy(desc(drafts.updatedAt)).limit(200);
}

export async function getDraft(db: Db, params: { channelId: number; id: string }) {
  const [row] = await db.select().from(drafts).where(and(eq(drafts.channelId, params.channelId), eq(drafts.id, params.id)));
  return row;
}

export async function saveDraft(db: Db, params: typeof drafts.$inferInsert) {
  const [row] = await db
    .insert(drafts)
    .values(params)
    .onConflictDoUpdate({ target: drafts.id, set: { kind: params.kind, title: params.title, body: params.body, updatedAt: new Date() } })
    .returning();
  return row!;
}

export async function deleteDraft(db: Db, params: { channelId: number; id: string }) {
  const [row] = await db.delete(drafts).where(and(eq(drafts.channelId, params.channelId), eq(drafts.id, params.id))).returning({ id: drafts.id, title: drafts.title, kind: drafts.kind });
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
  const rows = await db.delete(testRecipients).where(and(eq(testRecipients.channelId, params.channelId), eq(testRecipients.id, params.id))).returning({ id: testRecipients.id });
  return rows.length > 0;
}
