import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { channels } from "../schema/channels";

export const DEFAULT_CHANNEL_SLUG = "default";

/** Create (or update) the channel configured from the environment and return its id. */
export async function ensureDefaultChannel(db: Db, params: { lineChannelId: string | null }): Promise<number> {
  const [row] = await db
    .insert(channels)
    .values({ slug: DEFAULT_CHANNEL_SLUG, name: "LINE Official Account", lineChannelId: params.lineChannelId })
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
