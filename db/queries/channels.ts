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

export async function getChannel(db: Db, params: { id: number }) {
  const [row] = await db.select().from(channels).where(eq(channels.id, params.id));
  return row;
}
