import { queryOptions } from "@tanstack/react-query";
import { browserFetch, getJson, sendJson, type ApiFetch } from "./api-client";
import { richMenuKeys, type LinkRun, type RichMenu } from "./rich-menus";

// Who sees a rich menu beyond the default: the bulk link runs of a menu (LINE's bulk link in requests
// of at most 500 user ids, resumable like sends), and one friend's menu — which one they see, and why.

/** GET /api/contacts/[userId]/rich-menu. */
export interface FriendRichMenu {
  source: "user" | "default" | "none";
  richMenu: RichMenu | null;
  lineRichMenuId: string | null;
  /** Nothing set through the API: LINE Official Account Manager's default may be shown (the API cannot see it). */
  managerMayApply: boolean;
  /** When the console linked it (its own record), if it did. */
  linkedAt?: string | null;
}

/**
 * A menu's runs and the channel's unlink runs (an unlink is of whatever menu each friend has, so it names
 * no menu), newest first; polled while one is running so its progress moves.
 */
export function linkRunsQuery(richMenuId: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: richMenuKeys.linkRuns(richMenuId),
    queryFn: async ({ signal }) =>
      (await getJson<{ runs: LinkRun[] }>(api, "/api/rich-menus/link-runs", signal)).runs.filter((r) => r.richMenuId === richMenuId || r.action === "unlink"),
    refetchInterval: (q) => (q.state.data?.some((r) => r.status === "running") ? 1500 : false),
  });
}

export function friendRichMenuQuery(userId: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: richMenuKeys.contact(userId),
    queryFn: ({ signal }) => getJson<FriendRichMenu>(api, `/api/contacts/${encodeURIComponent(userId)}/rich-menu`, signal),
  });
}

export const resumeLinkRun = (id: string) => sendJson<{ run: LinkRun }>("POST", `/api/rich-menus/link-runs/${encodeURIComponent(id)}/resume`);
export const linkFriendRichMenu = (userId: string, richMenuId: string) =>
  sendJson<unknown>("PUT", `/api/contacts/${encodeURIComponent(userId)}/rich-menu`, { richMenuId });
export const unlinkFriendRichMenu = (userId: string) => sendJson<unknown>("DELETE", `/api/contacts/${encodeURIComponent(userId)}/rich-menu`);
