"use client";

import { useCallback, useState } from "react";
import { cn } from "@/lib/utils/cn";

/**
 * The Official Account's picture, or its name's first letter when it has none or it does not load (a
 * picture from the fake LINE platform outside demo mode is not allowed by the page's image policy).
 * Decorative: the name is always next to it.
 */
export function ChannelPicture({ url, name, className }: { url: string | null; name: string; className?: string }) {
  const [failed, setFailed] = useState(false);
  // A picture that failed while the server-rendered page loaded did so before React listened for it.
  const failedEarly = useCallback((img: HTMLImageElement | null) => {
    if (img?.complete && img.naturalWidth === 0) setFailed(true);
  }, []);
  if (!url || failed) {
    return (
      <span
        aria-hidden
        className={cn(
          "flex size-10 shrink-0 items-center justify-center rounded-full bg-primary-soft text-base font-semibold text-primary-soft-foreground",
          className,
        )}
      >
        {Array.from(name)[0]?.toUpperCase() ?? "?"}
      </span>
    );
  }
  return (
    // A remote picture (LINE's CDN): next/image would proxy it through the server.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      ref={failedEarly}
      src={url}
      alt=""
      width={40}
      height={40}
      onError={() => setFailed(true)}
      className={cn("size-10 shrink-0 rounded-full border border-border object-cover", className)}
    />
  );
}
