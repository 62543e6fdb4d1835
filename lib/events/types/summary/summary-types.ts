// What a timeline row says about an event, as data: the renderer turns it into styled, localised text,
// and tests can check it without a DOM. Phrases are keys of the "eventSummary" message namespace.

export type SummaryIcon =
  | "text"
  | "image"
  | "video"
  | "audio"
  | "file"
  | "location"
  | "sticker"
  | "edit"
  | "unsend"
  | "follow"
  | "unfollow"
  | "join"
  | "leave"
  | "members-in"
  | "members-out"
  | "postback"
  | "beacon"
  | "link"
  | "membership"
  | "video-complete"
  | "module"
  | "power"
  | "pause"
  | "play"
  | "delivery"
  | "unknown";

export type TextSegment =
  | { kind: "text"; text: string }
  | { kind: "emoji"; text: string; productId: string; emojiId: string }
  | { kind: "mention"; text: string; target: "user" | "all"; userId?: string; isSelf: boolean };

export type SummaryPart =
  /** Localised wording: `eventSummary.<key>` with ICU values. */
  | { kind: "phrase"; key: string; values?: Record<string, string | number> }
  /** What a person wrote, with LINE emoji and mentions marked. */
  | { kind: "content"; segments: TextSegment[] }
  /** A person's or the platform's own words, shown verbatim (file names, places, sticker text). */
  | { kind: "quote"; text: string }
  /** Technical values shown as code: ids, postback data, tracking ids. */
  | { kind: "code"; text: string }
  | { kind: "tags"; items: string[] }
  | { kind: "bytes"; value: number }
  | { kind: "duration"; ms: number }
  /** A moment, worded by the phrase `key` with the formatted time as {time}. */
  | { kind: "time"; at: number; key: string };

export interface EventSummary {
  icon: SummaryIcon;
  parts: SummaryPart[];
}

export type Json = Record<string, unknown>;

export const phrase = (key: string, values?: Record<string, string | number>): SummaryPart => ({ kind: "phrase", key, values });
export const code = (text: string): SummaryPart => ({ kind: "code", text });
export const quote = (text: string): SummaryPart => ({ kind: "quote", text });

export function obj(v: unknown): Json {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {};
}

export function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

export function num(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** Drop the parts whose value was missing (builders write `cond && part`). */
export function compact(parts: Array<SummaryPart | false | "" | undefined | null>): SummaryPart[] {
  return parts.filter((p): p is SummaryPart => Boolean(p));
}
