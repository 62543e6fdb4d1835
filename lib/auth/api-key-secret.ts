import { createHash, randomBytes } from "node:crypto";

// "oak_" + 32 random bytes in base62: recognisable in logs and secret scanners, 190 bits of entropy.
// Stored as SHA-256: a key is random, not a password, so a slow hash would only slow every request.
const PREFIX = "oak_";
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  let body = "";
  for (const b of randomBytes(32)) body += ALPHABET[b % 62];
  const key = PREFIX + body;
  return { key, prefix: key.slice(0, 10), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(PREFIX) && /^oak_[0-9A-Za-z]{32}$/.test(value);
}
