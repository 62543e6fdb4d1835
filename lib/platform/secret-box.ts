import crypto from "node:crypto";
import { env } from "@/lib/env.js";

// What the console keeps that would let someone speak for a bot — channel secrets and access tokens,
// relay destinations' signing secrets — is sealed with AES-256-GCM: a copy of the database alone is not
// enough. The key comes from SECRETS_KEY (or, when it is unset, is derived from BETTER_AUTH_SECRET, so an
// installation that never set it keeps working). Each sealed value names its key, so during a rotation
// (`npm run admin -- rotate-secrets`, with the old key in SECRETS_KEY_PREVIOUS) both are read. Nothing
// sealed is ever sent to a browser or written to a log.

const VERSION = "v2";

export function sealSecret(plain: string): string {
  const { id, key } = currentKey();
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

export function openSecret(sealed: string): string {
  const parts = sealed.split(".");
  // v1 (relay secrets sealed before keys were named): the key derived from BETTER_AUTH_SECRET.
  const [version, id, iv, tag, data] = parts[0] === "v1" ? ["v1", "v1", ...parts.slice(1)] : parts;
  if ((version !== VERSION && version !== "v1") || !id || !iv || !tag || data === undefined) throw new SecretBoxError("unknown format");
  const key = version === "v1" ? legacyKey() : keyRing().get(id);
  if (!key) throw new SecretBoxError(`sealed with key ${id}, which is neither SECRETS_KEY nor SECRETS_KEY_PREVIOUS`);
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** Whether a sealed value is already sealed with the current key (the rotation skips those). */
export function sealedWithCurrentKey(sealed: string): boolean {
  return sealed.split(".")[1] === currentKey().id && sealed.startsWith(`${VERSION}.`);
}

export class SecretBoxError extends Error {
  constructor(why: string) {
    super(`Cannot open a sealed secret: ${why}`);
    this.name = "SecretBoxError";
  }
}

let cached: { from: string; ring: Map<string, Buffer>; current: { id: string; key: Buffer } } | undefined;

function currentKey() {
  keyRing();
  return cached!.current;
}

function keyRing(): Map<string, Buffer> {
  const e = env();
  const main = e.SECRETS_KEY ?? e.BETTER_AUTH_SECRET ?? DEVELOPMENT_SECRET;
  const from = `${main}\n${e.SECRETS_KEY_PREVIOUS ?? ""}`;
  if (cached?.from !== from) {
    const current = derive(main);
    const ring = new Map([[current.id, current.key]]);
    if (e.SECRETS_KEY_PREVIOUS) {
      const previous = derive(e.SECRETS_KEY_PREVIOUS);
      ring.set(previous.id, previous.key);
    }
    cached = { from, ring, current };
  }
  return cached.ring;
}

// Without SECRETS_KEY or BETTER_AUTH_SECRET (tests, a bare development server; production refuses to
// start without BETTER_AUTH_SECRET) a fixed development key: such a database holds no real bot's secret.
const DEVELOPMENT_SECRET = "oa-console development key, not for production";

function derive(secret: string): { id: string; key: Buffer } {
  const key = Buffer.from(crypto.hkdfSync("sha256", secret, "oa-console", "sealed secrets", 32));
  return { id: crypto.createHash("sha256").update(key).digest("hex").slice(0, 8), key };
}

function legacyKey(): Buffer {
  const from = env().BETTER_AUTH_SECRET ?? DEVELOPMENT_SECRET;
  return Buffer.from(crypto.hkdfSync("sha256", from, "oa-console", "relay destination secrets", 32));
}
