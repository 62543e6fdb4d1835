import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { friends, friendTags, tags } from "../schema/contacts";

// Tags on friends. The tag vocabulary keeps a count per tag, changed in the same transaction as the
// friend_tags rows, so the filter menus never count 100,000 rows.

/** Add `tag` to these friends (only friends the console knows). Answers how many gained it. */
export async function addTag(db: Db, params: { channelId: number; tag: string; userIds: string[] }): Promise<number> {
  if (params.userIds.length === 0) return 0;
  return db.transaction(async (tx) => {
    await tx.insert(tags).values({ channelId: params.channelId, name: params.tag }).onConflictDoNothing();
    // Lock the tag row: concurrent taggers then add their counts one after the other.
    await tx.execute(sql`select 1 from ${tags} where channel_id = ${params.channelId} and name = ${params.tag} for update`);
    let added = 0;
    for (let i = 0; i < params.userIds.length; i += 1000) {
      const ids = params.userIds.slice(i, i + 1000);
      const result = await tx.execute(sql`
        insert into ${friendTags} (channel_id, tag, user_id)
        select ${params.channelId}, ${params.tag}, f.user_id from ${friends} f
        where f.channel_id = ${params.channelId} and f.user_id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})
        on conflict do nothing
        returning user_id`);
      added += (result as unknown as { rows: unknown[] }).rows.length;
    }
    if (added)
      await tx
        .update(tags)
        .set({ friendCount: sql`${tags.friendCount} + ${added}` })
        .where(and(eq(tags.channelId, params.channelId), eq(tags.name, params.tag)));
    return added;
  });
}

/** Remove `tag` from these friends. Answers how many lost it. */
export async function removeTag(db: Db, params: { channelId: number; tag: string; userIds: string[] }): Promise<number> {
  if (params.userIds.length === 0) return 0;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from ${tags} where channel_id = ${params.channelId} and name = ${params.tag} for update`);
    let removed = 0;
    for (let i = 0; i < params.userIds.length; i += 1000) {
      const rows = await tx
        .delete(friendTags)
        .where(and(eq(friendTags.channelId, params.channelId), eq(friendTags.tag, params.tag), inArray(friendTags.userId, params.userIds.slice(i, i + 1000))))
        .returning({ userId: friendTags.userId });
      removed += rows.length;
    }
    if (removed)
      await tx
        .update(tags)
        .set({ friendCount: sql`greatest(0, ${tags.friendCount} - ${removed})` })
        .where(and(eq(tags.channelId, params.channelId), eq(tags.name, params.tag)));
    return removed;
  });
}

/** The tag vocabulary with counts, most used first. Tags nobody carries any more are left out. */
export async function listTags(db: Db, params: { channelId: number }) {
  return db
    .select({ name: tags.name, count: tags.friendCount })
    .from(tags)
    .where(and(eq(tags.channelId, params.channelId), sql`${tags.friendCount} > 0`))
    .orderBy(sql`${tags.friendCount} desc`, asc(tags.name))
    .limit(500);
}

/** Tags of these friends (a page of the list), by user id. */
export async function tagsOfFriends(db: Db, params: { channelId: number; userIds: string[] }): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (params.userIds.length === 0) return out;
  const rows = await db
    .select({ userId: friendTags.userId, tag: friendTags.tag })
    .from(friendTags)
    .where(and(eq(friendTags.channelId, params.channelId), inArray(friendTags.userId, params.userIds)))
    .orderBy(asc(friendTags.tag));
  for (const r of rows) {
    const list = out.get(r.userId);
    if (list) list.push(r.tag);
    else out.set(r.userId, [r.tag]);
  }
  return out;
}
