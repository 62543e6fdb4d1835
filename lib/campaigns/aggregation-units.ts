import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import { countUnitsOfMonth } from "@/db/queries/campaigns";
import type { ClientsFor } from "@/lib/line/clients";
import { lineMonth, lineMonthStart } from "@/lib/line/line-dates";
import { log } from "@/lib/platform/log";

// LINE's custom aggregation units: a push or multicast tagged with a unit name is counted under it, and
// LINE reports opens and clicks per unit. A channel may use 1,000 unit names a month (UTC+9; LINE's
// "Get statistics per aggregation unit" guide), so the console spends one per campaign — never one per
// request — and keeps a reserve for the channel's other tools. Past it, a new campaign's sends go out
// unmeasured (the campaign page says so); a send never fails for want of a unit.

/** LINE's monthly budget of unit names per channel. */
export const UNIT_MONTHLY_LIMIT = 1000;
/** Left untouched (5 %): other tools of the channel (LINE's manager, scripts) take units from the same budget. */
export const UNIT_RESERVE = 50;
/** The send waits at most this long for LINE's count of units before going by our own. */
const USAGE_TIMEOUT_MS = 5_000;

/**
 * The unit of a campaign, derived from its id (two sends of one campaign made at once name the same
 * one): `oa_` and 16 hex digits, within LINE's `[a-zA-Z0-9_]{1,30}`. An A/B test's variant gets its own
 * (`oa_…_A`), so LINE counts each variant apart.
 */
export function campaignUnitName(campaignId: string, variant?: string | null): string {
  const base = `oa_${createHash("sha256").update(campaignId).digest("hex").slice(0, 16)}`;
  const suffix = (variant ?? "").replace(/[^a-zA-Z0-9_]/g, "").slice(0, 10);
  return suffix ? `${base}_${suffix}` : base;
}

export interface UnitBudget {
  /** Units of this month: LINE's count, or ours if higher (units taken for sends not out yet). */
  used: number;
  limit: number;
  month: string;
}

/** This month's use of the channel's units, as LINE counts them (GET /v2/bot/message/aggregation/info) and as we do. */
export async function unitBudget(db: Db, params: { channelId: number; clients: ClientsFor; now?: Date }): Promise<UnitBudget> {
  const now = params.now ?? new Date();
  const month = lineMonth(now);
  const [ours, theirs] = await Promise.all([
    countUnitsOfMonth(db, { channelId: params.channelId, month, monthStart: lineMonthStart(now) }),
    lineUnitCount(params.channelId, params.clients),
  ]);
  return { used: Math.max(ours, theirs ?? 0), limit: UNIT_MONTHLY_LIMIT, month };
}

/** Whether one more unit may be taken this month: more than the reserve remains. */
export function unitAvailable(budget: UnitBudget): boolean {
  return budget.limit - budget.used > UNIT_RESERVE;
}

// The budget as the campaign page shows it: asked of LINE at most once a minute per channel and instance.
const shown = new Map<number, { at: number; value: UnitBudget }>();

export async function shownUnitBudget(db: Db, params: { channelId: number; clients: ClientsFor }): Promise<UnitBudget> {
  const hit = shown.get(params.channelId);
  if (hit && Date.now() - hit.at < 60_000 && hit.value.month === lineMonth(new Date())) return hit.value;
  const value = await unitBudget(db, params);
  shown.set(params.channelId, { at: Date.now(), value });
  return value;
}

/**
 * LINE's count of the month's units; null when LINE cannot be asked (no token, unreachable, slow): the
 * send then goes by our own count rather than wait or fail.
 */
async function lineUnitCount(channelId: number, clients: ClientsFor): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const ask = (async () => (await (await clients(channelId)).api.getAggregationUnitUsage()).numOfCustomAggregationUnits)();
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), USAGE_TIMEOUT_MS)));
    const n = await Promise.race([ask, late]);
    return typeof n === "number" ? n : null;
  } catch (err) {
    log().warn({ scope: "campaigns", channelId, err }, "LINE's count of aggregation units could not be read; going by our own");
    return null;
  } finally {
    clearTimeout(timer);
  }
}
