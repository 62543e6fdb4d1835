import type { ClientsFor } from "./clients";

// LINE's insight endpoints allow 60 calls an hour and their figures change daily, so each instance
// keeps an answer for 15 minutes, per channel. Dates are LINE's (UTC+9).

/** A channel and how to call LINE as its bot. */
export interface ChannelLine {
  channelId: number;
  clients: ClientsFor;
}

/** LINE's friend demographics (percentages per gender, age, area, OS and friendship length). */
export interface Demographics {
  available: boolean;
  genders?: Array<{ gender: string; percentage: number }>;
  ages?: Array<{ age: string; percentage: number }>;
  areas?: Array<{ area: string; percentage: number }>;
  appTypes?: Array<{ appType: string; percentage: number }>;
  subscriptionPeriods?: Array<{ subscriptionPeriod: string; percentage: number }>;
}

const TTL_MS = 15 * 60_000;
const cache = new Map<string, { at: number; value: unknown }>();

async function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as T;
  const value = await load();
  cache.set(key, { at: Date.now(), value });
  return value;
}

/** Followers and target reach: the latest day LINE has ready (yesterday, or the day before). */
export async function followerStats(line: ChannelLine): Promise<{ date: string; followers: number; targetedReaches: number; blocks: number } | null> {
  return cached(`${line.channelId}:followers`, async () => {
    for (const daysAgo of [1, 2, 3]) {
      const date = jstDate(daysAgo);
      const res = await (await line.clients(line.channelId)).insight.getNumberOfFollowers(date);
      if (res.status === "ready" && res.targetedReaches != null) {
        return { date, followers: res.followers ?? 0, targetedReaches: res.targetedReaches, blocks: res.blocks ?? 0 };
      }
    }
    return null;
  });
}

export async function friendDemographics(line: ChannelLine): Promise<Demographics> {
  return cached(
    `${line.channelId}:demographics`,
    async () => (await (await line.clients(line.channelId)).insight.getFriendsDemographics()) as unknown as Demographics,
  );
}

export async function messageQuota(line: ChannelLine): Promise<{ limit: number | null; used: number; remaining: number | null }> {
  // Not cached: it changes with every send, and the endpoints allow 2,000 calls a second.
  const { api } = await line.clients(line.channelId);
  const [quota, consumption] = await Promise.all([api.getMessageQuota(), api.getMessageQuotaConsumption()]);
  const limit = quota.type === "limited" ? (quota.value ?? 0) : null;
  return { limit, used: consumption.totalUsage, remaining: limit === null ? null : Math.max(0, limit - consumption.totalUsage) };
}

function jstDate(daysAgo: number): string {
  const d = new Date(Date.now() + 9 * 3_600_000 - daysAgo * 86_400_000);
  return d.toISOString().slice(0, 10).replaceAll("-", "");
}
