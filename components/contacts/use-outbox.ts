"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { uid } from "@/lib/sends/composer/compose-state";
import type { ConversationSend } from "@/lib/contacts/conversation";
import { ApiError, sendJson } from "@/lib/client/api-client";
import { contactKeys } from "@/lib/client/contacts";
import { meQuery } from "@/lib/client/me";

export type ConversationRef = { kind: "user"; userId: string } | { kind: "chat"; chatId: string };

/** A message the operator sent from this page: shown at once, until the stored send replaces it. */
export interface OutboxItem {
  localId: string;
  /** Our idempotency key: a retry of the same item can never make a second send. */
  retryKey: string;
  at: string;
  messages: unknown[];
  allowPush: boolean;
  /** Known once the server has stored it. */
  sendId: string | null;
  via: "reply" | "push" | null;
  failed: unknown;
  /** Where refused messages go back to (the composer that sent them). */
  giveBack: (r: Returned) => void;
}

/** Messages given back to the composer: a push needs the operator's consent, or LINE's rules refused them. */
export type Returned = { messages: unknown[]; reason: "needs_push" } | { messages: unknown[]; reason: "invalid"; error: ApiError };

export type Outbox = ReturnType<typeof useOutbox>;

/**
 * What the operator has sent from this conversation and the server has not yet shown back. An answer
 * appears at once (optimistically), then the stored send takes its place (its id is in the
 * conversation) with its real state. Refusals that the composer can fix (a push needs consent, a
 * message LINE would refuse) give the messages back to it (`giveBack`); anything else (no network, a
 * server error) stays here, failed, to retry with the same key.
 */
export function useOutbox(target: ConversationRef) {
  const queryClient = useQueryClient();
  const me = useQuery(meQuery());
  const [items, setItems] = useState<OutboxItem[]>([]);
  const id = target.kind === "user" ? target.userId : target.chatId;
  const path = target.kind === "user" ? `/api/contacts/${id}/messages` : `/api/chats/${id}/messages`;
  const patch = useCallback(
    (localId: string, change: Partial<OutboxItem> | null) =>
      setItems((list) => (change ? list.map((i) => (i.localId === localId ? { ...i, ...change } : i)) : list.filter((i) => i.localId !== localId))),
    [],
  );

  const post = useCallback(
    async (item: OutboxItem) => {
      try {
        const send = await sendJson<{ id: string; via: "reply" | "push" }>("POST", path, {
          messages: item.messages,
          retryKey: item.retryKey,
          ...(item.allowPush ? { allowPush: true } : {}),
        });
        patch(item.localId, { sendId: send.id, via: send.via, failed: null });
        void queryClient.invalidateQueries({ queryKey: contactKeys.conversation(id) });
      } catch (err) {
        if (err instanceof ApiError && (err.code === "reply_window_closed" || err.status === 400)) {
          patch(item.localId, null);
          item.giveBack(
            err.code === "reply_window_closed" ? { messages: item.messages, reason: "needs_push" } : { messages: item.messages, reason: "invalid", error: err },
          );
        } else patch(item.localId, { failed: err });
      }
    },
    [path, id, patch, queryClient],
  );

  const send = useCallback(
    (messages: unknown[], opts: { allowPush: boolean; giveBack: (r: Returned) => void }) => {
      const item: OutboxItem = {
        localId: uid(),
        retryKey: uid(),
        at: new Date().toISOString(),
        messages,
        allowPush: opts.allowPush,
        sendId: null,
        via: null,
        failed: null,
        giveBack: opts.giveBack,
      };
      setItems((list) => [...list, item]);
      return post(item);
    },
    [post],
  );

  const retry = useCallback(
    (localId: string) => {
      const item = items.find((i) => i.localId === localId);
      if (!item) return Promise.resolve();
      patch(localId, { failed: null });
      return post(item);
    },
    [items, patch, post],
  );

  const author = me.data?.name ?? "";
  /** Outbox items as conversation sends, for the bubbles; those the server already shows are left out. */
  const pending = useCallback(
    (shownSendIds: ReadonlySet<string>) => items.filter((i) => !i.sendId || !shownSendIds.has(i.sendId)).map((i) => ({ item: i, send: asSend(i, author) })),
    [items, author],
  );
  return useMemo(() => ({ items, send, retry, discard: (localId: string) => patch(localId, null), pending }), [items, send, retry, patch, pending]);
}

function asSend(i: OutboxItem, author: string): ConversationSend {
  return {
    id: i.sendId ?? i.localId,
    kind: i.via ?? "reply",
    status: i.failed ? "failed" : "queued",
    isTest: false,
    via: i.via ?? (i.allowPush ? "push" : "reply"),
    messages: i.messages,
    recipientCount: null,
    author,
    replyToEventId: null,
    segment: null,
    error: null,
    reach: null,
  };
}
