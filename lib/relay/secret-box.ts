import crypto from "node:crypto";
import { env } from "@/lib/env.js";

// A destination's own signing secret is kept encrypted (AES-256-GCM, a key derived from
// BETTER_AUTH_SECRET): a copy of the database alone does not let anyone sign as the console. It is never
// sent back to the browser or written to a log; the API says only whether one is set.

const VERSION = "v1";

export function sealSecret(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

export function openSecret(sealed: string): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || data === undefined) throw new Error("relay secret: unknown format");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

let cached: { from: string; key: Buffer } | undefined;
function key(): Buffer {
  const e = env();
  // Without BETTER_AUTH_SECRET (tests, a bare development server; production refuses to start without
  // it) a fixed development key: such a database holds no real bot's secret.
  const from = e.BETTER_AUTH_SECRET ?? "oa-console development key, not for production";
  if (cached?.from !== from) cached = { from, key: Buffer.from(crypto.hkdfSync("sha256", from, "oa-console", "relay destination secrets", 32)) };
  return cached.key;
}
