"use client";

import { Play } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { mediaUrl, type MessageMedia } from "@/lib/media/message-media";
import { cn } from "@/lib/utils/cn";
import { MediaLightbox } from "./media-lightbox";
import { MediaStatus } from "./media-status";
import { useMediaState } from "./use-media-state";

/**
 * An image's or video's thumbnail (LINE's preview, as the console keeps it). `size="row"` is a small,
 * inert square for timeline rows (the row itself is the link); `size="bubble"` opens full size.
 */
export function MediaThumb({ media, size, label }: { media: MessageMedia; size: "row" | "bubble"; label?: string }) {
  const t = useTranslations("media");
  const [open, setOpen] = useState(false);
  const { state, src, onLoad, onError, imgRef } = useMediaState(mediaUrl(media.messageId, "preview"));
  const box = size === "row" ? "size-8 rounded" : "h-44 w-60 max-w-full rounded-lg";
  const external = media.externalUrl !== null;

  const picture =
    external || (state !== "loading" && state !== "ready") ? (
      <MediaStatus state={external ? "external" : state} compact={size === "row"} className={box} />
    ) : (
      <span className={cn("relative block overflow-hidden bg-muted", state === "loading" && "animate-pulse", box)}>
        {/* eslint-disable-next-line @next/next/no-img-element -- authenticated, already-sized content of our own API */}
        <img
          ref={imgRef}
          src={src}
          alt={label ?? t(media.type)}
          loading="lazy"
          decoding="async"
          onLoad={onLoad}
          onError={() => void onError()}
          className={cn("size-full object-cover transition-opacity", state === "ready" ? "opacity-100" : "opacity-0")}
        />
        {media.type === "video" && state === "ready" && (
          <span aria-hidden className="absolute inset-0 flex items-center justify-center">
            <span className={cn("flex items-center justify-center rounded-full bg-black/55 text-white", size === "row" ? "size-4" : "size-11")}>
              <Play className={cn("fill-current", size === "row" ? "size-2.5" : "size-5")} />
            </span>
          </span>
        )}
      </span>
    );

  if (size === "row") return <span className="shrink-0">{picture}</span>;
  if (external) {
    return (
      <a
        href={media.externalUrl!}
        target="_blank"
        rel="noopener noreferrer"
        className="inline-block rounded-lg focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        {picture}
      </a>
    );
  }
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        disabled={state !== "ready"}
        aria-label={media.type === "video" ? t("play") : t("openFullSize")}
        className="inline-block rounded-lg text-left focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none enabled:cursor-zoom-in"
      >
        {picture}
      </button>
      <MediaLightbox media={media} open={open} onOpenChange={setOpen} title={label} />
    </>
  );
}
