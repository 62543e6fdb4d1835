import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { ConversationItem } from "@/lib/contacts/conversation";
import { friendFiltersToApi, type FriendUrlFilters } from "@/lib/contacts/friend-url-filters";
import type { FriendItem } from "@/lib/contacts/serialize";
import type { ChatItem } from "@/lib/contacts/serialize-chat";
import { browserFetch, getJson, withSearch, type ApiFetch } from "./api-client";

export interface FriendPage {
  items: FriendItem[];
  nextCursor: string | null;
}

export type FriendDetail = FriendItem & {
  profileStatus: "pending" | "ok" | "not_found" | "error";
  profileFetchedAt: string | null;
  statusAt: string | null;
  chats: Array<{
    chatId: string;
    type: "group" | "room";
    name: string | null;
    pictureUrl: string | null;
    memberCount: number | null;
    current: boolean;
    joined: boolean;
  }>;
  /** Other channels (of those the member sees) where the same user id is a friend: same provider. */
  alsoIn: Array<{ key: string; name: string; status: "friend" | "blocked" | "unknown" }>;
};

export type ChatDetail = ChatItem & {
  members: Array<{
    userId: string;
    displayName: string | null;
    pictureUrl: string | null;
    status: FriendItem["status"];
    current: boolean;
    firstSeenAt: string;
    lastSeenAt: string;
  }>;
};

export interface ConversationPage {
  items: ConversationItem[];
  nextCursor: string | null;
  /** First page only: until when an answer is a free reply (null: none can be, it would be a push). */
  replyWindow?: { expiresAt: string } | null;
}

export interface FriendStats {
  counts: Record<FriendItem["status"], number>;
  followersSync: {
    status: "running" | "ok" | "not_available" | "error";
    startedAt: string | null;
    finishedAt: string | null;
    details: Record<string, unknown>;
  } | null;
}

export const FRIEND_PAGE_SIZE = 50;
export const CONVERSATION_PAGE_SIZE = 30;

export const contactKeys = {
  all: ["contacts"] as const,
  lists: () => ["contacts", "list"] as const,
  list: (filters: FriendUrlFilters) => ["contacts", "list", filters] as const,
  stats: () => ["contacts", "stats"] as const,
  detail: (userId: string) => ["contacts", "detail", userId] as const,
  conversation: (target: string) => ["conversation", target] as const,
  tags: () => ["tags"] as const,
  chats: (q: string) => ["chats", "list", q] as const,
  chat: (chatId: string) => ["chats", "detail", chatId] as const,
  memberCount: (chatId: string) => ["chats", "member-count", chatId] as const,
};

/** GET /api/contacts's parameters for the list's filters and a page (the page /contacts reads with them too). */
export function friendListSearch(filters: FriendUrlFilters, cursor: string | null): URLSearchParams {
  const search = friendFiltersToApi(filters);
  search.set("limit", String(FRIEND_PAGE_SIZE));
  if (cursor) search.set("cursor", cursor);
  return search;
}

export function friendListQuery(filters: FriendUrlFilters, api: ApiFetch = browserFetch) {
  return infiniteQueryOptions({
    queryKey: contactKeys.list(filters),
    queryFn: ({ pageParam, signal }) => getJson<FriendPage>(api, withSearch("/api/contacts", friendListSearch(filters, pageParam)), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function friendStatsQuery(api: ApiFetch = browserFetch) {
  return queryOptions({ queryKey: contactKeys.stats(), queryFn: ({ signal }) => getJson<FriendStats>(api, "/api/contacts/stats", signal), staleTime: 60_000 });
}

export function friendDetailQuery(userId: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: contactKeys.detail(userId),
    queryFn: ({ signal }) => getJson<FriendDetail>(api, `/api/contacts/${encodeURIComponent(userId)}`, signal),
  });
}

/** A conversation page's parameters (the friend's and chat's pages read their first page with them too). */
export function conversationSearch(cursor: string | null): URLSearchParams {
  const search = new URLSearchParams({ limit: String(CONVERSATION_PAGE_SIZE) });
  if (cursor) search.set("cursor", cursor);
  return search;
}

/** A conversation, newest page first; older pages load as the operator scrolls up. */
export function conversationQuery(target: { kind: "user"; userId: string } | { kind: "chat"; chatId: string }, api: ApiFetch = browserFetch) {
  const path = target.kind === "user" ? `/api/contacts/${target.userId}/conversation` : `/api/chats/${target.chatId}/conversation`;
  return infiniteQueryOptions({
    queryKey: contactKeys.conversation(target.kind === "user" ? target.userId : target.chatId),
    queryFn: ({ pageParam, signal }) => getJson<ConversationPage>(api, withSearch(path, conversationSearch(pageParam)), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchOnWindowFocus: false,
  });
}

export function tagListQuery(api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: contactKeys.tags(),
    queryFn: ({ signal }) => getJson<{ items: Array<{ name: string; count: number }> }>(api, "/api/tags", signal),
  });
}

/** GET /api/chats's parameters (the page /chats reads with them too). */
export function chatListSearch(q: string): URLSearchParams {
  return new URLSearchParams(q ? { q } : {});
}

export function chatListQuery(q: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: contactKeys.chats(q),
    queryFn: ({ signal }) => getJson<{ items: ChatItem[] }>(api, withSearch("/api/chats", chatListSearch(q)), signal),
  });
}

export function chatDetailQuery(chatId: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: contactKeys.chat(chatId),
    queryFn: ({ signal }) => getJson<ChatDetail>(api, `/api/chats/${encodeURIComponent(chatId)}`, signal),
  });
}

/**
 * A group's or room's member count, asked of LINE now: a push there counts once per member. Kept a few
 * minutes (members come and go slowly); a chat the account is not in is a 404, not retried.
 */
export function chatMemberCountQuery(chatId: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: contactKeys.memberCount(chatId),
    queryFn: ({ signal }) =>
      getJson<{ chatId: string; type: "group" | "room"; count: number }>(api, `/api/chats/${encodeURIComponent(chatId)}/member-count`, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The push composer's recipient search: a few friends by name or id. */
export function contactSearchQuery(q: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: ["contacts", "search", q],
    queryFn: ({ signal }) => getJson<{ items: FriendItem[] }>(api, `/api/contacts?q=${encodeURIComponent(q)}&limit=8`, signal),
    staleTime: 30_000,
  });
}

/** The push composer's recipient search: groups and rooms by name or id. */
export function chatSearchQuery(q: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: ["chats", "search", q],
    queryFn: ({ signal }) => getJson<{ items: ChatItem[] }>(api, `/api/chats?q=${encodeURIComponent(q)}`, signal),
    staleTime: 30_000,
  });
}
