import { code, compact, num, obj, phrase, quote, str, type EventSummary, type Json } from "./summary-types";
import { textSegments } from "./text-segments";

/** A `message` (or `messageEdited`) event's content: one builder per message type. */
export function summarizeMessage(message: Json): EventSummary {
  const build = builders[String(message.type)];
  if (build) return build(message);
  return { icon: "unknown", parts: [phrase("messageUnknown", { type: str(message.type) ?? "?" })] };
}

const builders: Record<string, (m: Json) => EventSummary> = {
  text: (m) => ({
    icon: "text",
    parts: compact([
      { kind: "content", segments: textSegments(typeof m.text === "string" ? m.text : "", m.emojis, m.mention) },
      str(m.quotedMessageId) && phrase("quoting", { id: str(m.quotedMessageId)! }),
    ]),
  }),

  image: (m) => {
    const set = obj(m.imageSet);
    const index = num(set.index);
    const total = num(set.total);
    const external = obj(m.contentProvider).type === "external";
    return {
      icon: "image",
      parts: compact([
        index !== undefined && total !== undefined ? phrase("imageInSet", { index, total }) : str(set.id) ? phrase("imageInUnknownSet") : phrase("image"),
        external && phrase("externalContent"),
      ]),
    };
  },

  video: (m) => ({
    icon: "video",
    parts: compact([
      phrase("video"),
      num(m.duration) !== undefined && { kind: "duration", ms: num(m.duration)! },
      obj(m.contentProvider).type === "external" && phrase("externalContent"),
    ]),
  }),

  audio: (m) => ({
    icon: "audio",
    parts: compact([phrase("audio"), num(m.duration) !== undefined && { kind: "duration", ms: num(m.duration)! }]),
  }),

  file: (m) => ({
    icon: "file",
    parts: compact([phrase("file"), str(m.fileName) && quote(str(m.fileName)!), num(m.fileSize) !== undefined && { kind: "bytes", value: num(m.fileSize)! }]),
  }),

  location: (m) => {
    const lat = num(m.latitude);
    const lng = num(m.longitude);
    const title = str(m.title);
    const address = str(m.address);
    return {
      icon: "location",
      parts: compact([
        phrase("location"),
        title && quote(title),
        address && quote(address),
        !title && !address && lat !== undefined && lng !== undefined && code(`${lat.toFixed(5)}, ${lng.toFixed(5)}`),
      ]),
    };
  },

  sticker: (m) => {
    const keywords = Array.isArray(m.keywords) ? m.keywords.filter((k): k is string => typeof k === "string" && k !== "") : [];
    return {
      icon: "sticker",
      parts: compact([
        phrase("sticker"),
        code(`${str(m.packageId) ?? "?"}/${str(m.stickerId) ?? "?"}`),
        str(m.stickerResourceType) && code(str(m.stickerResourceType)!),
        str(m.text) && quote(str(m.text)!),
        keywords.length > 0 && { kind: "tags", items: keywords },
      ]),
    };
  },
};
