import type { EventCursor } from "@/db/queries/events";

// Opaque to clients: base64url of "<epoch ms>.<id>".
export function encodeCursor(c: EventCursor): string {
  return Buffer.from(`${c.timestamp.getTime()}.${c.id}`).toString("base64url");
}

export function decodeCursor(s: string): EventCursor | null {
  const m = /^(\d{1,16})\.(\d{1,19})$/.exec(Buffer.from(s, "base64url").toString("utf8"));
  if (!m) return null;
  const id = Number(m[2]);
  const timestamp = new Date(Number(m[1]));
  return Number.isSafeInteger(id) && !Number.isNaN(timestamp.getTime()) ? { timestamp, id } : null;
}
