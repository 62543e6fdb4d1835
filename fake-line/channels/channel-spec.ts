// Which channels (bots) the fake runs and under which providers. The first channel is the one the fake
// always had: with no channel options it keeps the demo secret and token, the seed and the friends of the
// top-level options, so a single-channel fake is unchanged. Later channels get ids, secrets and tokens
// derived from the seed, so the same options always give the same credentials.
import { z } from "zod";
import { createRng } from "../core/prng";
import { DEFAULTS, DEMO_CHANNEL_ACCESS_TOKEN, DEMO_CHANNEL_SECRET, PRESETS, type ChannelSpec, type FakeLineOptions } from "../options";
import { DEFAULT_LANGUAGE_MIX, type LanguageMix } from "../world/generate-world";
import type { Language } from "../world/name-pools";

export type ResolvedChannel = {
  index: number;
  channelId: string;
  channelSecret: string;
  channelAccessToken: string;
  provider: string;
  botName: string | undefined;
  friends: number;
  seed: number;
  languages: LanguageMix;
  webhookUrl: string | null | undefined;
  monthlyQuota: number | "none" | undefined;
  sharedPeople: number;
};

/** The first channel's id when none is given (LINE channel ids are 10 digits). */
export const DEMO_CHANNEL_ID = "2006600042";
export const DEFAULT_PROVIDER = "provider-1";

/** Two accounts under two providers: a café in Taipei (mostly zh-TW) and a shop in Bangkok (mostly Thai). */
const DEMO_TWO: ChannelSpec[] = [
  {
    provider: "taipei-cafe-co",
    botName: "森林咖啡 Forest Café 台北",
    languages: { "zh-TW": 80, en: 8, ja: 7, th: 2, id: 3 },
  },
  {
    provider: "bangkok-retail-co",
    botName: "สยามช็อป Siam Shop Bangkok",
    languages: { th: 78, en: 10, "zh-TW": 5, ja: 5, id: 2 },
    sharedPeople: 0.1,
  },
];

/** The channel list the options describe: `channels` (a count or specs), else `preset`, else one channel. */
export function resolveChannels(options: FakeLineOptions): ResolvedChannel[] {
  const specs = channelSpecs(options);
  const baseSeed = options.seed ?? specs[0]?.seed ?? DEFAULTS.seed;
  const baseFriends = options.friends ?? specs[0]?.friends ?? DEFAULTS.friends;
  const resolved = specs.map((spec, index) => resolveOne(spec, index, baseSeed, baseFriends));
  // Top-level options describe the first channel and win over its spec (`--webhook-url` stays its own).
  const first = resolved[0] as ResolvedChannel;
  if (options.channelSecret !== undefined) first.channelSecret = options.channelSecret;
  if (options.channelAccessToken !== undefined) first.channelAccessToken = options.channelAccessToken;
  if (options.webhookUrl !== undefined) first.webhookUrl = options.webhookUrl;
  if (options.monthlyQuota !== undefined) first.monthlyQuota = options.monthlyQuota;
  if (options.seed !== undefined) first.seed = options.seed;
  if (options.friends !== undefined) first.friends = options.friends;
  assertUnique(resolved);
  return resolved;
}

function channelSpecs(options: FakeLineOptions): ChannelSpec[] {
  const { channels, preset } = options;
  if (typeof channels === "number") {
    if (!Number.isInteger(channels) || channels < 1) throw new Error("channels must be a positive integer");
    return Array.from({ length: channels }, () => ({}));
  }
  if (Array.isArray(channels) && channels.length > 0) return channels.map((c, i) => checkSpec(c, i));
  if (preset === "demo-two") return structuredClone(DEMO_TWO);
  if (preset !== undefined) throw new Error(`Unknown preset ${String(preset)} (known: ${PRESETS.join(", ")})`);
  return [{}];
}

const LANGUAGES = ["zh-TW", "ja", "th", "en", "id"] as const;

const specSchema = z
  .object({
    channelId: z.string().regex(/^\d{6,12}$/, "digits"),
    channelSecret: z.string().min(1),
    channelAccessToken: z.string().min(1),
    provider: z.string().min(1),
    botName: z.string().min(1),
    friends: z.number().int().min(0),
    seed: z.number().int(),
    languages: z.partialRecord(z.enum(LANGUAGES), z.number().min(0)),
    webhookUrl: z.string().url().nullable(),
    monthlyQuota: z.union([z.literal("none"), z.number().int().min(0)]),
    sharedPeople: z.number().min(0).max(1),
  })
  .partial()
  .strict();

/** Specs come from JSON files too: a typo must fail loudly, not silently give a default channel. */
function checkSpec(spec: unknown, index: number): ChannelSpec {
  const result = specSchema.safeParse(spec);
  if (!result.success) {
    throw new Error(`channel ${index + 1}: ${result.error.issues.map((i) => `${i.path.join(".") || "spec"}: ${i.message}`).join("; ")}`);
  }
  return result.data;
}

/** Seed of a later channel's world, derived from the first channel's. */
export function channelSeed(baseSeed: number, index: number): number {
  return index === 0 ? baseSeed : (Math.imul(baseSeed ^ 0x5bd1e995, 31) + index * 7919) | 0;
}

function resolveOne(spec: ChannelSpec, index: number, baseSeed: number, baseFriends: number): ResolvedChannel {
  const rng = createRng(baseSeed, `channel:${index}`);
  const derivedId = `20${rng.int(10_000_000, 99_999_999)}`;
  const derivedSecret = rng.hex(32);
  // Same look and length as the demo token: "FAKE" + 168 base64 characters.
  const derivedToken = `FAKE${Buffer.from(rng.hex(252), "hex").toString("base64")}`;
  return {
    index,
    channelId: spec.channelId ?? (index === 0 ? DEMO_CHANNEL_ID : derivedId),
    channelSecret: spec.channelSecret ?? (index === 0 ? DEMO_CHANNEL_SECRET : derivedSecret),
    channelAccessToken: spec.channelAccessToken ?? (index === 0 ? DEMO_CHANNEL_ACCESS_TOKEN : derivedToken),
    provider: spec.provider ?? DEFAULT_PROVIDER,
    // Later channels are told apart by name in the console even when no spec names them.
    botName: spec.botName ?? (index === 0 ? undefined : `OA Console Demo Shop ${index + 1}`),
    friends: spec.friends ?? baseFriends,
    seed: spec.seed ?? channelSeed(baseSeed, index),
    languages: spec.languages ? languageMix(spec.languages) : DEFAULT_LANGUAGE_MIX,
    webhookUrl: spec.webhookUrl,
    monthlyQuota: spec.monthlyQuota,
    sharedPeople: Math.min(1, Math.max(0, spec.sharedPeople ?? 0.2)),
  };
}

function languageMix(weights: Partial<Record<Language, number>>): LanguageMix {
  const mix = Object.entries(weights).filter(([, w]) => typeof w === "number" && w > 0) as [Language, number][];
  if (mix.length === 0) throw new Error("languages needs at least one positive weight");
  return mix;
}

function assertUnique(channels: ResolvedChannel[]): void {
  for (const key of ["channelId", "channelSecret", "channelAccessToken"] as const) {
    const values = channels.map((c) => c[key]);
    if (new Set(values).size !== values.length) throw new Error(`Two channels have the same ${key}`);
  }
}
