import { ImageIcon, MapPin, Music, Play, Smile } from "lucide-react";
import type { DraftMessage } from "@/lib/sends/composer/compose-state";
import { textSegments, type TextEmoji } from "@/lib/sends/composer/emoji-text";
import { FlexView } from "./flex-view";
import { TemplateCard } from "./template-card";

/** One message as a LINE chat bubble (or card) from the account. */
export function MessageBubble({ message, labels }: { message: DraftMessage; labels: { sticker: string; mention: string; emoji: string } }) {
  switch (message.type) {
    case "text":
      return (
        <Bubble>
          {textSegments(String(message.text ?? ""), message.emojis as TextEmoji[] | undefined).map((s, i) =>
            "text" in s ? <span key={i}>{s.text}</span> : <EmojiMarker key={i} id={s.emoji.emojiId} label={labels.emoji} />,
          )}
        </Bubble>
      );
    case "textV2": {
      const subs = (message.substitution ?? {}) as Record<string, { type: string; mentionee?: { type: string; userId?: string }; emojiId?: string }>;
      const parts = String(message.text ?? "").split(/(\{[a-zA-Z0-9_]{1,20}\})/);
      return (
        <Bubble>
          {parts.map((p, i) => {
            const s = /^\{(.+)\}$/.exec(p) ? subs[p.slice(1, -1)] : undefined;
            if (!s) return <span key={i}>{p}</span>;
            if (s.type === "emoji") return <EmojiMarker key={i} id={s.emojiId ?? ""} label={labels.emoji} />;
            return (
              <span key={i} className="font-semibold text-[#42659a]">
                @{s.mentionee?.type === "all" ? MENTION_ALL : (s.mentionee?.userId?.slice(0, 7) ?? labels.mention)}
              </span>
            );
          })}
        </Bubble>
      );
    }
    case "sticker":
      return (
        <div
          className="flex size-28 flex-col items-center justify-center gap-1 rounded-2xl border-2 border-dashed border-white/70 bg-white/25 text-white"
          aria-label={labels.sticker}
        >
          <Smile aria-hidden className="size-9" />
          <span className="font-mono text-[10px] leading-tight">
            {String(message.packageId)}/{String(message.stickerId)}
          </span>
        </div>
      );
    case "image":
    case "imagemap":
      return (
        <div
          className="flex aspect-square w-44 items-center justify-center rounded-2xl bg-[#e8edf3] text-[#8a97a8]"
          title={String(message.originalContentUrl ?? message.baseUrl ?? "")}
        >
          <ImageIcon aria-hidden className="size-8" />
        </div>
      );
    case "video":
      return (
        <div className="flex aspect-video w-52 items-center justify-center rounded-2xl bg-[#2b2f36] text-white">
          <Play aria-hidden className="size-8 fill-white" />
        </div>
      );
    case "audio":
      return (
        <Bubble>
          <span className="flex items-center gap-2">
            <Music aria-hidden className="size-4 text-[#06C755]" />
            {formatDuration(Number(message.duration ?? 0))}
          </span>
        </Bubble>
      );
    case "location":
      return (
        <div className="w-52 overflow-hidden rounded-2xl bg-white text-[#111]">
          <div className="flex h-20 items-center justify-center bg-[#dfe9d8] text-[#4c8a3a]">
            <MapPin aria-hidden className="size-7" />
          </div>
          <div className="px-3 py-2">
            <p className="truncate text-[13px] font-bold">{String(message.title ?? "")}</p>
            <p className="truncate text-[11px] text-[#777]">{String(message.address ?? "")}</p>
          </div>
        </div>
      );
    case "template":
      return <TemplateCard template={(message.template ?? {}) as Record<string, unknown>} />;
    case "flex":
      return <FlexView contents={message.contents} />;
    default:
      return null;
  }
}

// LINE draws a mention of everyone as "@All" in every language.
const MENTION_ALL = "All";

function Bubble({ children }: { children: React.ReactNode }) {
  const empty = Array.isArray(children) && children.length === 0;
  return (
    <div className="max-w-[15rem] rounded-2xl rounded-tl-md bg-white px-3 py-2 text-[13px] leading-snug break-words whitespace-pre-wrap text-[#111]">
      {empty ? <span className="text-[#aaa]">…</span> : children}
    </div>
  );
}

function EmojiMarker({ id, label }: { id: string; label: string }) {
  return (
    <span
      className="mx-px inline-flex h-4 min-w-4 items-center justify-center rounded-full bg-[#ffd84d] px-0.5 align-[-2px] font-mono text-[8px] font-bold text-[#6b5200]"
      title={`${label} ${id}`}
    >
      {id}
    </span>
  );
}

function formatDuration(ms: number) {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
