"use client";

import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";

/** A channel's webhook URL as it is pasted into LINE Developers Console: whole, selectable, with a copy button. */
export function WebhookUrl({ url }: { url: string }) {
  const t = useTranslations("settings.channels");
  const tc = useTranslations("common");
  return (
    <div className="flex min-w-0 items-center gap-1 rounded-md border border-border bg-muted/40 py-1 pr-1 pl-3">
      <code className="min-w-0 flex-1 font-mono text-xs break-all" data-testid="channel-webhook-url">
        {url}
      </code>
      {/* Named for what it copies: a list has one per channel. */}
      <CopyButton value={url} label={t("copyWebhookUrl")} copiedLabel={tc("copied")} />
    </div>
  );
}
