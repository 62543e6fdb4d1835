import { createHmac } from "node:crypto";

// What an authenticator app does with the secret it scanned (RFC 6238 over RFC 4226, as Google
// Authenticator and the others do it: HMAC-SHA-1, 6 digits, 30-second steps), written here from the
// RFCs so the tests check the console against the standard rather than against itself.

/** The secret of an otpauth:// URI (Base32), as the bytes the codes are made from. */
export function secretOf(totpUri: string): Buffer {
  const secret = new URL(totpUri).searchParams.get("secret");
  if (!secret) throw new Error(`no secret in ${totpUri}`);
  return base32Decode(secret);
}

/** The code an app shows at `at` (default now); `step` moves by whole 30-second periods. */
export function totpCode(secret: Buffer, at = Date.now(), step = 0): string {
  const counter = Math.floor(at / 30_000) + step;
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, "0");
}

/** A 6-digit code that is none of the ones accepted around now (the current step and one either side). */
export function wrongCode(secret: Buffer): string {
  const accepted = new Set([-1, 0, 1].map((s) => totpCode(secret, Date.now(), s)));
  for (let n = 0; ; n++) {
    const code = String((n * 104_729) % 1_000_000).padStart(6, "0");
    if (!accepted.has(code)) return code;
  }
}

export function base32Decode(text: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text.replace(/=+$/, "").toUpperCase()) {
    const index = alphabet.indexOf(ch);
    if (index < 0) throw new Error(`not Base32: ${ch}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}
