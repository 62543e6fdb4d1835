"use client";

import { CircleSlash, Clock, ExternalLink, FileWarning, ImageOff, Loader } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils/cn";
import type { MediaState } from "./use-media-state";

/** What stands in for media that cannot be shown (yet): an icon, and a word unless it is tiny. */
export function MediaStatus({ state, compact = false, className }: { state: MediaState; compact?: boolean; className?: string }) {
  const t = useTranslations("media.states");
  const Icon =
    state === "pending"
      ? Clock
      : state === "loading"
        ? Loader
        : state === "external"
          ? ExternalLink
          : state === "too_large"
            ? FileWarning
            : state === "gone" || state === "expired"
              ? CircleSlash
              : ImageOff;
  return (
    <span
      role="img"
      aria-label={t(state)}
      title={t(state)}
      className={cn("flex items-center justify-center gap-1.5 bg-muted text-subtle-foreground", compact ? "" : "px-3 text-xs", className)}
    >
      <Icon aria-hidden className={cn("size-4 shrink-0", state === "loading" && "animate-spin [animation-duration:2s]")} />
      {!compact && <span className="line-clamp-2">{t(state)}</span>}
    </span>
  );
}
