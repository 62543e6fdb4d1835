// The `message` object of a webhook message event for what a fake user sends (line-api.md §2.6), and
// the record that lets the fake serve its content later.
import { opaqueToken } from "../core/ids";
import { fileContent } from "../media/content-bytes";
import { CHAT_PHRASES, FILE_NAMES, LOCATIONS } from "../world/phrases";
import type { Platform } from "../platform";
import type { User } from "../world/types";

export type Mention = { index: number; length: number; type: "user" | "all"; userId?: string; isSelf?: boolean };

export type SendSpec =
  | {
      type: "text";
      text?: string;
      emojis?: { index: number; length: number; productId: string; emojiId: string }[];
      mentionBot?: boolean;
      mentionAll?: boolean;
      mentionUserIds?: string[];
      quotedMessageId?: string;
    }
  | { type: "sticker"; packageId?: string; stickerId?: string; stickerResourceType?: string; keywords?: string[]; text?: string }
  | { type: "image"; count?: number; external?: boolean }
  | { type: "video"; durationMs?: number; external?: boolean }
  | { type: "audio"; durationMs?: number }
  | { type: "file"; fileName?: string }
  | { type: "location"; title?: string; address?: string; latitude?: number; longitude?: number };

const STICKERS = [
  { packageId: "446", stickerId: "1988", stickerResourceType: "STATIC", keywords: ["ok", "thumbs up"] },
  { packageId: "11537", stickerId: "52002734", stickerResourceType: "ANIMATION", keywords: ["hello", "wave", "hi"] },
  { packageId: "11538", stickerId: "51626494", stickerResourceType: "ANIMATION", keywords: ["thanks", "bow"] },
  { packageId: "789", stickerId: "10855", stickerResourceType: "STATIC", keywords: ["love", "heart"] },
  { packageId: "6136", stickerId: "10551378", stickerResourceType: "ANIMATION_SOUND", keywords: ["laugh"] },
];

export const LINE_EMOJI = { productId: "5ac1bfd5040ab15980c9b435", emojiId: "001", alt: "(love)" };

/** Builds message objects for one send; several for an image set. `inUserChat` adds markAsReadToken. */
export function buildMessages(p: Platform, user: User, spec: SendSpec, chatId: string, inUserChat: boolean): Record<string, unknown>[] {
  const now = p.clock.now();
  // The token is remembered, so POST /v2/bot/chat/markAsRead can tell it from one never issued.
  const read = (messageId: string) => {
    if (!inUserChat) return {};
    const markAsReadToken = opaqueToken();
    p.chatScreens.addReadToken(markAsReadToken, { userId: user.id, messageId, sentAt: now });
    return { markAsReadToken };
  };
  const remember = (
    id: string,
    kind: "text" | "image" | "video" | "audio" | "file" | "location" | "sticker",
    extra: { external?: boolean; durationMs?: number; fileName?: string } = {},
  ) =>
    p.userMessages.add({
      id,
      kind,
      userId: user.id,
      chatId,
      sentAt: now,
      external: extra.external ?? false,
      durationMs: extra.durationMs,
      fileName: extra.fileName,
      unsent: false,
    });

  switch (spec.type) {
    case "text": {
      const built = textWithMentions(p, user, spec, inUserChat);
      const id = p.nextMessageId();
      remember(id, "text");
      return [
        {
          type: "text",
          id,
          quoteToken: opaqueToken(),
          text: built.text,
          ...(built.emojis.length ? { emojis: built.emojis } : {}),
          ...(built.mentionees.length ? { mention: { mentionees: built.mentionees } } : {}),
          ...(spec.quotedMessageId ? { quotedMessageId: spec.quotedMessageId } : {}),
          ...read(id),
        },
      ];
    }
    case "sticker": {
      const base = p.runtimeRng.pick(STICKERS);
      const id = p.nextMessageId();
      remember(id, "sticker");
      return [
        {
          type: "sticker",
          id,
          quoteToken: opaqueToken(),
          packageId: spec.packageId ?? base.packageId,
          stickerId: spec.stickerId ?? base.stickerId,
          stickerResourceType: spec.stickerResourceType ?? base.stickerResourceType,
          keywords: spec.keywords ?? base.keywords,
          ...(spec.text ? { text: spec.text } : {}),
          ...read(id),
        },
      ];
    }
    case "image": {
      const total = Math.max(1, Math.min(20, spec.count ?? 1));
      const setId = total > 1 ? p.runtimeRng.hex(64).toUpperCase() : null;
      return Array.from({ length: total }, (_, i) => {
        const id = p.nextMessageId();
        remember(id, "image", { external: spec.external });
        return {
          type: "image",
          id,
          quoteToken: opaqueToken(),
          contentProvider: contentProvider(id, spec.external),
          ...(setId ? { imageSet: { id: setId, index: i + 1, total } } : {}),
          ...read(id),
        };
      });
    }
    case "video": {
      const id = p.nextMessageId();
      const durationMs = spec.durationMs ?? 12_000;
      remember(id, "video", { external: spec.external, durationMs });
      return [{ type: "video", id, quoteToken: opaqueToken(), duration: durationMs, contentProvider: contentProvider(id, spec.external), ...read(id) }];
    }
    case "audio": {
      const id = p.nextMessageId();
      const durationMs = spec.durationMs ?? 6_500;
      remember(id, "audio", { durationMs });
      return [{ type: "audio", id, duration: durationMs, contentProvider: { type: "line" }, ...read(id) }];
    }
    case "file": {
      const id = p.nextMessageId();
      const fileName = spec.fileName ?? p.runtimeRng.pick(FILE_NAMES);
      remember(id, "file", { fileName });
      return [{ type: "file", id, fileName, fileSize: fileContent(fileName, id).bytes.length, ...read(id) }];
    }
    case "location": {
      const base = p.runtimeRng.pick(LOCATIONS);
      const id = p.nextMessageId();
      remember(id, "location");
      return [
        {
          type: "location",
          id,
          title: spec.title ?? base.title,
          address: spec.address ?? base.address,
          latitude: spec.latitude ?? base.latitude,
          longitude: spec.longitude ?? base.longitude,
          ...read(id),
        },
      ];
    }
  }
}

function contentProvider(id: string, external: boolean | undefined): Record<string, unknown> {
  if (!external) return { type: "line" };
  return { type: "external", originalContentUrl: `https://example.com/images/${id}.jpg`, previewImageUrl: `https://example.com/images/${id}-preview.jpg` };
}

function textWithMentions(p: Platform, user: User, spec: Extract<SendSpec, { type: "text" }>, inUserChat: boolean) {
  let text = "";
  const mentionees: Mention[] = [];
  const add = (label: string, mention: Omit<Mention, "index" | "length">) => {
    mentionees.push({ index: text.length, length: label.length, ...mention });
    text += `${label} `;
  };
  if (!inUserChat) {
    if (spec.mentionAll) add("@All", { type: "all" });
    if (spec.mentionBot) add(`@${p.world.bot.displayName}`, { type: "user", userId: p.world.bot.userId, isSelf: true });
    for (const id of spec.mentionUserIds ?? []) {
      const other = p.world.user(id);
      if (other) add(`@${other.displayName}`, { type: "user", userId: other.id });
    }
  }
  const offset = text.length;
  text += spec.text ?? p.runtimeRng.pick(CHAT_PHRASES[user.nativeLanguage]);
  const emojis = (spec.emojis ?? []).map((e) => ({ ...e, index: e.index + offset }));
  return { text, emojis, mentionees };
}
