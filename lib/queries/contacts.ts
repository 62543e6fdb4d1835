import { queryOptions } from "@tanstack/react-query";
import { ApiError, browserFetch, getJson, type ApiFetch } from "./api-client";

// Friends and chats for the push picker (GET /api/contacts, GET /api/chats). Those endpoints arrive
// with the contacts work; until then they answer 404 and the picker offers pasting an id instead.

export interface Contact {
  userId: string;
  displayName: string;
  pictureUrl: string | null;
  status: "friend" | "blocked" | "unknown";
  language?: string | null;
}

export interface Chat {
  chatId: string;
  type: "group" | "room";
  name: string | null;
  pictureUrl: string | null;
  memberCount: number | null;
}

export type Searchable<T> = { available: true; items: T[] } | { available: false; items: [] };

export function contactSearchQuery(q: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: ["contacts", "search", q],
    queryFn: ({ signal }) => optional(getJson<{ items: Contact[] }>(api, `/api/contacts?q=${encodeURIComponent(q)}&limit=8`, signal)),
    staleTime: 30_000,
    retry: false,
  });
}

export function chatSearchQuery(q: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: ["chats", "search", q],
    queryFn: ({ signal }) => optional(getJson<{ items: Chat[] }>(api, `/api/chats?q=${encodeURIComponent(q)}`, signal)),
    staleTime: 30_000,
    retry: false,
  });
}

async function optional<T>(p: Promise<{ items: T[] }>): Promise<Searchable<T>> {
  try {
    return { available: true, items: (await p).items };
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 405)) return { available: false, items: [] };
    throw err;
  }
}
