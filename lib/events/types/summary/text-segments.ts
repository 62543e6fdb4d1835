import type { TextSegment } from "./summary-types";

interface Marker {
  index: number;
  length: number;
  segment: (text: string) => TextSegment;
}

/**
 * Split a text message at its LINE emoji and mentions. LINE gives their positions as `index` and
 * `length` in UTF-16 code units, which is how JavaScript strings count too. Markers that overlap an
 * earlier one or fall outside the text are ignored rather than trusted.
 */
export function textSegments(text: string, emojis: unknown, mention: unknown): TextSegment[] {
  const markers: Marker[] = [];
  for (const e of list(emojis)) {
    const productId = typeof e.productId === "string" ? e.productId : "";
    const emojiId = typeof e.emojiId === "string" ? e.emojiId : "";
    pushMarker(markers, e, (t) => ({ kind: "emoji", text: t, productId, emojiId }));
  }
  const mentionees = mention && typeof mention === "object" ? (mention as { mentionees?: unknown }).mentionees : undefined;
  for (const m of list(mentionees)) {
    const target = m.type === "all" ? "all" : "user";
    const userId = typeof m.userId === "string" ? m.userId : undefined;
    pushMarker(markers, m, (t) => ({ kind: "mention", text: t, target, userId, isSelf: m.isSelf === true }));
  }
  markers.sort((a, b) => a.index - b.index);

  const segments: TextSegment[] = [];
  let at = 0;
  for (const marker of markers) {
    if (marker.index < at || marker.index + marker.length > text.length) continue;
    if (marker.index > at) segments.push({ kind: "text", text: text.slice(at, marker.index) });
    segments.push(marker.segment(text.slice(marker.index, marker.index + marker.length)));
    at = marker.index + marker.length;
  }
  if (at < text.length) segments.push({ kind: "text", text: text.slice(at) });
  return segments;
}

function pushMarker(markers: Marker[], raw: Record<string, unknown>, segment: Marker["segment"]) {
  const { index, length } = raw;
  if (Number.isInteger(index) && Number.isInteger(length) && (index as number) >= 0 && (length as number) > 0) {
    markers.push({ index: index as number, length: length as number, segment });
  }
}

function list(v: unknown): Array<Record<string, unknown>> {
  return Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => Boolean(x) && typeof x === "object") : [];
}
