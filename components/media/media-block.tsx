"use client";

import { Download, FileText } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect } from "react";
import { buttonVariants } from "@/components/ui/button";
import { mediaUrl, type MessageMedia } from "@/lib/media/message-media";
import { cn } from "@/lib/utils/cn";
import { formatBytes } from "@/lib/utils/format";
import { MediaStatus } from "./media-status";
import { MediaThumb } from "./media-thumb";
import { useMediaState } from "./use-media-state";

/** What a friend sent, shown in full: images and videos as thumbnails, audio playable, files downloadable. */
export function MediaBlock({ media, label, className }: { media: MessageMedia; label?: string; className?: string }) {
  if (media.type === "image" || media.type === "video") {
    return (
      <div className={className}>
        <MediaThumb media={media} size="bubble" label={label} />
      </div>
    );
  }
  return media.type === "audio" ? <AudioPlayer media={media} className={className} /> : <FileCard media={media} className={className} />;
}

function AudioPlayer({ media, className }: { media: MessageMedia; className?: string }) {
  const t = useTranslations("media");
  const { state, src, onError, attempt } = useMediaState(mediaUrl(media.messageId));
  if (state !== "loading" && state !== "ready") return <MediaStatus state={state} className={cn("h-10 w-64 max-w-full rounded-lg", className)} />;
  return (
    <div className={cn("flex w-72 max-w-full flex-col gap-1", className)}>
      <audio key={attempt} src={src} controls preload="metadata" onError={() => void onError()} aria-label={t("audio")} className="h-10 w-full" />
    </div>
  );
}

function FileCard({ media, className }: { media: MessageMedia; className?: string }) {
  const t = useTranslations("media");
  const locale = useLocale();
  const { state, probe, attempt } = useMediaState(mediaUrl(media.messageId));
  useEffect(() => {
    void probe();
    // Probe again on each retry of a pending file.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);
  return (
    <div className={cn("flex w-72 max-w-full items-center gap-3 rounded-lg border border-border bg-surface p-2.5", className)}>
      <span className="flex size-9 shrink-0 items-center justify-center rounded-md bg-muted text-muted-foreground">
        <FileText aria-hidden className="size-4" />
      </span>
      <span className="min-w-0 flex-1">
        <span className="block truncate text-sm font-medium" title={media.fileName ?? undefined}>
          {media.fileName ?? t("file")}
        </span>
        <span className="block text-xs text-muted-foreground">
          {state === "ready" || state === "loading" ? media.fileSize !== null ? formatBytes(media.fileSize, locale) : "" : <MediaStatusText state={state} />}
        </span>
      </span>
      {state === "ready" && (
        <a
          href={mediaUrl(media.messageId, "original", true)}
          aria-label={t("downloadNamed", { name: media.fileName ?? t("file") })}
          className={buttonVariants({ variant: "ghost", size: "icon-sm" })}
        >
          <Download aria-hidden />
        </a>
      )}
    </div>
  );
}

function MediaStatusText({ state }: { state: Parameters<typeof MediaStatus>[0]["state"] }) {
  const t = useTranslations("media.states");
  return <>{t(state)}</>;
}
