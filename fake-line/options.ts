// Options of the fake and their defaults. `FakeLineOptions` is what callers pass; `RuntimeConfig` is
// the part that can change while the server runs (control API: GET/PATCH /__fake/config).
import type { Clock } from "./core/clock";
import type { Language } from "./world/name-pools";

/** Rate-limit classes from line-api.md §3.6; each endpoint+method has its own counter. */
export type RateClass =
  "default" | "multicast" | "broadcast" | "narrowcast" | "insight" | "audience" | "webhookTest" | "webhookEndpoint" | "loading" | "richMenu" | "richMenuBatch";

export type RateLimit = { limit: number; windowMs: number };

export type RuntimeConfig = {
  webhookUrl: string | null;
  /** LINE's "Use webhook" switch; events are not sent while false. */
  webhookActive: boolean;
  /** LINE's "Webhook redelivery" setting (off by default, as on LINE). */
  redelivery: boolean;
  /** First redelivery delay; later ones double. */
  redeliveryIntervalMs: number;
  redeliveryMaxAttempts: number;
  /** LINE gives up on a webhook request after 2 s. */
  webhookTimeoutMs: number;
  /** Events that happen within this window are sent in one webhook request. */
  webhookBatchWindowMs: number;
  webhookMaxBatch: number;
  webhookConcurrency: number;
  /** Duration of each narrowcast phase (waiting, then sending). */
  narrowcastPhaseMs: number;
  /** Time an uploaded audience stays IN_PROGRESS before READY. */
  audienceReadyMs: number;
  /** Time a video/audio a friend sent answers 202 (still preparing) before its bytes are available. */
  contentPreparingMs: number;
  replyTokenTtlMs: number;
  retryKeyTtlMs: number;
  /** Monthly message quota ("none" = unlimited). Reply is free. */
  monthlyQuota: number | "none";
  rateLimiting: boolean;
  rateLimits: Record<RateClass, RateLimit>;
  requestLogLimit: number;
  /** Request bodies longer than this are stored truncated in the request log. */
  requestLogBodyLimit: number;
  webhookLogLimit: number;
  eventStoreLimit: number;
  /** Entries kept per inbox (oldest dropped first). */
  inboxLimit: number;
  /** Send records kept (for /__fake/sends, redelivery recipients and insight). */
  sendLogLimit: number;
  /** Share of recipients who open a message by themselves, at a delay after delivery (0–1). */
  openRate: number;
  /** Share of those openers who tap a link in the message, when it has one (0–1). */
  clickRate: number;
  /** Different custom aggregation unit names a channel may use per month (LINE: 1,000). */
  aggregationUnitLimit: number;
  /** Statistics lag this far behind the interactions (0: counted at once). */
  statisticsDelayMs: number;
  /** Broadcasts, narrowcasts and unit-tagged pushes/multicasts kept for statistics. */
  statisticsLogLimit: number;
  /** A rich menu batch (`POST /v2/bot/richmenu/batch`) reports `ongoing` this long before its outcome. */
  richMenuBatchMs: number;
  /** Rich menu statistics (insight richmenu summary/daily) are available; off, they answer 403 as for most accounts. */
  richMenuInsight: boolean;
};

export type FakeLineOptions = Omit<Partial<RuntimeConfig>, "rateLimits"> & {
  port?: number;
  host?: string;
  /** Base URL the fake advertises (picture URLs); defaults to http://host:port. */
  publicUrl?: string;
  seed?: number;
  friends?: number;
  channelSecret?: string;
  channelAccessToken?: string;
  /** Fake time runs this many times faster than real time (rate windows, expiries, phases). */
  timeScale?: number;
  clock?: Clock;
  rateLimits?: Partial<Record<RateClass, RateLimit>>;
  /** Several channels: how many (one provider), or one spec each; the first is the default channel. */
  channels?: number | ChannelSpec[];
  /** A built-in set of channels ("demo-two": a café in Taipei and a shop in Bangkok); `channels` wins. */
  preset?: Preset;
  /** Where to write one line per request / event (the CLI passes console.log). Silent by default. */
  log?: (line: string) => void;
};

export const PRESETS = ["demo-two"] as const;
export type Preset = (typeof PRESETS)[number];

export type ChannelSpec = {
  /** LINE's channel id (10 digits); the `client_id` of the token API. */
  channelId?: string;
  channelSecret?: string;
  /** The long-lived channel access token. */
  channelAccessToken?: string;
  /** Channels of one provider see a person under one user id; other providers see another. */
  provider?: string;
  botName?: string;
  friends?: number;
  seed?: number;
  /** Weights of the users' languages, e.g. {"th": 80, "en": 20}. */
  languages?: Partial<Record<Language, number>>;
  webhookUrl?: string | null;
  monthlyQuota?: number | "none";
  /** Share of this channel's users who are people the first channel knows too (0–1, default 0.2). */
  sharedPeople?: number;
};

export const DEMO_CHANNEL_SECRET = "9bda289a5713840d4b41aa1945cdf89b";
export const DEMO_CHANNEL_ACCESS_TOKEN =
  "FAKEYdJfVd33eBmku5NdsJ9ycwcOe6RvLa0C5D+Q8nKXJBgb0MTgQBAfiHWVFTNZjDnAXixpNBWf6iC8S7EQnCz4ygA3X4JmS4/MqKvQ/qNswrjGUQ6bCK8Qw5Vl9tUHfGjCaOqVOL3mzGsAMYSBt6n51y4RabfJxSrepWCW6Vs=";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const DEFAULT_RATE_LIMITS: Record<RateClass, RateLimit> = {
  default: { limit: 2000, windowMs: SECOND },
  multicast: { limit: 200, windowMs: SECOND },
  broadcast: { limit: 60, windowMs: HOUR },
  narrowcast: { limit: 60, windowMs: HOUR },
  insight: { limit: 60, windowMs: HOUR },
  audience: { limit: 60, windowMs: MINUTE },
  webhookTest: { limit: 60, windowMs: HOUR },
  webhookEndpoint: { limit: 1000, windowMs: MINUTE },
  loading: { limit: 100, windowMs: SECOND },
  // Create rich menu, delete rich menu and delete rich menu alias (each its own counter).
  richMenu: { limit: 100, windowMs: HOUR },
  richMenuBatch: { limit: 3, windowMs: HOUR },
};

export const DEFAULTS = {
  port: 4010,
  host: "127.0.0.1",
  seed: 42,
  friends: 3000,
} as const;

export function defaultRuntimeConfig(): RuntimeConfig {
  return {
    webhookUrl: null,
    webhookActive: true,
    redelivery: false,
    redeliveryIntervalMs: 5 * SECOND,
    redeliveryMaxAttempts: 5,
    webhookTimeoutMs: 2 * SECOND,
    webhookBatchWindowMs: 20,
    webhookMaxBatch: 100,
    webhookConcurrency: 16,
    narrowcastPhaseMs: 3 * SECOND,
    audienceReadyMs: 2 * SECOND,
    contentPreparingMs: 3 * SECOND,
    replyTokenTtlMs: MINUTE,
    retryKeyTtlMs: 24 * HOUR,
    monthlyQuota: 50_000,
    rateLimiting: true,
    rateLimits: structuredClone(DEFAULT_RATE_LIMITS),
    requestLogLimit: 1000,
    requestLogBodyLimit: 64 * 1024,
    webhookLogLimit: 1000,
    eventStoreLimit: 5000,
    inboxLimit: 500,
    sendLogLimit: 2000,
    openRate: 0.6,
    clickRate: 0.3,
    aggregationUnitLimit: 1000,
    statisticsDelayMs: 0,
    statisticsLogLimit: 20_000,
    richMenuBatchMs: 2 * SECOND,
    richMenuInsight: false,
  };
}

/** Startup options → runtime config (unknown keys are ignored). */
export function runtimeConfigFrom(options: FakeLineOptions): RuntimeConfig {
  const config = defaultRuntimeConfig();
  for (const key of Object.keys(config) as (keyof RuntimeConfig)[]) {
    if (key === "rateLimits") continue;
    const value = options[key];
    if (value !== undefined) (config as Record<string, unknown>)[key] = value;
  }
  for (const [cls, limit] of Object.entries(options.rateLimits ?? {})) {
    if (limit) config.rateLimits[cls as RateClass] = { ...limit };
  }
  return config;
}
