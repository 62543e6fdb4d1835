"use client";

import { Check, CircleAlert, Clock, Megaphone, Target, UsersRound } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ConversationSend } from "@/lib/contacts/conversation";
import { HOUR_LABEL } from "@/lib/utils/date-formats";
import { cn } from "@/lib/utils/cn";
import { SentMessagePreview } from "./sent-message-preview";
import { StickerImage } from "./sticker-image";

/**
 * What the account sent, on the right like one's own messages in a chat. Sends addressed to this
 * person (push, reply) look personal; a multicast says it went to a list; broadcasts and narrowcasts are
 * quieter and say they went to everyone / to a targeted audience that may have included them.
 */
export function ConversationSendBubble({ send, at }: { send: ConversationSend; at: string }) {
  const t = useTranslations("conversation");
  const format = useFormatter();
  const wide = send.via === "broadcast" || send.via === "narrowcast";
  const ViaIcon = send.via === "multicast" ? UsersRound : send.via === "broadcast" ? Megaphone : send.via === "narrowcast" ? Target : null;
  return (
    <div className="flex justify-end" data-send-id={send.id} data-via={send.via}>
      <div className="flex max-w-[min(34rem,85%)] flex-col items-end gap-1">
        {/* Stickers stand on their own, as in LINE; everything else sits in one bubble. */}
        {groupBubbles(send.messages as Array<Record<string, unknown>>).map((part, i) =>
          part.sticker ? (
            <StickerImage key={i} stickerId={String(part.sticker.stickerId ?? "")} label={t("sent.sticker")} fallback={<Bubble wide={wide} failed={send.status === "failed"}><SentMessagePreview message={part.sticker} /></Bubble>} />
          ) : (
            <Bubble key={i} wide={wide} failed={send.status === "failed"}>
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
              {send.via === "multicast" && send.segment ? t("viaSegment", { name: send.segment.name }) : t(`via.${send.via}`, { count: send.recipientCount ?? 0 })}
            </Badge>
          )}
          {send.via === "reply" && <Badge tone="neutral">{t("via.reply")}</Badge>}
          {send.isTest && <Badge tone="warning">{t("test")}</Badge>}
          <span className="truncate" title={send.author}>
            {send.author.replace(/ <.*>$/, "")}
          </span>
          <time dateTime={at} className="tabular">
            {format.dateTime(new Date(at), HOUR_LABEL)}
          </time>
          <SendStatus status={send.status} />
        </div>
      </div>
    </div>
  );
}

function Bubble({ wide, failed, children }: { wide: boolean; failed: boolean; children: React.ReactNode }) {
  return (
    <div className={cn("w-fit max-w-full space-y-2 rounded-2xl rounded-br-md px-3.5 py-2.5 text-sm", wide ? "border border-dashed border-border-strong bg-surface text-foreground" : "bg-primary text-primary-foreground", failed && "opacity-70")}>
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

function SendStatus({ status }: { status: string }) {
  const t = useTranslations("conversation.status");
  if (status === "sent") return <Check aria-label={t("sent")} className="size-3.5 text-success" />;
  if (status === "failed" || status === "partially_sent") return <CircleAlert aria-label={t(status === "failed" ? "failed" : "partial")} className="size-3.5 text-danger" />;
  return <Clock aria-label={t("sending")} className="size-3.5" />;
}
