// JSON.parse copes with any depth, but what comes after it does not: JSON.stringify, a recursive walk
// (a webhook event's content key) or PostgreSQL's JSON parser hit their stack limits on a body nested
// tens of thousands of levels deep, and answered 500 or failed the write of every delivery batched with
// it. Nothing LINE or the console sends comes near these limits.

/** LINE's deliveries nest about six levels (body, events, event, message, emojis, emoji). */
export const WEBHOOK_MAX_NESTING = 64;
/** The console's own bodies: flex messages nest boxes in boxes, drafts keep the composer's state. */
export const API_MAX_NESTING = 128;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * Whether JSON text (UTF-8 bytes, not yet parsed, valid or not) opens more than `max` objects and arrays
 * inside each other. One pass over the bytes, skipping strings: no parsing, no recursion. UTF-8 never
 * uses bytes below 0x80 inside a multi-byte character, so quotes and brackets are what they look like.
 */
export function jsonNestingExceeds(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) {
      inString = true;
    } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}
