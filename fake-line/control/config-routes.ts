// Control API: health, configuration, reset, clock, quota usage, request log and fault injection.
import { z } from "zod";
import type { RateClass } from "../options";
import type { Platform } from "../platform";
import { ControlError, intParam, parseBody, sinceParam, type ControlContext, type ControlRoute } from "./control-route";

const RATE_CLASSES = [
  "default",
  "multicast",
  "broadcast",
  "narrowcast",
  "insight",
  "audience",
  "webhookTest",
  "webhookEndpoint",
  "loading",
  "richMenu",
  "richMenuBatch",
] as const satisfies readonly RateClass[];
const ms = z.number().int().min(0);
const count = z.number().int().min(0);

const configPatch = z
  .object({
    webhookUrl: z.string().url().nullable(),
    webhookActive: z.boolean(),
    redelivery: z.boolean(),
    redeliveryIntervalMs: ms,
    redeliveryMaxAttempts: count,
    webhookTimeoutMs: ms,
    webhookBatchWindowMs: ms,
    webhookMaxBatch: z.number().int().min(1),
    webhookConcurrency: z.number().int().min(1),
    narrowcastPhaseMs: ms,
    audienceReadyMs: ms,
    contentPreparingMs: ms,
    replyTokenTtlMs: ms,
    retryKeyTtlMs: ms,
    monthlyQuota: z.union([z.literal("none"), count]),
    rateLimiting: z.boolean(),
    rateLimits: z.partialRecord(z.enum(RATE_CLASSES), z.object({ limit: count, windowMs: z.number().int().min(1) })),
    requestLogLimit: count,
    requestLogBodyLimit: count,
    webhookLogLimit: count,
    eventStoreLimit: count,
    inboxLimit: count,
    sendLogLimit: count,
    openRate: z.number().min(0).max(1),
    clickRate: z.number().min(0).max(1),
    aggregationUnitLimit: count,
    statisticsDelayMs: ms,
    statisticsLogLimit: count,
    richMenuBatchMs: ms,
    richMenuInsight: z.boolean(),
  })
  .partial()
  .strict();

const faultSpec = z
  .object({
    path: z.string().startsWith("/"),
    method: z.enum(["GET", "POST", "PUT", "DELETE", "get", "post", "put", "delete"]).optional(),
    kind: z.enum(["error", "hang", "reset", "slow"]),
    status: z.number().int().min(400).max(599).optional(),
    body: z.unknown().optional(),
    delayMs: ms.optional(),
    probability: z.number().min(0).max(1).optional(),
    count: z.number().int().min(1).optional(),
    phase: z.enum(["before", "after"]).optional(),
  })
  .strict();

export const configRoutes: ControlRoute[] = [
  {
    method: "GET",
    path: "/__fake/health",
    handle: ({ platform: p, channels }) => ({
      ok: true,
      service: "fake-line",
      url: p.publicUrl,
      seed: p.seed,
      friends: p.world.followers().length,
      users: p.world.userCount,
      now: new Date(p.clock.now()).toISOString(),
      channels: channels.platforms.length,
    }),
  },
  { method: "GET", path: "/__fake/config", handle: (ctx) => configView(ctx) },
  { method: "PATCH", path: "/__fake/config", handle: (ctx) => patchConfig(ctx) },
  { method: "PUT", path: "/__fake/config", handle: (ctx) => patchConfig(ctx) },
  {
    method: "POST",
    path: "/__fake/reset",
    handle({ platform, channels, scoped, body }) {
      const input = parseBody(
        z
          .object({
            seed: z.number().int().optional(),
            friends: z.number().int().min(0).max(1_000_000).optional(),
            config: z.enum(["keep", "startup"]).optional(),
          })
          .strict(),
        body,
      );
      // Unscoped, every channel is reset (a new seed is the first channel's; the others derive theirs).
      if (scoped) platform.reset(input);
      else channels.reset(input);
      return { ok: true, seed: platform.seed, friends: platform.world.followers().length, users: platform.world.userCount };
    },
  },
  { method: "GET", path: "/__fake/clock", handle: ({ platform: p }) => clockView(p) },
  {
    method: "POST",
    path: "/__fake/clock/advance",
    handle({ platform, body }) {
      const { ms: amount } = parseBody(z.object({ ms: z.number().int().min(0) }).strict(), body);
      platform.clock.advance(amount);
      return clockView(platform);
    },
  },
  {
    method: "GET",
    path: "/__fake/quota",
    handle: ({ platform: p }) => ({ monthlyQuota: p.config.monthlyQuota, totalUsage: p.quota.totalUsage(), remaining: finite(p.quota.remaining()) }),
  },
  {
    method: "PATCH",
    path: "/__fake/quota",
    handle({ platform: p, body }) {
      const input = parseBody(z.object({ totalUsage: count.optional(), monthlyQuota: z.union([z.literal("none"), count]).optional() }).strict(), body);
      if (input.monthlyQuota !== undefined) p.config.monthlyQuota = input.monthlyQuota;
      if (input.totalUsage !== undefined) p.quota.setUsage(input.totalUsage);
      return { monthlyQuota: p.config.monthlyQuota, totalUsage: p.quota.totalUsage(), remaining: finite(p.quota.remaining()) };
    },
  },
  {
    method: "GET",
    path: "/__fake/requests",
    handle({ platform: p, query }) {
      const requests = p.requestLog.list({
        path: query.get("path") ?? undefined,
        method: query.get("method") ?? undefined,
        since: sinceParam(query),
        status: intParam(query, "status"),
        limit: intParam(query, "limit"),
      });
      return { requests, dropped: p.requestLog.dropped };
    },
  },
  {
    method: "DELETE",
    path: "/__fake/requests",
    handle({ platform }) {
      platform.requestLog.clear();
      return { ok: true };
    },
  },
  { method: "GET", path: "/__fake/faults", handle: ({ platform }) => ({ faults: platform.faults.list() }) },
  {
    method: "POST",
    path: "/__fake/faults",
    handle: ({ platform, body }) => ({ status: 201, body: platform.faults.add(parseBody(faultSpec, body)) }),
  },
  {
    method: "DELETE",
    path: "/__fake/faults",
    handle({ platform }) {
      platform.faults.clear();
      return { ok: true };
    },
  },
  {
    method: "DELETE",
    path: "/__fake/faults/:id",
    handle({ platform, params }) {
      if (!platform.faults.remove(params.id ?? "")) throw new ControlError(404, "No such fault");
      return { ok: true };
    },
  },
];

/** Settings that belong to one channel; an unscoped PATCH applies every other setting to all channels. */
const CHANNEL_OWN = new Set(["webhookUrl", "webhookActive", "monthlyQuota"]);

function patchConfig(ctx: ControlContext) {
  const patch = parseBody(configPatch, ctx.body);
  applyPatch(ctx.platform, patch);
  if (!ctx.scoped) {
    const shared = Object.fromEntries(Object.entries(patch).filter(([key]) => !CHANNEL_OWN.has(key)));
    for (const other of ctx.channels.platforms) if (other !== ctx.platform) applyPatch(other, shared);
  }
  return configView(ctx);
}

function applyPatch(p: Platform, patch: z.infer<typeof configPatch>): void {
  const { rateLimits, ...rest } = patch;
  Object.assign(p.config, rest);
  for (const [cls, limit] of Object.entries(rateLimits ?? {})) if (limit) p.config.rateLimits[cls as RateClass] = limit;
  if (rateLimits) p.rateLimiter.reset();
  p.requestLog.setLimit(p.config.requestLogLimit);
  p.webhook.attempts.setCapacity(p.config.webhookLogLimit);
}

function configView({ platform: p, channels }: ControlContext) {
  return {
    ...p.config,
    url: p.publicUrl,
    seed: p.seed,
    friends: p.friendCount,
    timeScale: p.clock.scale,
    channel: {
      channelSecret: p.channelSecret,
      channelAccessToken: p.channelAccessToken,
      botUserId: p.world.bot.userId,
      basicId: p.world.bot.basicId,
      channelId: p.channelId,
      provider: p.channel.provider,
    },
    channels: channels.platforms.map((c) => channels.info(c)),
  };
}

function clockView(p: Platform) {
  const now = p.clock.now();
  return { now, iso: new Date(now).toISOString(), offsetMs: p.clock.offsetMs(), scale: p.clock.scale };
}

function finite(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}
