"use client";

import { ChevronLeft, Menu } from "lucide-react";
import { useTranslations } from "next-intl";
import type { DraftMessage } from "@/lib/sends/composer/compose-state";
import { cn } from "@/lib/utils/cn";
import { MessageBubble } from "./message-bubble";

interface PhonePreviewProps {
  messages: DraftMessage[];
  accountName?: string;
  className?: string;
}

/** The messages as a friend sees them in LINE: a phone-sized chat, quick replies at the bottom. */
export function PhonePreview({ messages, accountName, className }: PhonePreviewProps) {
  const t = useTranslations("composer.preview");
  const quick = ((messages.at(-1)?.quickReply as { items?: Array<{ action?: { label?: string } }> } | undefined)?.items ?? []).map(
    (i) => i.action?.label ?? "",
  );
  return (
    <figure aria-label={t("label")} className={cn("mx-auto w-full max-w-[340px]", className)}>
      <div className="overflow-hidden rounded-[2.2rem] border-[10px] border-[#1b1d22] bg-[#1b1d22] shadow-lg">
        <div className="flex h-11 items-center gap-2 bg-[#f7f8fa] px-3 text-[#111] dark:bg-[#22262d] dark:text-white">
          <ChevronLeft aria-hidden className="size-5" />
          <span className="min-w-0 flex-1 truncate text-sm font-semibold">{accountName ?? t("account")}</span>
          <Menu aria-hidden className="size-4" />
        </div>
        <div className="flex h-[30rem] flex-col bg-[#8ca6c9] dark:bg-[#27374d]">
          <div className="min-h-0 flex-1 space-y-2 overflow-y-auto px-3 py-3 scrollbar-thin">
            {messages.length === 0 && <p className="mt-16 text-center text-xs text-white/80">{t("empty")}</p>}
            {messages.map((m, i) => (
              <div key={i} className="flex items-start gap-2" data-testid="preview-message">
                {i === 0 ? (
                  <span aria-hidden className="mt-0.5 size-7 shrink-0 rounded-full bg-[#06C755] ring-2 ring-white/60" />
                ) : (
                  <span aria-hidden className="size-7 shrink-0" />
                )}
                <div className="min-w-0">
                  <MessageBubble message={m} labels={{ sticker: t("sticker"), mention: t("mention"), emoji: t("emoji") }} />
                </div>
              </div>
            ))}
          </div>
          {quick.length > 0 && (
            <div className="flex gap-1.5 overflow-x-auto bg-white/30 px-2 py-2 scrollbar-thin" aria-label={t("quickReplies")}>
              {quick.map((label, i) => (
                <span key={i} className="shrink-0 rounded-full border border-[#42659a]/30 bg-white px-3 py-1 text-[12px] font-medium text-[#42659a]">
                  {label || "…"}
                </span>
              ))}
            </div>
          )}
        </div>
      </div>
      <figcaption className="mt-2 text-center text-2xs text-subtle-foreground">{t("caption")}</figcaption>
    </figure>
  );
}
