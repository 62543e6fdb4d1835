// The monthly budget of custom aggregation unit names, checked before a push or multicast is sent and
// spent once it is accepted. LINE documents the limit (1,000 names per channel per month) but not the
// error it answers when a send names one more: the 400 and its wording are the fake's (see README).
import { lineError, type HttpReply } from "../http/reply";
import type { Platform } from "../platform";
import type { SendRecord } from "./send-log";

/** The refusal of a send naming a new unit when this month's budget is spent; undefined if it fits. */
export function unitBudgetRefusal(p: Platform, unit: string | undefined): HttpReply | undefined {
  if (unit === undefined || p.aggregationUnits.fits(unit, p.clock.now())) return undefined;
  return lineError(400, `The number of custom aggregation units used this month has reached the limit (${p.config.aggregationUnitLimit})`, [
    { message: "No more unit names can be used this month", property: "customAggregationUnits[0]" },
  ]);
}

/** A push or multicast was accepted: its unit (if any) is used this month and its statistics kept. */
export function recordUnitSend(p: Platform, record: SendRecord, unit: string | undefined): void {
  if (unit === undefined) return;
  p.aggregationUnits.use(unit, record.at);
  p.trackedSends.track(record, unit);
}
