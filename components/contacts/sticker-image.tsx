"use client";

import { Smile } from "lucide-react";
import { useState } from "react";

/**
 * A LINE sticker from LINE's sticker CDN (allowed by the console's Content-Security-Policy). While it
 * loads a quiet placeholder holds its place; if it cannot load (a custom sticker, no network), `fallback`.
 */
export function StickerImage({ stickerId, label, fallback }: { stickerId: string; label: string; fallback: React.ReactNode }) {
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  if (state === "failed" || !/^\d{1,20}$/.test(stickerId)) return <>{fallback}</>;
  return (
    <span className="relative inline-flex size-28 items-center justify-center rounded-xl">
      {state === "loading" && <Smile aria-hidden className="absolute size-7 animate-pulse text-subtle-foreground" />}
      {/* eslint-disable-next-line @next/next/no-img-element -- LINE's sticker CDN */}
      <img
        ref={(img) => {
          // Finished before hydration attached onLoad/onError: read the outcome from the element.
          if (img?.complete && state === "loading") setState(img.naturalWidth > 0 ? "ready" : "failed");
        }}
        src={`https://stickershop.line-scdn.net/stickershop/v1/sticker/${stickerId}/android/sticker.png`}
        alt={label}
        loading="lazy"
        referrerPolicy="no-referrer"
        onLoad={() => setState("ready")}
        onError={() => setState("failed")}
        className={state === "ready" ? "size-full object-contain" : "size-full object-contain text-transparent opacity-0"}
      />
    </span>
  );
}
