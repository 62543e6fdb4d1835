import type { EventCursor } from "@/db/queries/events";
import { storableDate } from "@/lib/utils/storable-date";

// Opaque to clients: base64url of "<epoch ms>.<id>".
export function encodeCursor(c: EventCursor): string {
  return Buffer.from(`${c.timestamp.getTime()}.${c.id}`).toString("base64url");
}

export function decodeCursor(s: string): EventCursor | null {
  const m = /^(\d{1,16})\.(\d{1,19})$/.exec(Buffer.from(s, "base64url").toString("utf8"));
  if (!m) return null;
  const id = Number(m[2]);
  const timestamp = storableDate(Number(m[1]));
  return Number.isSafeInteger(id) && timestamp ? { timestamp, id } : null;
}
