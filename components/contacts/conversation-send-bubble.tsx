"use client";

import { Check, CircleAlert, CircleHelp, Clock, Megaphone, RotateCw, Send, Target, UsersRound, X } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/common/error-message";
import { LineFailure } from "@/components/sends/line-failure";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ConversationSend } from "@/lib/contacts/conversation";
import { HOUR_LABEL } from "@/lib/utils/date-formats";
import { cn } from "@/lib/utils/cn";
import { SentMessagePreview } from "./sent-message-preview";
import { StickerImage } from "./sticker-image";

/** An answer sent from this page that the server has not shown back yet (see use-outbox.ts). */
export interface LocalSend {
  /** Why it could not be stored (network, server); null while it is on its way. */
  failed: unknown;
  onRetry: () => void;
  onDiscard: () => void;
}

/**
 * What the account sent, on the right like one's own messages in a chat. Sends addressed to this
 * person (push, reply) look personal; a multicast says it went to a list; broadcasts and narrowcasts are
 * quieter and say they went to everyone / to a targeted audience that may have included them — and they
 * carry the delivered mark only when the console can know it reached them.
 */
export function ConversationSendBubble({ send, at, local }: { send: ConversationSend; at: string; local?: LocalSend }) {
  const t = useTranslations("conversation");
  const format = useFormatter();
  const wide = send.via === "broadcast" || send.via === "narrowcast";
  const failed = send.status === "failed";
  const ViaIcon = send.via === "multicast" ? UsersRound : send.via === "broadcast" ? Megaphone : send.via === "narrowcast" ? Target : null;
  return (
    <div
      className="flex justify-end"
      data-send-id={local ? undefined : send.id}
      data-via={send.via}
      data-status={local ? (local.failed ? "failed" : "sending") : send.status}
      data-testid="conversation-send"
    >
      <div className="flex max-w-[min(34rem,85%)] flex-col items-end gap-1">
        {/* Stickers stand on their own, as in LINE; everything else sits in one bubble. */}
        {groupBubbles(send.messages as Array<Record<string, unknown>>).map((part, i) =>
          part.sticker ? (
            <StickerImage
              key={i}
              stickerId={String(part.sticker.stickerId ?? "")}
              label={t("sent.sticker")}
              fallback={
                <Bubble wide={wide} failed={failed}>
                  <SentMessagePreview message={part.sticker} />
                </Bubble>
              }
            />
          ) : (
            <Bubble key={i} wide={wide} failed={failed}>
              {part.messages.map((m, j) => (
                <SentMessagePreview key={j} message={m} />
              ))}
            </Bubble>
          ),
        )}
        <div className="flex flex-wrap items-center justify-end gap-x-2 gap-y-1 text-2xs text-muted-foreground">
          {ViaIcon && (
            <Badge tone={wide ? "outline" : "info"} title={t(`viaHint.${send.via}`)}>
              <ViaIcon aria-hidden />
              {send.via === "multicast" && send.segment
                ? t("viaSegment", { name: send.segment.name })
                : t(`via.${send.via}`, { count: send.recipientCount ?? 0 })}
            </Badge>
          )}
          {send.via === "reply" && (
            <Badge tone="neutral" title={t("viaHint.reply")}>
              {t("via.reply")}
            </Badge>
          )}
          {send.via === "push" && (
            <Badge tone="neutral" title={t("viaHint.push")}>
              <Send aria-hidden />
              {t("via.push")}
            </Badge>
          )}
          {send.isTest && <Badge tone="warning">{t("test")}</Badge>}
          <span className="truncate" title={send.author}>
            {send.author.replace(/ <.*>$/, "")}
          </span>
          <time dateTime={at} className="tabular">
            {format.dateTime(new Date(at), HOUR_LABEL)}
          </time>
          {local ? <LocalStatus failed={local.failed !== null} /> : <SendStatus send={send} />}
        </div>
        {local?.failed ? (
          <div role="alert" className="flex max-w-full flex-col items-end gap-1.5 text-right text-xs text-danger-soft-foreground">
            <ErrorMessage error={local.failed} />
            <span className="flex gap-1.5">
              <Button size="xs" onClick={local.onRetry}>
                <RotateCw aria-hidden />
                {t("retry")}
              </Button>
              <Button size="xs" variant="subtle" onClick={local.onDiscard}>
                <X aria-hidden />
                {t("discard")}
              </Button>
            </span>
          </div>
        ) : (
          failed && send.error && <LineFailure error={send.error} compact className="max-w-full text-right text-danger-soft-foreground" />
        )}
      </div>
    </div>
  );
}

function Bubble({ wide, failed, children }: { wide: boolean; failed: boolean; children: React.ReactNode }) {
  return (
    <div
      className={cn(
        "w-fit max-w-full space-y-2 rounded-2xl rounded-br-md px-3.5 py-2.5 text-sm",
        // A failed message is marked by its outline, not faded: faded text fails contrast (WCAG 1.4.3).
        failed
          ? "border border-danger/60 bg-danger-soft text-foreground"
          : wide
            ? "border border-dashed border-border-strong bg-surface text-foreground"
            : "bg-primary text-primary-foreground",
      )}
    >
      {children}
    </div>
  );
}

// Consecutive non-sticker messages share a bubble; each sticker is its own part.
function groupBubbles(messages: Array<Record<string, unknown>>) {
  const parts: Array<{ sticker?: Record<string, unknown>; messages: Array<Record<string, unknown>> }> = [];
  for (const m of messages) {
    if (m.type === "sticker") parts.push({ sticker: m, messages: [] });
    else if (parts.at(-1) && !parts.at(-1)!.sticker) parts.at(-1)!.messages.push(m);
    else parts.push({ messages: [m] });
  }
  return parts;
}

function SendStatus({ send }: { send: ConversationSend }) {
  const t = useTranslations("conversation.status");
  if (send.status === "failed" || send.status === "partially_sent") {
    return (
      <span className="inline-flex items-center gap-1 font-medium text-danger">
        <CircleAlert aria-hidden className="size-3.5" />
        {t(send.status === "failed" ? "failed" : "partial")}
      </span>
    );
  }
  if (send.status !== "sent") return <LocalStatus failed={false} />;
  // LINE accepted it, but whether it reached this friend is not known (a narrowcast, or a broadcast to
  // someone who may not have been a friend then): no delivered mark.
  if (send.reach === "unknown") {
    return (
      <span className="inline-flex items-center gap-1" title={t("unknownHint")}>
        <CircleHelp aria-hidden className="size-3.5" />
        {t("unknown")}
      </span>
    );
  }
  return <Check aria-label={t("sent")} className="size-3.5 text-success" />;
}

function LocalStatus({ failed }: { failed: boolean }) {
  const t = useTranslations("conversation.status");
  if (failed) {
    return (
      <span className="inline-flex items-center gap-1 font-medium text-danger">
        <CircleAlert aria-hidden className="size-3.5" />
        {t("notSent")}
      </span>
    );
  }
  return (
    <span className="inline-flex items-center gap-1">
      <Clock aria-hidden className="size-3.5" />
      {t("sending")}
    </span>
  );
}
