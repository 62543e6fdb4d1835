import { isHttpFetchError } from "@/lib/line/line-errors";
import { getChat, markChatLeft, saveChatInfo } from "@/db/queries/chats";
import type { JobHandler } from "@/lib/platform/background/job-worker";
import { reserveLineRate } from "@/lib/line/rates";
import type { LineJobOptions } from "@/lib/line/rates";

const DAY_MS = 24 * 3_600_000;

/**
 * A group's name and picture (LINE has a summary for groups only; rooms have neither) and a chat's
 * member count. Queued when the account joins or members come and go, then refreshed daily while the
 * account is in the chat. 404: the account is not in it any more.
 */
export function chatInfoJob(options: LineJobOptions): JobHandler {
  return async (job, { db }) => {
    const { channelId, chatId, type } = job.payload as { channelId: number; chatId: string; type: "group" | "room" };
    const chat = await getChat(db, { channelId, chatId });
    if (!chat || chat.status === "left") return;
    const calls = type === "group" ? 2 : 1;
    for (let i = 0; i < calls; i++) {
      const slot = await reserveLineRate(db, { channelId, kind: "profile", rates: options.rates });
      if (!slot.ok) return { retryAt: slot.retryAt, holdKind: true };
    }
    const api = (await options.clients(channelId)).api;
    const askedAt = new Date();
    try {
      if (type === "group") {
        const [summary, count] = await Promise.all([api.getGroupSummary(chatId), api.getGroupMemberCount(chatId)]);
        await saveChatInfo(db, { channelId, chatId, name: summary.groupName || null, pictureUrl: summary.pictureUrl ?? null, memberCount: count.count });
      } else {
        const count = await api.getRoomMemberCount(chatId);
        await saveChatInfo(db, { channelId, chatId, memberCount: count.count });
      }
    } catch (err) {
      const status = isHttpFetchError(err) ? err.status : null;
      if (status === 404) {
        await markChatLeft(db, { channelId, chatId, askedAt });
        return;
      }
      if (status === 429) return { retryAt: new Date(Date.now() + 5000), holdKind: true };
      if (status !== null && status < 500) return { retryAt: new Date(Date.now() + DAY_MS) };
      throw err;
    }
    return { retryAt: new Date(Date.now() + DAY_MS) };
  };
}
