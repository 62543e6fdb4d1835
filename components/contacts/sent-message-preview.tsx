"use client";

import { Film, Image as ImageIcon, LayoutTemplate, MapPin, Mic, Smile } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";

type Json = Record<string, unknown>;

/**
 * One LINE message object the account sent, compactly: text as written, a sticker as itself (LINE's
 * sticker CDN, when reachable), everything else as an icon and what it is. Pictures that live on the
 * operator's own servers are not loaded here (the console's Content-Security-Policy allows LINE's CDNs only).
 */
export function SentMessagePreview({ message }: { message: Json }) {
  const t = useTranslations("conversation.sent");
  const type = String(message.type);
  if (type === "text" || type === "textV2") return <p className="break-words whitespace-pre-wrap">{String(message.text ?? "")}</p>;
  if (type === "sticker") return <Sticker stickerId={String(message.stickerId ?? "")} label={t("sticker")} />;
  const line = (Icon: typeof Film, text: string, detail?: string) => (
    <p className="flex min-w-0 items-center gap-2">
      <Icon aria-hidden className="size-4 shrink-0 opacity-70" />
      <span className="font-medium">{text}</span>
      {detail && <span className="truncate opacity-75">{detail}</span>}
    </p>
  );
  switch (type) {
    case "image":
      return line(ImageIcon, t("image"), host(message.originalContentUrl));
    case "video":
      return line(Film, t("video"), host(message.originalContentUrl));
    case "audio":
      return line(Mic, t("audio"));
    case "location":
      return line(MapPin, String(message.title ?? t("location")), String(message.address ?? ""));
    case "imagemap":
    case "template":
    case "flex":
      return line(LayoutTemplate, t(type), String(message.altText ?? ""));
    default:
      return line(LayoutTemplate, type);
  }
}

function Sticker({ stickerId, label }: { stickerId: string; label: string }) {
  const [failed, setFailed] = useState(false);
  if (failed || !/^\d+$/.test(stickerId)) {
    return (
      <p className="flex items-center gap-2">
        <Smile aria-hidden className="size-4 opacity-70" />
        <span className="font-medium">{label}</span>
      </p>
    );
  }
  // eslint-disable-next-line @next/next/no-img-element -- LINE's sticker CDN
  return <img src={`https://stickershop.line-scdn.net/stickershop/v1/sticker/${stickerId}/android/sticker.png`} alt={label} loading="lazy" referrerPolicy="no-referrer" onError={() => setFailed(true)} className="size-24 object-contain" />;
}

function host(url: unknown): string | undefined {
  try {
    return typeof url === "string" ? new URL(url).host : undefined;
  } catch {
    return undefined;
  }
}
