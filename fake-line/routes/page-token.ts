// Opaque continuation tokens for the followers and member-id lists (`next` / `start`), valid 24 hours.
import { DAY } from "../core/jst";

export function encodePageToken(offset: number, now: number): string {
  return Buffer.from(JSON.stringify({ o: offset, t: now }), "utf8").toString("base64url");
}

/** The offset a token points at, or undefined when the token is malformed or expired. */
export function decodePageToken(token: string, now: number): number | undefined {
  try {
    const value = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { o?: unknown; t?: unknown };
    if (typeof value.o !== "number" || typeof value.t !== "number" || !Number.isInteger(value.o) || value.o < 0) return undefined;
    if (now - value.t > DAY) return undefined;
    return value.o;
  } catch {
    return undefined;
  }
}
