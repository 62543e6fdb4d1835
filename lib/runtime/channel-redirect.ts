import "server-only";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { channelsVisibleTo } from "@/lib/channel/access";
import { channelPath, LAST_CHANNEL_COOKIE } from "@/lib/client/channel-path";
import { getPageActor } from "./page-context";
import { getRuntime } from "./runtime";

/**
 * A console address without a channel (/, or a bookmark from before channels: /events?type=message):
 * the same page in the channel last used, else the member's first. A member with no channel yet is told so.
 */
export async function redirectIntoChannel(path: string, search: string): Promise<never> {
  const actor = await getPageActor();
  if (!actor) redirect(path === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(path + search)}`);
  if (actor.kind === "user" && actor.mustSetUpTwoFactor) redirect("/two-factor");
  const channels = await channelsVisibleTo((await getRuntime()).db, actor);
  const last = (await cookies()).get(LAST_CHANNEL_COOKIE)?.value;
  const target = channels.find((c) => c.slug === last && !c.archivedAt) ?? channels.find((c) => !c.archivedAt) ?? channels[0];
  if (!target) forbidden();
  redirect(channelPath(target.slug, path + search));
}

/** A page's search parameters as a query string ("?a=1&b=2", or ""). */
export function searchString(search: Record<string, string | string[] | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) qs.append(k, one);
  const text = qs.toString();
  return text ? `?${text}` : "";
}
