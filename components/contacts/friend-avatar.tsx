"use client";

import { DoorOpen, UsersRound } from "lucide-react";
import { useState } from "react";
import { cn } from "@/lib/utils/cn";

const SIZES = { sm: "size-7 text-xs", md: "size-9 text-sm", lg: "size-16 text-xl", xl: "size-20 text-2xl" } as const;
// Soft, distinguishable backgrounds for people without a picture, chosen by their id (stable).
const TONES = [
  "bg-family-message-soft text-family-message",
  "bg-family-social-soft text-family-social",
  "bg-family-action-soft text-family-action",
  "bg-family-account-soft text-family-account",
  "bg-primary-soft text-primary-soft-foreground",
  "bg-warning-soft text-warning-soft-foreground",
];

/**
 * A friend's (or chat's) picture from LINE, or their initial on a colour of their own when there is
 * none or it does not load (LINE's picture URLs change and expire).
 */
export function FriendAvatar({
  id,
  name,
  pictureUrl,
  size = "md",
  kind = "user",
  className,
}: {
  id: string;
  name: string | null;
  pictureUrl: string | null;
  size?: keyof typeof SIZES;
  kind?: "user" | "group" | "room";
  className?: string;
}) {
  const [failed, setFailed] = useState(false);
  const tone = TONES[hash(id) % TONES.length];
  const initial = name ? initialOf(name) : null;
  const Icon = kind === "group" ? UsersRound : DoorOpen;
  return (
    <span
      aria-hidden
      className={cn(
        "relative inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full font-semibold select-none",
        SIZES[size],
        !pictureUrl || failed ? tone : "bg-muted",
        kind !== "user" && "rounded-xl",
        className,
      )}
    >
      {pictureUrl && !failed ? (
        // eslint-disable-next-line @next/next/no-img-element -- LINE's CDN, sized by CSS; next/image would proxy it
        <img
          // A server-rendered picture may fail before React attaches onError: look once it is in the DOM.
          ref={(img) => {
            if (img?.complete && img.naturalWidth === 0) setFailed(true);
          }}
          src={pictureUrl}
          alt=""
          loading="lazy"
          referrerPolicy="no-referrer"
          onError={() => setFailed(true)}
          className="size-full object-cover"
        />
      ) : kind !== "user" && !initial ? (
        <Icon className="size-1/2" />
      ) : (
        (initial ?? "?")
      )}
    </span>
  );
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return Math.abs(h);
}

// The first letter a reader would pick: Thai vowels written before their consonant (เ แ โ ใ ไ) are skipped.
function initialOf(name: string): string | null {
  const chars = Array.from(name.trim());
  const first = /^[\u0e40-\u0e44]$/.test(chars[0] ?? "") && chars[1] ? chars[1] : chars[0];
  return first ? first.toUpperCase() : null;
}
