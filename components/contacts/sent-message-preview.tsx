"use client";

import { Film, Image as ImageIcon, LayoutTemplate, MapPin, Mic, Smile } from "lucide-react";
import { useTranslations } from "next-intl";

type Json = Record<string, unknown>;

/**
 * One LINE message object the account sent, compactly: text as written, everything else as an icon and
 * what it is (stickers are drawn by the bubble itself). Pictures on the operator's own servers are not
 * loaded here: the console's Content-Security-Policy allows LINE's CDNs only.
 */
export function SentMessagePreview({ message }: { message: Json }) {
  const t = useTranslations("conversation.sent");
  const type = String(message.type);
  if (type === "text" || type === "textV2") return <p className="break-words whitespace-pre-wrap">{String(message.text ?? "")}</p>;
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
    case "sticker":
      return line(Smile, t("sticker"));
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

function host(url: unknown): string | undefined {
  try {
    return typeof url === "string" ? new URL(url).host : undefined;
  } catch {
    return undefined;
  }
}
