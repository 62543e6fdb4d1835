"use client";

import { ExternalLink, Play } from "lucide-react";
import { useTranslations } from "next-intl";
import { useFriendAction } from "./use-friend-action";

/**
 * Under a message on the friend's phone: tap its links or play its video, as the friend would. The fake
 * platform counts these at once in LINE's statistics of the send (the campaign page shows them).
 */
export function PhoneMessageTaps({ userId, messageId, message }: { userId: string; messageId: string; message: Record<string, unknown> }) {
  const t = useTranslations("demo");
  const act = useFriendAction(userId);
  const urls = linksIn(message).slice(0, 3);
  const media = message.type === "video" || message.type === "audio";
  if (urls.length === 0 && !media) return null;
  return (
    <span className="mt-1 flex flex-wrap gap-1">
      {urls.map((url) => (
        <button
          key={url}
          type="button"
          disabled={act.isPending}
          onClick={() => act.mutate({ action: "click", body: { messageId, url } })}
          className="inline-flex max-w-[14rem] items-center gap-1 rounded-full bg-white/85 px-2 py-0.5 text-[11px] text-[#111] hover:bg-white focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-white"
        >
          <ExternalLink aria-hidden className="size-3 shrink-0" />
          <span className="truncate">{t("tapLink", { host: hostOf(url) })}</span>
        </button>
      ))}
      {media && (
        <button
          type="button"
          disabled={act.isPending}
          onClick={() => act.mutate({ action: "play", body: { messageId, percent: 100 } })}
          className="inline-flex items-center gap-1 rounded-full bg-white/85 px-2 py-0.5 text-[11px] text-[#111] hover:bg-white focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-white"
        >
          <Play aria-hidden className="size-3" />
          {t("playMedia")}
        </button>
      )}
    </span>
  );
}

// The links a friend can open, found as LINE finds them: uri actions anywhere, and URLs in text.
function linksIn(message: unknown): string[] {
  const found = new Set<string>();
  const walk = (v: unknown, key: string) => {
    if (Array.isArray(v)) v.forEach((item) => walk(item, key));
    else if (v && typeof v === "object") for (const [k, inner] of Object.entries(v)) walk(inner, k);
    else if (typeof v !== "string") return;
    else if ((key === "uri" || key === "linkUri") && /^https?:/.test(v)) found.add(v);
    else if (key === "text") for (const m of v.matchAll(/https?:\/\/[^\s"]+/g)) found.add(m[0]);
  };
  walk(message, "");
  return [...found];
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
