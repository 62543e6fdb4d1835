import { queryOptions } from "@tanstack/react-query";
import type { DemoScreen } from "@/lib/demo/inbox";
import type { EventPage } from "./events";
import { browserFetch, getJson, type ApiFetch } from "./api-client";

// Demo mode's simulator: the fake platform's people (with the demographics LINE keeps to itself), what
// the account's sends delivered to them, and what they sent (from the console's own event store).

export interface DemoFriend {
  userId: string;
  displayName: string;
  status: "following" | "blocked" | "none";
  language: string | null;
  pictureUrl: string | null;
  statusMessage: string | null;
  gender: "male" | "female" | null;
  age: number | null;
  appType: "ios" | "android" | "others" | null;
  area: string | null;
  areaLocalName: string | null;
  subscriptionDays: number | null;
  friendSince: string | null;
}

export interface DemoInboxEntry {
  requestId: string;
  kind: string;
  messages: Array<{ id: string; message: Record<string, unknown> }>;
  sentAt: string;
}

export const demoKeys = {
  friends: (q: string, status: string) => ["demo", "friends", q, status] as const,
  inbox: (userId: string) => ["demo", "inbox", userId] as const,
  sent: (userId: string) => ["demo", "sent", userId] as const,
};

export function demoFriendsQuery(q: string, status: string, api: ApiFetch = browserFetch) {
  const search = new URLSearchParams({ limit: "40", ...(q ? { q } : {}), ...(status ? { status } : {}) });
  return queryOptions({
    queryKey: demoKeys.friends(q, status),
    queryFn: ({ signal }) => getJson<{ total: number; users: DemoFriend[] }>(api, `/api/demo/friends?${search}`, signal),
    staleTime: 5_000,
  });
}

/** What reached the friend's phone (and the account's typing and read marks there); polled so a send shows up as it is delivered. */
export function demoInboxQuery(userId: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: demoKeys.inbox(userId),
    queryFn: ({ signal }) => getJson<{ entries: DemoInboxEntry[] } & DemoScreen>(api, `/api/demo/inbox/${userId}`, signal),
    refetchInterval: 2_000,
  });
}

/** What the friend sent, as the console stored it. */
export function demoSentQuery(userId: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: demoKeys.sent(userId),
    queryFn: ({ signal }) => getJson<EventPage>(api, `/api/events?userId=${userId}&limit=100`, signal),
    refetchInterval: 2_000,
  });
}
