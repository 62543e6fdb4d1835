import { and, asc, eq, getTableColumns, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { richMenuLinks, richMenus, tabbedMenus } from "@/db/schema/rich-menus";

export type RichMenuFullRow = typeof richMenus.$inferSelect;
export type NewRichMenu = typeof richMenus.$inferInsert;
/** A menu without its image bytes (lists and most reads never need them). */
export type RichMenuRow = Omit<RichMenuFullRow, "image"> & { hasImage: boolean };
export type TabbedMenuRow = typeof tabbedMenus.$inferSelect;

const { image: _image, ...withoutImage } = getTableColumns(richMenus);
const columns = { ...withoutImage, hasImage: sql<boolean>`(${richMenus.image} is not null)`.as("has_image") };
const live = (channelId: number): SQL[] => [eq(richMenus.channelId, channelId), isNull(richMenus.deletedAt)];

export async function insertRichMenus(db: Db, rows: NewRichMenu[]): Promise<RichMenuRow[]> {
  if (rows.length === 0) return [];
  const ids = (await db.insert(richMenus).values(rows).returning({ id: richMenus.id })).map((r) => r.id);
  const made = await db.select(columns).from(richMenus).where(inArray(richMenus.id, ids));
  return ids.map((id) => made.find((m) => m.id === id)!);
}

/**
 * One menu unless another with its LINE menu id or alias is there already (an import running at the same
 * moment took it): the row, or null then.
 */
export async function insertRichMenuIfNew(db: Db, row: NewRichMenu): Promise<RichMenuRow | null> {
  const [made] = await db.insert(richMenus).values(row).onConflictDoNothing().returning({ id: richMenus.id });
  return made ? ((await getRichMenu(db, { channelId: row.channelId, id: made.id })) ?? null) : null;
}

export async function insertTabbedMenu(db: Db, row: typeof tabbedMenus.$inferInsert): Promise<TabbedMenuRow> {
  const [made] = await db.insert(tabbedMenus).values(row).returning();
  return made!;
}

export async function getRichMenu(db: Db, params: { channelId: number; id: string }): Promise<RichMenuRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(richMenus)
    .where(and(...live(params.channelId), eq(richMenus.id, params.id)));
  return row;
}

/** The one of ours that LINE knows by this id (published, not deleted). */
export async function getRichMenuByLineId(db: Db, params: { channelId: number; lineRichMenuId: string }): Promise<RichMenuRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(richMenus)
    .where(and(...live(params.channelId), eq(richMenus.lineRichMenuId, params.lineRichMenuId)));
  return row;
}

export async function getRichMenuImage(db: Db, params: { channelId: number; id: string }) {
  const [row] = await db
    .select({ image: richMenus.image, imageType: richMenus.imageType, version: richMenus.version })
    .from(richMenus)
    .where(and(...live(params.channelId), eq(richMenus.id, params.id)));
  return row;
}

/** A channel's menus, oldest first (at most LINE's 1,000 a channel plus drafts). */
export async function listRichMenus(db: Db, params: { channelId: number; tabbedMenuId?: string }): Promise<RichMenuRow[]> {
  const c = live(params.channelId);
  if (params.tabbedMenuId) c.push(eq(richMenus.tabbedMenuId, params.tabbedMenuId));
  return db
    .select(columns)
    .from(richMenus)
    .where(and(...c))
    .orderBy(asc(richMenus.createdAt), asc(richMenus.tabIndex), asc(richMenus.id));
}

/** The LINE ids of the channel's menus (a deleted menu was deleted on LINE first, so it is not on LINE to import). */
export async function knownLineRichMenuIds(db: Db, params: { channelId: number }): Promise<Set<string>> {
  const rows = await db
    .select({ id: richMenus.lineRichMenuId })
    .from(richMenus)
    .where(and(eq(richMenus.channelId, params.channelId), sql`${richMenus.lineRichMenuId} is not null and ${richMenus.deletedAt} is null`));
  return new Set(rows.map((r) => r.id!));
}

/** Whether the channel ever had a rich menu in the console (deleted ones count). */
export async function everHadRichMenus(db: Db, params: { channelId: number }): Promise<boolean> {
  const [row] = await db.select({ id: richMenus.id }).from(richMenus).where(eq(richMenus.channelId, params.channelId)).limit(1);
  return Boolean(row);
}

export async function listTabbedMenus(db: Db, params: { channelId: number }): Promise<TabbedMenuRow[]> {
  return db.select().from(tabbedMenus).where(eq(tabbedMenus.channelId, params.channelId)).orderBy(asc(tabbedMenus.createdAt));
}

export async function getTabbedMenu(db: Db, params: { channelId: number; id: string }): Promise<TabbedMenuRow | undefined> {
  const [row] = await db
    .select()
    .from(tabbedMenus)
    .where(and(eq(tabbedMenus.channelId, params.channelId), eq(tabbedMenus.id, params.id)));
  return row;
}

export async function aliasTaken(db: Db, params: { channelId: number; aliasId: string; exceptId?: string }): Promise<boolean> {
  const c = [...live(params.channelId), eq(richMenus.aliasId, params.aliasId)];
  if (params.exceptId) c.push(sql`${richMenus.id} <> ${params.exceptId}`);
  const [row] = await db
    .select({ id: richMenus.id })
    .from(richMenus)
    .where(and(...c))
    .limit(1);
  return Boolean(row);
}

export type RichMenuEditOutcome = { ok: true; row: RichMenuRow } | { ok: false; reason: "not_found" | "changed" };

/**
 * Change a menu if nobody changed it since `version` (when given). A change of what LINE shows bumps
 * the version (it is then "changed" until published again); `bump: false` records LINE's side only.
 */
export async function updateRichMenuIfCurrent(
  db: Db,
  params: { channelId: number; id: string; version?: number; set: Partial<NewRichMenu>; bump?: boolean },
): Promise<RichMenuEditOutcome> {
  const c = [...live(params.channelId), eq(richMenus.id, params.id)];
  if (params.version !== undefined) c.push(eq(richMenus.version, params.version));
  const [row] = await db
    .update(richMenus)
    .set({ ...params.set, ...(params.bump === false ? {} : { version: sql`${richMenus.version} + 1` }), updatedAt: sql`now()` })
    .where(and(...c))
    .returning({ id: richMenus.id });
  if (row) return { ok: true, row: (await getRichMenu(db, params))! };
  return { ok: false, reason: (await getRichMenu(db, params)) ? "changed" : "not_found" };
}

/**
 * Take a menu for publishing (one request at a time: two at once would each make a LINE menu and move
 * the alias twice). The lease runs out by itself if the instance dies mid-publish.
 */
export async function takeRichMenuForPublish(db: Db, params: { channelId: number; id: string; leaseMs: number }): Promise<boolean> {
  const rows = await db
    .update(richMenus)
    .set({ publishingUntil: sql`now() + ${`${params.leaseMs} milliseconds`}::interval` })
    .where(and(...live(params.channelId), eq(richMenus.id, params.id), sql`(${richMenus.publishingUntil} is null or ${richMenus.publishingUntil} < now())`))
    .returning({ id: richMenus.id });
  return rows.length > 0;
}

export async function releaseRichMenuPublish(db: Db, params: { channelId: number; id: string }) {
  await db
    .update(richMenus)
    .set({ publishingUntil: null })
    .where(and(eq(richMenus.channelId, params.channelId), eq(richMenus.id, params.id)));
}

export async function softDeleteRichMenu(db: Db, params: { channelId: number; id: string }) {
  await db
    .update(richMenus)
    .set({ deletedAt: sql`now()`, aliasId: null, updatedAt: sql`now()` })
    .where(and(...live(params.channelId), eq(richMenus.id, params.id)));
  await db.delete(richMenuLinks).where(and(eq(richMenuLinks.channelId, params.channelId), eq(richMenuLinks.richMenuId, params.id)));
}

/** Friends the console linked, per menu. */
export async function linkedCounts(db: Db, params: { channelId: number }): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: richMenuLinks.richMenuId, n: sql<number>`count(*)::int` })
    .from(richMenuLinks)
    .where(eq(richMenuLinks.channelId, params.channelId))
    .groupBy(richMenuLinks.richMenuId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** Record links the console made (a friend has one per-user menu: a newer link replaces the older). */
export async function recordRichMenuLinks(
  db: Db,
  params: { channelId: number; userIds: string[]; richMenuId: string; lineRichMenuId: string; runId?: string | null },
) {
  if (params.userIds.length === 0) return;
  await db
    .insert(richMenuLinks)
    .values(
      params.userIds.map((userId) => ({
        channelId: params.channelId,
        userId,
        richMenuId: params.richMenuId,
        lineRichMenuId: params.lineRichMenuId,
        runId: params.runId ?? null,
      })),
    )
    .onConflictDoUpdate({
      target: [richMenuLinks.channelId, richMenuLinks.userId],
      set: {
        richMenuId: sql`excluded.rich_menu_id`,
        lineRichMenuId: sql`excluded.line_rich_menu_id`,
        runId: sql`excluded.run_id`,
        linkedAt: sql`now()`,
      },
    });
}

/** When the console linked this friend to this LINE menu (undefined: the link was made elsewhere). */
export async function getRichMenuLink(db: Db, params: { channelId: number; userId: string; lineRichMenuId: string }) {
  const [row] = await db
    .select({ linkedAt: richMenuLinks.linkedAt })
    .from(richMenuLinks)
    .where(
      and(eq(richMenuLinks.channelId, params.channelId), eq(richMenuLinks.userId, params.userId), eq(richMenuLinks.lineRichMenuId, params.lineRichMenuId)),
    );
  return row;
}

export async function forgetRichMenuLinks(db: Db, params: { channelId: number; userIds: string[] }) {
  if (params.userIds.length === 0) return;
  await db.delete(richMenuLinks).where(and(eq(richMenuLinks.channelId, params.channelId), inArray(richMenuLinks.userId, params.userIds)));
}

/** A republished menu: the friends linked to its old LINE menu were moved to the new one. */
export async function moveRichMenuLinks(db: Db, params: { channelId: number; richMenuId: string; lineRichMenuId: string }) {
  await db
    .update(richMenuLinks)
    .set({ lineRichMenuId: params.lineRichMenuId })
    .where(and(eq(richMenuLinks.channelId, params.channelId), eq(richMenuLinks.richMenuId, params.richMenuId)));
}
