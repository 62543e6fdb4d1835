import { randomBytes } from "node:crypto";
import { insertChannel, listChannels, ensureDefaultChannel } from "@/db/queries/channels";
import type { Db } from "@/db/client";
import { resetEnvCache } from "@/lib/env.js";
import { sealSecret } from "@/lib/platform/secret-box";

/**
 * The first channel and `count - 1` more (keys bench-2, bench-3, …), as an admin would have added them:
 * a secret and a long-lived token of their own, sealed with the key the console is started with
 * (`authEnv`, from prepareAuth). Channels already there are kept, so a generated database is reused.
 * Answers the channels' ids, the first channel's first.
 */
export async function ensureBenchChannels(db: Db, params: { count: number; authEnv: Record<string, string> }): Promise<number[]> {
  const first = await ensureDefaultChannel(db, { lineChannelId: null });
  // sealSecret reads the key from this process's environment: the same one the console gets.
  process.env.BETTER_AUTH_SECRET = params.authEnv.BETTER_AUTH_SECRET;
  resetEnvCache();
  const existing = new Map((await listChannels(db)).map((c) => [c.slug, c.id]));
  const ids = [first];
  for (let i = 2; i <= params.count; i++) {
    const slug = `bench-${i}`;
    ids.push(
      existing.get(slug) ??
        (await insertChannel(db, {
          slug,
          name: `Bench channel ${i}`,
          lineChannelId: String(2_000_000_000 + i),
          botUserId: `U${randomBytes(16).toString("hex")}`,
          basicId: null,
          pictureUrl: null,
          tokenSource: "given",
          secretSealed: sealSecret(randomBytes(16).toString("hex")),
          accessTokenSealed: sealSecret(randomBytes(32).toString("base64url")),
          tokenExpiresAt: null,
        })),
    );
  }
  return ids;
}
