"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronLeft } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { MessageBubble } from "@/components/sends/composer/preview/message-bubble";
import { summarizeEvent } from "@/lib/events/types/summary/summarize-event";
import { EventSummaryView } from "@/components/events/event-summary-view";
import type { DraftMessage } from "@/lib/sends/composer/compose-state";
import { demoInboxQuery, demoSentQuery, type DemoFriend } from "@/lib/client/demo";
import { FriendActions } from "./friend-actions";
import { PhoneMessageTaps } from "./phone-message-taps";
import { PhoneRichMenu } from "./phone-rich-menu";
import { sendJson } from "@/lib/client/api-client";

type Line = { at: number; key: string } & (
  { from: "account"; message: DraftMessage; kind: string; messageId: string } | { from: "friend"; payload: Record<string, unknown> }
);

/**
 * The friend's phone: their chat with the account — what they sent, what actually reached them, the
 * account's loading animation while an operator types, and "Read" under what the account has read.
 */
export function FriendPhone({ friend }: { friend: DemoFriend }) {
  const t = useTranslations("demo");
  const tPreview = useTranslations("composer.preview");
  const format = useFormatter();
  const inbox = useQuery(demoInboxQuery(friend.userId));
  const sent = useQuery(demoSentQuery(friend.userId));
  const lines: Line[] = [
    ...(inbox.data?.entries ?? []).flatMap((e) =>
      e.messages.map((m, i) => ({
        from: "account" as const,
        at: Date.parse(e.sentAt),
        key: `${e.requestId}:${i}`,
        messageId: m.id,
        message: m.message as DraftMessage,
        kind: e.kind,
      })),
    ),
    ...(sent.data?.items ?? []).map((ev) => ({ from: "friend" as const, at: Date.parse(ev.timestamp), key: ev.id, payload: ev.payload })),
  ].sort((a, b) => a.at - b.at);

  // LINE marks the message whose token was used and every earlier one of theirs in this chat.
  const readUpTo = inbox.data?.readUpTo;
  const readAt = readUpTo ? (lines.find((l) => l.from === "friend" && messageIdOf(l.payload) === readUpTo.messageId)?.at ?? Date.parse(readUpTo.sentAt)) : null;
  const typing = !!inbox.data?.loading;

  // The chat is on screen: the friend has seen what reached them (LINE counts an impression). The fake
  // counts each send once, so asking again as more arrive is harmless.
  const received = inbox.data?.entries.length ?? 0;
  useEffect(() => {
    if (received > 0) void sendJson("POST", `/api/demo/friends/${friend.userId}/open`, {}).catch(() => {});
  }, [received, friend.userId]);

  const end = useRef<HTMLDivElement>(null);
  // In braces: Chromium's scrollIntoView now returns a promise, which React would take for a clean-up.
  useEffect(() => {
    void end.current?.scrollIntoView({ block: "end" });
  }, [lines.length, typing]);

  return (
    <figure aria-label={t("phoneLabel", { name: friend.displayName })} className="mx-auto w-full max-w-[360px]">
      <div className="overflow-hidden rounded-[2.2rem] border-[10px] border-[#1b1d22] bg-[#1b1d22] shadow-lg">
        <div className="flex h-11 items-center gap-2 bg-[#f7f8fa] px-3 text-[#111] dark:bg-[#22262d] dark:text-white">
          <ChevronLeft aria-hidden className="size-5" />
          <span className="min-w-0 flex-1 truncate text-sm font-semibold">{t("accountChat")}</span>
        </div>
        <div className="h-[30rem] space-y-2 overflow-y-auto bg-[#8ca6c9] px-3 py-3 scrollbar-thin dark:bg-[#27374d]" data-testid="phone-chat">
          {lines.length === 0 && <p className="mt-16 text-center text-xs text-white/80">{inbox.isPending || sent.isPending ? "…" : t("emptyChat")}</p>}
          {lines.map((line) =>
            line.from === "account" ? (
              <div key={line.key} className="flex items-start gap-2" data-testid="phone-received">
                <span aria-hidden className="mt-0.5 size-7 shrink-0 rounded-full bg-[#06C755] ring-2 ring-white/60" />
                <div className="min-w-0">
                  <MessageBubble message={line.message} labels={{ sticker: tPreview("sticker"), mention: tPreview("mention"), emoji: tPreview("emoji") }} />
                  <PhoneMessageTaps userId={friend.userId} messageId={line.messageId} message={line.message as unknown as Record<string, unknown>} />
                  <span className="mt-0.5 block text-[10px] text-white/80">
                    {t(`sendKind.${line.kind}`)} · {format.dateTime(new Date(line.at), { hour: "2-digit", minute: "2-digit" })}
                  </span>
                </div>
              </div>
            ) : (
              <div key={line.key} className="flex flex-col items-end" data-testid="phone-sent">
                <div className="max-w-[80%] rounded-2xl rounded-tr-sm bg-[#a6e67f] px-3 py-2 text-[13px] leading-snug text-[#111] shadow-xs">
                  <EventSummaryView summary={summarizeEvent(line.payload)} className="text-[#111]" />
                </div>
                <span className="mt-0.5 text-[10px] text-white/80">
                  {readAt !== null && line.at <= readAt && inOwnChat(line.payload) && <span data-testid="phone-read">{t("read")} · </span>}
                  {format.dateTime(new Date(line.at), { hour: "2-digit", minute: "2-digit" })}
                </span>
              </div>
            ),
          )}
          {typing && (
            <div className="flex items-start gap-2" data-testid="phone-typing">
              <span aria-hidden className="mt-0.5 size-7 shrink-0 rounded-full bg-[#06C755] ring-2 ring-white/60" />
              <span
                role="status"
                aria-label={t("typing")}
                className="flex h-8 items-center gap-1 rounded-2xl rounded-tl-sm bg-white px-3 shadow-xs dark:bg-[#3a4150]"
              >
                {[0, 150, 300].map((delay) => (
                  <span key={delay} aria-hidden className="size-1.5 animate-bounce rounded-full bg-[#8a9099]" style={{ animationDelay: `${delay}ms` }} />
                ))}
              </span>
            </div>
          )}
          <div ref={end} />
        </div>
        <PhoneRichMenu userId={friend.userId} />
        <FriendActions friend={friend} />
      </div>
    </figure>
  );
}

function messageIdOf(payload: Record<string, unknown>): string | undefined {
  return (payload.message as { id?: string } | undefined)?.id;
}

// Read marks belong to their one-on-one chat; what they wrote in a group is not marked here.
function inOwnChat(payload: Record<string, unknown>): boolean {
  return (payload.source as { type?: string } | undefined)?.type === "user";
}
