import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { channelMembers, channels } from "../schema/channels";
import type { Role } from "../schema/enums";

export const DEFAULT_CHANNEL_SLUG = "default";
/** The first channel's name until LINE's bot profile is read (lib/channel/bot-profile.ts). */
export const DEFAULT_CHANNEL_NAME = "LINE Official Account";

/** What the console shows of a channel (never its sealed credentials). */
const summaryColumns = {
  id: channels.id,
  slug: channels.slug,
  name: channels.name,
  lineChannelId: channels.lineChannelId,
  basicId: channels.basicId,
  pictureUrl: channels.pictureUrl,
  tokenSource: channels.tokenSource,
  tokenExpiresAt: channels.tokenExpiresAt,
  archivedAt: channels.archivedAt,
  createdAt: channels.createdAt,
};
export type ChannelSummary = Awaited<ReturnType<typeof listChannels>>[number];

/** Every channel, the first (the environment's) first. */
export async function listChannels(db: Db) {
  return db.select(summaryColumns).from(channels).orderBy(asc(channels.id));
}

/** A channel's sealed credentials, for the server's LINE clients and webhook (lib/channel/credentials.ts). */
export async function getChannelCredentials(db: Db, params: { id: number }) {
  const [row] = await db
    .select({
      id: channels.id,
      slug: channels.slug,
      lineChannelId: channels.lineChannelId,
      tokenSource: channels.tokenSource,
      secretSealed: channels.secretSealed,
      accessTokenSealed: channels.accessTokenSealed,
      tokenExpiresAt: channels.tokenExpiresAt,
      archivedAt: channels.archivedAt,
    })
    .from(channels)
    .where(eq(channels.id, params.id));
  return row ?? null;
}
export type ChannelCredentialsRow = NonNullable<Awaited<ReturnType<typeof getChannelCredentials>>>;

export async function findChannelByLineId(db: Db, params: { lineChannelId: string }) {
  const [row] = await db.select(summaryColumns).from(channels).where(eq(channels.lineChannelId, params.lineChannelId));
  return row ?? null;
}

export async function insertChannel(
  db: Db,
  params: Pick<
    typeof channels.$inferInsert,
    "slug" | "name" | "lineChannelId" | "botUserId" | "basicId" | "pictureUrl" | "tokenSource" | "secretSealed" | "accessTokenSealed" | "tokenExpiresAt"
  >,
) {
  const [row] = await db.insert(channels).values(params).returning({ id: channels.id });
  return row!.id;
}

export async function updateChannel(
  db: Db,
  params: { id: number } & Partial<
    Pick<typeof channels.$inferInsert, "name" | "botUserId" | "basicId" | "pictureUrl" | "archivedAt" | "secretSealed" | "accessTokenSealed" | "tokenExpiresAt">
  >,
) {
  const { id, ...changes } = params;
  await db.update(channels).set(changes).where(eq(channels.id, id));
}

/**
 * Delete a channel and everything it holds: every table with a channel_id column (found in the catalogue,
 * so a table added later is not forgotten), then the row. The audit log keeps what happened.
 */
export async function deleteChannelAndData(db: Db, params: { id: number }) {
  await db.transaction(async (tx) => {
    const tables = await tx.execute(sql`
      select c.table_name from information_schema.columns c
      join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
      where c.column_name = 'channel_id' and c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
        and c.table_name not in ('audit_log', 'channel_members')`);
    for (const { table_name } of rowsOf<{ table_name: string }>(tables))
      await tx.execute(sql`delete from ${sql.identifier(table_name)} where channel_id = ${params.id}`);
    await tx.delete(channels).where(eq(channels.id, params.id));
  });
}

/** A member's roles on the channels they have one on. */
export async function channelRolesOf(db: Db, params: { userId: string }) {
  return db.select({ channelId: channelMembers.channelId, role: channelMembers.role }).from(channelMembers).where(eq(channelMembers.userId, params.userId));
}

/** The role of one member on one channel (null: none). */
export async function channelRoleOf(db: Db, params: { userId: string; channelId: number }): Promise<Role | null> {
  const [row] = await db
    .select({ role: channelMembers.role })
    .from(channelMembers)
    .where(and(eq(channelMembers.userId, params.userId), eq(channelMembers.channelId, params.channelId)));
  return row?.role ?? null;
}

/** Every member's role on one channel (members without one are absent). */
export async function channelRoles(db: Db, params: { channelId: number }) {
  return db.select({ userId: channelMembers.userId, role: channelMembers.role }).from(channelMembers).where(eq(channelMembers.channelId, params.channelId));
}

/** Give a member a role on a channel, or take it away (null). */
export async function setChannelRole(db: Db, params: { channelId: number; userId: string; role: Role | null }) {
  if (params.role === null) {
    await db.delete(channelMembers).where(and(eq(channelMembers.channelId, params.channelId), eq(channelMembers.userId, params.userId)));
    return;
  }
  await db
    .insert(channelMembers)
    .values({ channelId: params.channelId, userId: params.userId, role: params.role })
    .onConflictDoUpdate({ target: [channelMembers.channelId, channelMembers.userId], set: { role: params.role } });
}

/** Channels that take webhooks and sends (not archived). */
export async function listActiveChannelIds(db: Db): Promise<number[]> {
  const rows = await db.select({ id: channels.id }).from(channels).where(isNull(channels.archivedAt)).orderBy(asc(channels.id));
  return rows.map((r) => r.id);
}

/** Create (or update) the channel configured from the environment and return its id. */
export async function ensureDefaultChannel(db: Db, params: { lineChannelId: string | null }): Promise<number> {
  const [row] = await db
    .insert(channels)
    .values({ slug: DEFAULT_CHANNEL_SLUG, name: DEFAULT_CHANNEL_NAME, lineChannelId: params.lineChannelId })
    .onConflictDoUpdate({ target: channels.slug, set: { lineChannelId: params.lineChannelId } })
    .returning({ id: channels.id });
  if (!row) throw new Error("could not create the default channel");
  return row.id;
}

export interface ConversationSettings {
  loadingAnimation: boolean;
  markAsRead: boolean;
}

export async function getConversationSettings(db: Db, params: { channelId: number }): Promise<ConversationSettings> {
  const [row] = await db
    .select({ loadingAnimation: channels.loadingAnimation, markAsRead: channels.markAsRead })
    .from(channels)
    .where(eq(channels.id, params.channelId));
  return row ?? { loadingAnimation: false, markAsRead: false };
}

/** Change some of a channel's conversation settings; answers the settings before and after. */
export async function updateConversationSettings(db: Db, params: { channelId: number; changes: Partial<ConversationSettings> }) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ loadingAnimation: channels.loadingAnimation, markAsRead: channels.markAsRead })
      .from(channels)
      .where(eq(channels.id, params.channelId))
      .for("update");
    if (!before) throw new Error(`channel ${params.channelId} does not exist`);
    if (Object.keys(params.changes).length === 0) return { before, after: before };
    const [after] = await tx
      .update(channels)
      .set(params.changes)
      .where(eq(channels.id, params.channelId))
      .returning({ loadingAnimation: channels.loadingAnimation, markAsRead: channels.markAsRead });
    return { before, after: after! };
  });
}

/** The bot's own user id, as LINE's deliveries name it in `destination` (null until known). */
export async function getBotUserId(db: Db, params: { channelId: number }): Promise<string | null> {
  const [row] = await db.select({ botUserId: channels.botUserId }).from(channels).where(eq(channels.id, params.channelId));
  return row?.botUserId ?? null;
}

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
