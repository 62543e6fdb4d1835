"use client";

import { useQuery } from "@tanstack/react-query";
import { ApiError } from "@/lib/client/api-client";
import { chatDetailQuery, friendDetailQuery } from "@/lib/client/contacts";

/**
 * What the console knows of a push's recipient. LINE answers 200 to a push to any well-formed id — a
 * stranger, someone who blocked the account, an id from another provider — and simply does not deliver
 * it, so the composer (and the sent push) must say when the id is not someone who can receive it.
 */
export type PushStanding =
  | { kind: "loading" }
  | { kind: "friend"; name: string | null }
  | { kind: "blocked"; name: string | null; since: string | null }
  /** Seen only in a group or room: LINE delivers a push only within 7 days of their last message. */
  | { kind: "notFriend"; name: string | null }
  | { kind: "unknownId" }
  | { kind: "chat"; name: string | null; joined: boolean }
  | { kind: "unknownChat" }
  | { kind: "unavailable" };

export function usePushStanding(id: string | null): PushStanding {
  const isUser = id?.startsWith("U") ?? false;
  // Asked afresh whenever shown, and again while LINE's profile (and so the name) is still on its way:
  // it often arrives moments after a first look.
  const friend = useQuery({
    ...friendDetailQuery(id ?? ""),
    enabled: Boolean(id) && isUser,
    retry: false,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.profileStatus === "pending" ? 2_000 : false),
  });
  const chat = useQuery({ ...chatDetailQuery(id ?? ""), enabled: Boolean(id) && !isUser, retry: false, staleTime: 0 });
  const q = isUser ? friend : chat;
  if (!id || q.isPending) return { kind: "loading" };
  if (q.isError) return q.error instanceof ApiError && q.error.status === 404 ? { kind: isUser ? "unknownId" : "unknownChat" } : { kind: "unavailable" };
  if (isUser && friend.data) {
    const name = friend.data.displayName;
    if (friend.data.status === "friend") return { kind: "friend", name };
    if (friend.data.status === "blocked") return { kind: "blocked", name, since: friend.data.statusAt };
    return { kind: "notFriend", name };
  }
  return chat.data ? { kind: "chat", name: chat.data.name, joined: chat.data.joined } : { kind: "unavailable" };
}

/** Whether LINE would deliver a push there, as far as the console knows. */
export function deliverable(s: PushStanding): boolean {
  return s.kind === "friend" || (s.kind === "chat" && s.joined) || s.kind === "loading" || s.kind === "unavailable";
}
