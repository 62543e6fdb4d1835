import { type messagingApi } from "@line/bot-sdk";
import type { RichMenuRow } from "@/db/queries/rich-menus";
import { askLine, isHttpFetchError } from "@/lib/line/line-errors";
import type { ChannelLine } from "@/lib/line/insight";
import { HttpError } from "@/lib/platform/http/errors";

// Calling LINE's rich menu endpoints: the request LINE takes for one of our menus, and LINE's refusals
// as our errors — a rate limit (create and delete 100 an hour, batch 3 an hour) as a 429 that says which.

/** The RichMenuRequest LINE takes for a menu. */
export function lineRichMenuRequest(m: Pick<RichMenuRow, "name" | "chatBarText" | "selected" | "width" | "height" | "areas">): messagingApi.RichMenuRequest {
  return {
    size: { width: m.width, height: m.height },
    selected: m.selected,
    name: m.name,
    chatBarText: m.chatBarText,
    areas: m.areas as messagingApi.RichMenuArea[],
  };
}

export type RateLimited = "create" | "delete" | "batch";
const LIMITS: Record<RateLimited, string> = {
  create: "LINE allows 100 rich menus to be created an hour",
  delete: "LINE allows 100 rich menus or aliases to be deleted an hour",
  batch: "LINE allows 3 rich menu batch operations an hour",
};

/** askLine, with a 429 naming the limit hit (`limit`: which of LINE's hourly limits applies to the call). */
export async function askRichMenuLine<T>(call: () => Promise<T>, limit?: RateLimited): Promise<T> {
  try {
    return await askLine(call);
  } catch (err) {
    if (err instanceof HttpError && err.status === 429) {
      const why = limit ? LIMITS[limit] : "LINE's rate limit for rich menus was reached";
      throw new HttpError(429, "line_rate_limited", `${why}: try again later (LINE: ${err.message})`, err.details, { "retry-after": "60" });
    }
    throw err;
  }
}

/** Whether LINE answered 404 (no such menu, alias, default or per-user link). */
export function isLineNotFound(err: unknown): boolean {
  return (isHttpFetchError(err) && err.status === 404) || (err instanceof HttpError && err.status === 404);
}

/** A call whose 404 means "none": null then. */
export async function orNone<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await askRichMenuLine(call);
  } catch (err) {
    if (isLineNotFound(err)) return null;
    throw err;
  }
}

/** LINE's default menu (null when none is set through the API). */
export async function lineDefaultRichMenuId(api: messagingApi.MessagingApiClient): Promise<string | null> {
  return (await orNone(() => api.getDefaultRichMenuId()))?.richMenuId ?? null;
}

/** The channel's LINE clients; no access token configured answers 503 line_not_configured, as askLine does. */
export async function richMenuClients(line: Pick<ChannelLine, "clients">, channelId: number) {
  return askRichMenuLine(async () => line.clients(channelId));
}
