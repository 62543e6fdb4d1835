// Identifier formats as LINE issues them: user `U` + 32 hex, group `C` + 32 hex, room `R` + 32 hex,
// 18-digit numeric message ids, ULID webhook event ids, 32-hex reply tokens, UUID request ids.
import { randomBytes, randomUUID } from "node:crypto";
import type { Rng } from "./prng";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ID_PATTERNS = {
  user: /^U[0-9a-f]{32}$/,
  group: /^C[0-9a-f]{32}$/,
  room: /^R[0-9a-f]{32}$/,
  messageId: /^\d{18}$/,
  ulid: /^[0-9A-HJKMNP-TV-Z]{26}$/,
  replyToken: /^[0-9a-f]{32}$/,
} as const;

export function userId(rng: Rng): string {
  return `U${rng.hex(32)}`;
}

export function groupId(rng: Rng): string {
  return `C${rng.hex(32)}`;
}

export function roomId(rng: Rng): string {
  return `R${rng.hex(32)}`;
}

export function requestId(): string {
  return randomUUID();
}

export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

export function replyToken(): string {
  return randomBytes(16).toString("hex");
}

/** Quote and mark-as-read tokens are opaque ~43-character url-safe strings. */
export function opaqueToken(): string {
  return randomBytes(32).toString("base64url").slice(0, 43);
}

/** ULID: 48-bit millisecond time + 80 random bits, Crockford base32, monotonic within a millisecond. */
export function createUlidFactory(): (timeMs: number) => string {
  let lastTime = -1;
  let lastRandom: number[] = [];
  return (timeMs) => {
    let random: number[];
    if (timeMs === lastTime) {
      random = increment(lastRandom);
    } else {
      random = Array.from(randomBytes(16))
        .slice(0, 16)
        .map((b) => b & 31);
    }
    lastTime = timeMs;
    lastRandom = random;
    return encodeTime(timeMs) + random.map((v) => CROCKFORD[v]).join("");
  };
}

/**
 * Message ids grow over time like LINE's (recent ones are 18 digits). Starts at a seed-derived point
 * so two worlds do not share ids, and steps by a random amount so ids are not guessable neighbours.
 */
export function createMessageIdFactory(rng: Rng): () => string {
  let current = 500_000_000_000_000_000n + BigInt(rng.int(0, 99_999_999)) * 1_000_000_000n + BigInt(rng.int(0, 999_999_999));
  return () => {
    current += BigInt(1 + Math.floor(Math.random() * 99_991));
    return current.toString();
  };
}

function encodeTime(timeMs: number): string {
  let t = Math.max(0, Math.floor(timeMs));
  let out = "";
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[t % 32] + out;
    t = Math.floor(t / 32);
  }
  return out;
}

function increment(digits: number[]): number[] {
  const out = digits.slice();
  for (let i = out.length - 1; i >= 0; i--) {
    const v = (out[i] ?? 0) + 1;
    if (v < 32) {
      out[i] = v;
      return out;
    }
    out[i] = 0;
  }
  return out;
}
