"use client";

import { useMutation } from "@tanstack/react-query";
import { Archive, ArchiveRestore, ExternalLink, Pencil, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/common/error-message";
import { RelativeTime } from "@/components/common/relative-time";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { useToast } from "@/components/ui/toaster";
import { channelPath } from "@/lib/client/channel-path";
import { updateChannel, type Channel } from "@/lib/client/channels";
import { cn } from "@/lib/utils/cn";
import { ChannelPicture } from "./channel-picture";
import { useChannelsChanged } from "./use-channels-changed";
import { WebhookUrl } from "./webhook-url";

interface ItemProps {
  channel: Channel;
  /** The channel this page is on. */
  current: boolean;
  onRename: () => void;
  onArchive: () => void;
  onDelete: () => void;
}

/** One Official Account: who it is, how the console reaches LINE for it, where LINE sends its events; its actions. */
export function ChannelItem({ channel: c, current, onRename, onArchive, onDelete }: ItemProps) {
  const t = useTranslations("settings.channels");
  const { toast } = useToast();
  const changed = useChannelsChanged();
  const restore = useMutation({
    mutationFn: () => updateChannel(c.key, { archived: false }),
    onSuccess: () => {
      changed();
      toast({ tone: "success", title: t("restoredDone", { name: c.name }) });
    },
  });
  const headingId = `channel-${c.key}`;
  const archived = Boolean(c.archivedAt);

  return (
    <li aria-labelledby={headingId} data-channel={c.key} className={cn("space-y-3 px-4 py-4", archived && "bg-muted/30")}>
      {/* Side by side where there is room; on a tablet the actions go under what they act on. */}
      <div className="flex flex-col gap-x-4 gap-y-3 xl:flex-row xl:items-start xl:justify-between">
        <div className="flex min-w-0 flex-1 items-start gap-3">
          <ChannelPicture url={c.pictureUrl} name={c.name} className={archived ? "opacity-60 grayscale" : undefined} />
          <div className="min-w-0 space-y-0.5">
            <div className="flex flex-wrap items-center gap-2">
              <h3 id={headingId} className="text-sm font-semibold break-words">
                {c.name}
              </h3>
              {archived ? <Badge tone="neutral">{t("archived")}</Badge> : <Badge tone="success">{t("active")}</Badge>}
              {current && <Badge tone="outline">{t("current")}</Badge>}
            </div>
            {(c.basicId || archived) && (
              <p className="text-xs text-muted-foreground">
                {c.basicId}
                {c.basicId && archived && " · "}
                {archived && t.rich("archivedAt", { time: () => <RelativeTime value={c.archivedAt!} /> })}
              </p>
            )}
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-1.5 sm:pl-13 xl:justify-end xl:pl-0">
          {/* A plain link: another channel is another console (its switcher, its live stream, its cache), loaded afresh. */}
          {!current && (
            <a href={channelPath(c.key, "/")} data-action="open" className={buttonVariants({ variant: "secondary", size: "sm" })}>
              <ExternalLink aria-hidden />
              {t("open")}
            </a>
          )}
          <Button size="sm" variant="ghost" onClick={onRename} data-action="rename">
            <Pencil aria-hidden />
            {t("rename")}
          </Button>
          {archived ? (
            <Button size="sm" variant="ghost" onClick={() => restore.mutate()} disabled={restore.isPending} data-action="restore">
              <ArchiveRestore aria-hidden />
              {t("restore")}
            </Button>
          ) : (
            <Button size="sm" variant="ghost" onClick={onArchive} data-action="archive">
              <Archive aria-hidden />
              {t("archive")}
            </Button>
          )}
          {/* The first channel is the server's environment's (LINE_CHANNEL_*): it can be archived, not deleted. */}
          {!c.first && (
            <Button size="sm" variant="ghost" className="text-danger hover:text-danger" onClick={onDelete} data-action="delete">
              <Trash2 aria-hidden />
              {t("delete")}
            </Button>
          )}
        </div>
      </div>
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[11rem_minmax(0,1fr)] sm:pl-13">
        <dt className="text-xs font-medium text-muted-foreground sm:pt-0.5">{t("fields.lineChannelId")}</dt>
        <dd className="font-mono text-xs sm:pt-0.5">{c.lineChannelId}</dd>
        <dt className="text-xs font-medium text-muted-foreground sm:pt-0.5">{t("fields.key")}</dt>
        <dd className="font-mono text-xs sm:pt-0.5">{c.key}</dd>
        <dt className="text-xs font-medium text-muted-foreground sm:pt-0.5">{t("fields.token")}</dt>
        <dd className="text-xs sm:pt-0.5">
          {t(`tokenSource.${c.tokenSource}`)}
          {c.first && <span className="block text-muted-foreground">{t("firstChannel")}</span>}
        </dd>
        <dt className="text-xs font-medium text-muted-foreground sm:pt-2">{t("fields.webhookUrl")}</dt>
        <dd className="min-w-0 space-y-1">
          <WebhookUrl url={c.webhookUrl} />
          <p className="text-xs text-muted-foreground">{t("webhookHint")}</p>
        </dd>
      </dl>
      {restore.isError && <ErrorAlert error={restore.error} lead={t("changeFailed")} />}
    </li>
  );
}
