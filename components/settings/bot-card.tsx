"use client";

import { useQuery } from "@tanstack/react-query";
import { Bot } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { botInfoQuery } from "@/lib/client/channel";
import type { BotInfo } from "@/lib/channel/channel";
import { shortId } from "@/lib/utils/format";
import { DetailList, DetailRow } from "./detail-list";
import { LineErrorNotice } from "./line-error-notice";

/** The Official Account as LINE describes it (GET /v2/bot/info). */
export function BotCard({ configured }: { configured: boolean }) {
  const t = useTranslations("settings.channel.bot");
  const query = useQuery({ ...botInfoQuery(), enabled: configured });
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent>
        {!configured ? (
          <EmptyState className="py-6" icon={<Bot />} title={t("notConfiguredTitle")} description={t("notConfiguredDescription")} />
        ) : query.isPending ? (
          <BotSkeleton />
        ) : query.isError ? (
          <LineErrorNotice error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <BotDetails bot={query.data} />
        )}
      </CardContent>
    </Card>
  );
}

function BotDetails({ bot }: { bot: BotInfo }) {
  const t = useTranslations("settings.channel.bot");
  const tc = useTranslations("common");
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3">
        <BotPicture url={bot.pictureUrl} name={bot.displayName} />
        <div className="min-w-0">
          <p className="truncate text-base font-semibold" data-testid="bot-name">
            {bot.displayName}
          </p>
          <p className="flex items-center gap-1 text-sm text-muted-foreground">
            <span className="truncate font-mono">{bot.premiumId ?? bot.basicId}</span>
            <CopyButton value={bot.premiumId ?? bot.basicId} label={tc("copy")} copiedLabel={tc("copied")} className="size-6" />
          </p>
        </div>
      </div>
      <DetailList>
        {bot.premiumId && (
          <DetailRow label={t("basicId")}>
            <span className="font-mono text-xs">{bot.basicId}</span>
          </DetailRow>
        )}
        <DetailRow label={t("chatMode")}>
          <Badge tone={bot.chatMode === "bot" ? "success" : "warning"}>{t(`chatModes.${bot.chatMode}`)}</Badge>
        </DetailRow>
        <DetailRow label={t("markAsRead")}>{t(`markAsReadModes.${bot.markAsReadMode}`)}</DetailRow>
        <DetailRow label={t("userId")}>
          <span className="font-mono text-xs" title={bot.userId}>
            {shortId(bot.userId, 6, 4)}
          </span>
          <CopyButton value={bot.userId} label={tc("copy")} copiedLabel={tc("copied")} className="size-6" />
        </DetailRow>
      </DetailList>
      {bot.chatMode === "chat" && <p className="text-xs text-warning-soft-foreground">{t("chatModeHint")}</p>}
    </div>
  );
}

// LINE's CDN is allowed by the Content-Security-Policy; anything else (a stand-in's address) falls back
// to the initial, as does a picture that fails to load.
function BotPicture({ url, name }: { url: string | null; name: string }) {
  const [failed, setFailed] = useState(false);
  if (!url || failed) {
    return (
      <span
        aria-hidden
        className="flex size-12 shrink-0 items-center justify-center rounded-full bg-primary-soft text-lg font-semibold text-primary-soft-foreground"
      >
        {Array.from(name)[0] ?? "?"}
      </span>
    );
  }
  // A remote avatar: next/image would proxy it through the server.
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img src={url} alt="" width={48} height={48} onError={() => setFailed(true)} className="size-12 shrink-0 rounded-full border border-border object-cover" />
  );
}

function BotSkeleton() {
  return (
    <div className="space-y-4" aria-hidden>
      <div className="flex items-center gap-3">
        <Skeleton className="size-12 rounded-full" />
        <div className="space-y-2">
          <Skeleton className="h-4 w-32" />
          <Skeleton className="h-3 w-20" />
        </div>
      </div>
      {Array.from({ length: 3 }, (_, i) => (
        <Skeleton key={i} className="h-4 w-full" />
      ))}
    </div>
  );
}
