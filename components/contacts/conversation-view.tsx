"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { MessagesSquare } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Fragment, useEffect, useMemo, useRef } from "react";
import { ErrorState } from "@/components/common/error-state";
import { useLive } from "@/components/live/live-provider";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { ConversationItem } from "@/lib/contacts/conversation";
import { browserFetch, getJson, withSearch } from "@/lib/client/api-client";
import { contactKeys, conversationQuery } from "@/lib/client/contacts";
import { ConversationEventBubble, type Person } from "./conversation-event-bubble";
import { ConversationSendBubble } from "./conversation-send-bubble";
import type { ConversationRef as Target, Outbox } from "./use-outbox";

/** While an answer is on its way (stored, not yet final), the conversation is read again this often. */
const IN_FLIGHT_REFRESH_MS = 1500;

interface ConversationViewProps {
  target: Target;
  /** Group/room conversations: who each member is (for names and pictures next to their messages). */
  people?: Map<string, Person>;
  /** Friend conversations: the names of chats, for their messages sent in a group. */
  chatNames?: Map<string, string | null>;
  /** What the operator sent from this page and the server does not show yet (operators only). */
  outbox?: Outbox;
}

/**
 * A conversation like a chat app shows it: newest at the bottom, older history loading as one scrolls
 * up. The scroller is `flex-col-reverse`, so it starts at the bottom and keeps its place when older
 * pages are added above. New events for this person or chat (the live stream) refetch it.
 */
export function ConversationView({ target, people, chatNames, outbox }: ConversationViewProps) {
  const t = useTranslations("conversation");
  const format = useFormatter();
  // Days in the operator's time zone (next-intl's), not the browser's.
  const day = (at: string) => format.dateTime(new Date(at), { year: "numeric", month: "2-digit", day: "2-digit" });
  const query = useInfiniteQuery({
    ...conversationQuery(target),
    refetchInterval: (q) => (inFlight(q.state.data?.pages[0]?.items) ? IN_FLIGHT_REFRESH_MS : false),
  });
  const items = useMemo(() => (query.data?.pages.flatMap((p) => p.items) ?? []).slice().reverse(), [query.data]);
  // Answers sent from here that the conversation does not show yet go last (they are the newest).
  const pending = useMemo(() => outbox?.pending(new Set(items.flatMap((i) => (i.type === "send" ? [i.send.id] : [])))) ?? [], [outbox, items]);
  const sentinel = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  useRefreshOnLive(target);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => entries[0]?.isIntersecting && !isFetchingNextPage && void fetchNextPage(), {
      root: scroller.current,
      rootMargin: "400px 0px 0px 0px",
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, items.length]);

  if (query.isPending) return <ConversationSkeleton />;
  if (query.isError && items.length === 0) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (items.length === 0 && pending.length === 0)
    return <EmptyState icon={<MessagesSquare />} title={t("emptyTitle")} description={t("emptyDescription")} className="min-h-0 flex-1" />;

  return (
    <div
      ref={scroller}
      className="flex min-h-0 flex-1 flex-col-reverse overflow-y-auto scrollbar-thin"
      role="log"
      aria-label={t("label")}
      aria-busy={isFetchingNextPage}
    >
      <div className="flex flex-col gap-3 px-4 py-4 md:px-5">
        <div ref={sentinel} className="flex h-6 items-center justify-center text-2xs text-muted-foreground">
          {isFetchingNextPage ? t("loadingOlder") : hasNextPage ? "" : t("beginning")}
        </div>
        {items.map((item, i) => (
          <Fragment key={key(item)}>
            {(i === 0 || day(items[i - 1]!.at) !== day(item.at)) && <DaySeparator at={item.at} />}
            {item.type === "event" ? (
              <ConversationEventBubble
                event={item.event}
                sender={
                  target.kind === "chat" && item.event.userId
                    ? { id: item.event.userId, ...(people?.get(item.event.userId) ?? { name: null, pictureUrl: null }) }
                    : undefined
                }
                chatName={target.kind === "user" ? chatLabel(item, chatNames, t("aGroup")) : undefined}
              />
            ) : (
              <ConversationSendBubble send={item.send} at={item.at} />
            )}
          </Fragment>
        ))}
        {pending.map(({ item, send }) => (
          <ConversationSendBubble
            key={`o${item.localId}`}
            send={send}
            at={item.at}
            local={{ failed: item.failed, onRetry: () => void outbox?.retry(item.localId), onDiscard: () => outbox?.discard(item.localId) }}
          />
        ))}
      </div>
    </div>
  );
}

function DaySeparator({ at }: { at: string }) {
  const format = useFormatter();
  return (
    <div className="flex items-center gap-3 py-1 text-2xs font-medium text-muted-foreground" role="separator">
      <span className="h-px flex-1 bg-border" />
      {format.dateTime(new Date(at), { year: "numeric", month: "short", day: "numeric", weekday: "short" })}
      <span className="h-px flex-1 bg-border" />
    </div>
  );
}

// New events written for this person or chat: ask the timeline API whether the notice's id range holds
// any of theirs (one indexed query), and refetch the conversation only then.
function useRefreshOnLive(target: Target) {
  const queryClient = useQueryClient();
  const param: [string, string] =
    target.kind === "user" ? ["userId", target.userId] : target.chatId.startsWith("C") ? ["groupId", target.chatId] : ["roomId", target.chatId];
  const queryKey = contactKeys.conversation(target.kind === "user" ? target.userId : target.chatId);
  useLive({
    onStored: async (n) => {
      if (n.minId === null || n.maxId === null) return;
      const search = new URLSearchParams([param, ["minId", String(n.minId)], ["maxId", String(n.maxId)], ["limit", "1"]]);
      const found = await getJson<{ items: unknown[] }>(browserFetch, withSearch("/api/events", search)).catch(() => null);
      if (found?.items.length) void queryClient.invalidateQueries({ queryKey });
    },
    onResync: () => void queryClient.invalidateQueries({ queryKey }),
  });
}

// A send of the newest page that LINE has not finished with: its state is still to come.
function inFlight(items: ConversationItem[] | undefined): boolean {
  return !!items?.some(
    (i) => i.type === "send" && (i.send.status === "queued" || i.send.status === "sending") && i.send.via !== "narrowcast" && i.send.via !== "broadcast",
  );
}

function chatLabel(item: ConversationItem, names: Map<string, string | null> | undefined, fallback: string): string | null {
  if (item.type !== "event") return null;
  const chatId = item.event.groupId ?? item.event.roomId;
  if (!chatId) return null;
  return names?.get(chatId) ?? fallback;
}

function key(item: ConversationItem) {
  return item.type === "event" ? `e${item.event.id}` : `s${item.send.id}`;
}

export function ConversationSkeleton() {
  return (
    <div aria-hidden className="flex flex-1 flex-col justify-end gap-4 overflow-hidden p-5">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className={i % 3 === 2 ? "flex justify-end" : "flex"}>
          <Skeleton className="h-10 rounded-2xl" style={{ width: `${30 + ((i * 17) % 35)}%` }} />
        </div>
      ))}
    </div>
  );
}
