import { createHash, randomBytes } from "node:crypto";
import { shareSizes } from "./ab-test-shares";

// An A/B test's split of its audience, from a seed kept with the test. The variants' shares come from a
// seeded shuffle (friends ordered by a keyed hash of their id: the same seed and audience give the same
// shares, whatever order the ids were read in). The holdout is each friend's own draw (a keyed hash of
// their id below the holdout's share), so a friend held out when the test was made is still held out
// when the winner goes to the rest — and a friend who came since is drawn the same way.

export function newSeed(): string {
  return randomBytes(16).toString("hex");
}

/** A number in [0, 1) from the seed, a purpose and a user id. */
function draw(seed: string, purpose: string, userId: string): number {
  return createHash("sha256").update(`${seed}:${purpose}:${userId}`).digest().readUInt32BE(0) / 2 ** 32;
}

/** Whether a friend is in the test's holdout: gets no variant and not the winner. */
export function isHeldOut(seed: string, userId: string, holdoutPercent: number): boolean {
  return holdoutPercent > 0 && draw(seed, "holdout", userId) < holdoutPercent / 100;
}

export interface AudienceSplit {
  variants: string[][];
  holdout: string[];
  rest: string[];
}

/** The audience divided into disjoint shares: one per variant, the holdout, and the rest. */
export function splitAudience(params: { seed: string; userIds: string[]; variants: number; sharePercent: number; holdoutPercent: number }): AudienceSplit {
  const ids = [...new Set(params.userIds)];
  const holdout: string[] = [];
  const eligible: Array<{ id: string; key: number }> = [];
  for (const id of ids) {
    if (isHeldOut(params.seed, id, params.holdoutPercent)) holdout.push(id);
    else eligible.push({ id, key: draw(params.seed, "order", id) });
  }
  eligible.sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : 1));
  const { perVariant } = shareSizes({
    audienceSize: ids.length,
    variants: params.variants,
    sharePercent: params.sharePercent,
    holdoutPercent: 0,
    holdout: holdout.length,
  });
  const ordered = eligible.map((e) => e.id);
  return {
    variants: Array.from({ length: params.variants }, (_, i) => ordered.slice(i * perVariant, (i + 1) * perVariant)),
    holdout,
    rest: ordered.slice(params.variants * perVariant),
  };
}
