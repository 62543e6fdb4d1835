import { queryOptions } from "@tanstack/react-query";
import { browserFetch, getJson, sendJson, type ApiFetch } from "./api-client";

// Demo mode: the rich menu the fake LINE platform shows on a friend's phone (their link, the default,
// or the tab a switch area moved them to), and tapping one of its areas as the friend.

export interface PhoneRichMenu {
  richMenu: {
    richMenuId: string;
    size: { width: number; height: number };
    areas: Array<{ bounds: { x: number; y: number; width: number; height: number }; action: { type: string } & Record<string, unknown> }>;
    chatBarText: string;
    selected: boolean;
  } | null;
  source: "user" | "default" | "switched" | "none";
  imageUrl: string | null;
}

export interface PhoneTapResult {
  action: { type: string } & Record<string, unknown>;
  event?: Record<string, unknown>;
  /** richmenuswitch: the menu the phone shows now (absent when the switch failed). */
  switchedTo?: string;
  /** richmenuswitch: LINE's status in the postback (SUCCESS, RICHMENU_ALIAS_ID_NOTFOUND, …). */
  status?: string;
  /** uri: the page the phone opens. */
  uri?: string;
}

export const phoneRichMenuKey = (userId: string) => ["demo", "richmenu", userId] as const;

export function phoneRichMenuQuery(userId: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: phoneRichMenuKey(userId),
    queryFn: ({ signal }) => getJson<PhoneRichMenu>(api, `/api/demo/friends/${userId}/richmenu`, signal),
    // A link or a new default made from the console shows up on the phone within a few seconds (the fake
    // counts one impression per chat opening, however often the phone asks).
    refetchInterval: 5_000,
  });
}

export const tapPhoneRichMenu = (userId: string, areaIndex: number) =>
  sendJson<PhoneTapResult>("POST", `/api/demo/friends/${userId}/richmenu/tap`, { areaIndex });
