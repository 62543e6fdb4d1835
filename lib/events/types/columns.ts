// What each type of webhook event means, one concern per file beside this one — a new LINE event type
// is taught to the console here, in each of them:
//   columns.ts       the columns it is stored with (source, message, reply token, dedupe key)
//   search-text.ts   the text an operator can search it by
//   contacts.ts      what it changes for friends, chats, chat members and media
//   summary/         how the timeline, the detail and the conversation describe it
// Types the console does not know yet are stored and shown all the same (their raw JSON).
import { createHash } from "node:crypto";
import type { EventRow } from "@/db/queries/webhook";
import { normalizeSearchText, textGrams } from "@/db/search-text";
import type { RawEvent } from "@/lib/webhook/callback-schema";
import { eventSearchText } from "./search-text";

/** The columns of one event, read defensively: LINE adds types and fields without notice. */
export function toEventRow(event: RawEvent, receivedAt: Date): EventRow {
  const source = obj(event.source);
  const message = obj(event.message);
  const text = eventSearchText(event)?.toWellFormed() ?? null;
  const searchText = text ? normalizeSearchText(text) : null;
  const webhookEventId = str(event.webhookEventId);
  return {
    dedupeKey: webhookEventId ?? contentKey(event),
    webhookEventId,
    type: str(event.type) ?? "unknown",
    messageType: str(message.type),
    messageId: str(message.id),
    sourceType: str(source.type),
    userId: str(source.userId),
    groupId: str(source.groupId),
    roomId: str(source.roomId),
    timestamp: eventTime(event.timestamp) ?? receivedAt,
    isRedelivery: obj(event.deliveryContext).isRedelivery === true,
    mode: str(event.mode),
    replyToken: str(event.replyToken),
    text,
    searchText,
    searchGrams: searchText ? textGrams(searchText) : null,
    payload: event,
  };
}

// An event without webhookEventId (older payloads, hand-made tests) is identified by its content,
// minus what changes between deliveries of the same event (reply token, delivery context).
function contentKey(event: RawEvent): string {
  const { replyToken: _r, deliveryContext: _d, ...stable } = event;
  return `sha256:${createHash("sha256").update(canonicalJson(stable)).digest("base64url")}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function eventTime(v: unknown): Date | null {
  if (typeof v !== "number" || !Number.isFinite(v)) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) || d.getUTCFullYear() < 2000 || d.getUTCFullYear() > 9999 ? null : d;
}

// Column values must be valid text: no U+0000, no lone surrogates (the raw payload keeps both).
function str(v: unknown): string | null {
  return typeof v === "string" && v !== "" ? v.replaceAll("\u0000", "").toWellFormed() : null;
}

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
