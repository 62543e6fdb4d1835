import type { Db } from "@/db/client";
import { DEFAULT_CHANNEL_NAME, updateChannel } from "@/db/queries/channels";
import type { ClientsFor } from "@/lib/line/clients";
import { log } from "@/lib/platform/log";
import { channelsChanged } from "./access";

/**
 * The bot as LINE describes it (picture, basic id, and the name while it is still the placeholder the
 * first channel starts with), so the switcher shows the account a member knows. Best effort: a channel
 * LINE cannot be asked about keeps what it had.
 */
export async function refreshBotProfile(db: Db, params: { channelId: number; clients: ClientsFor; currentName: string }) {
  try {
    const bot = await (await params.clients(params.channelId)).api.getBotInfo();
    await updateChannel(db, {
      id: params.channelId,
      botUserId: bot.userId,
      basicId: bot.basicId,
      pictureUrl: bot.pictureUrl ?? null,
      ...(params.currentName === DEFAULT_CHANNEL_NAME ? { name: bot.displayName } : {}),
    });
    channelsChanged(db);
  } catch (err) {
    log().warn({ scope: "channels", channelId: params.channelId, err }, "could not read the bot's profile from LINE");
  }
}
