// POST /v2/bot/message/narrowcast (202, asynchronous) and GET /v2/bot/message/progress/narrowcast.
// Request-time errors: validation (400), unusable audience/request id (400), attributes with a target
// reach under 100 (403), quota already used up (429). Everything else is decided now but reported by
// the job: fewer than 50 recipients (errorCode 2), a small audience (4), partial delivery forbidden (5),
// quota too small without upToRemainingQuota (1).
import { isUuid } from "../core/ids";
import { audienceStatus } from "../domain/audiences";
import { prepareMessages } from "../domain/delivery";
import { FAILURE_DESCRIPTIONS, progressBody, type NarrowcastFailure } from "../domain/narrowcast-jobs";
import { compileRecipient, isTargetable, matchesFilter, RecipientError, type RecipientSets } from "../domain/recipients";
import { MESSAGES, invalidProperty, invalidQueryParam, json, lineError } from "../http/reply";
import { jsonObject, type Route } from "../http/route";
import type { Platform } from "../platform";
import { Checker } from "../validation/checker";
import { checkMessages } from "../validation/message";
import { checkFilter, checkLimit, checkRecipient, type LimitSpec, type RecipientExpr } from "../validation/narrowcast";
import { checkNotificationDisabled } from "../validation/send-body";

const MIN_TARGET_REACH = 100;
const MIN_RECIPIENTS = 50;

export const narrowcastRoute: Route = {
  method: "POST",
  path: "/v2/bot/message/narrowcast",
  rateClass: "narrowcast",
  retryKey: true,
  jsonBody: true,
  handle(ctx) {
    const p = ctx.platform;
    const body = jsonObject(ctx);
    const c = new Checker();
    const messages = checkMessages(c, body);
    const recipient = checkRecipient(c, body);
    const filter = checkFilter(c, body);
    const limit = checkLimit(c, body);
    const notificationDisabled = checkNotificationDisabled(c, body);
    const invalid = c.result();
    if (invalid || !messages) return invalid ?? invalidProperty("messages");

    const now = p.clock.now();
    if (filter && targetReach(p) < MIN_TARGET_REACH) return lineError(403, MESSAGES.notEnoughFriends);
    const remaining = p.quota.remaining();
    if (remaining <= 0) return lineError(429, MESSAGES.monthlyLimit);

    let inRecipient: (id: string) => boolean = () => true;
    if (recipient) {
      try {
        inRecipient = compileRecipient(recipient, recipientSets(p, now));
      } catch (err) {
        if (err instanceof RecipientError) return lineError(400, err.message);
        throw err;
      }
    }
    const targets = p.world
      .followers()
      .filter((u) => inRecipient(u.id) && (!filter || matchesFilter(filter, u, now)))
      .map((u) => u.id);
    const audiences = recipient ? audiencesIn(recipient).map((id) => p.audiences.get(id, now)) : [];
    const smallAudience = audiences.some((a) => a && a.type !== "UPLOAD" && a.members.size < MIN_RECIPIENTS);
    // The 50-recipient rule applies when attributes, redeliveries or retargeting audiences are used;
    // uploaded-id audiences of the account itself are exempt.
    const ruleApplies = Boolean(filter) || (recipient ? hasRedelivery(recipient) : false) || audiences.some((a) => a && a.type !== "UPLOAD");
    const { recipients, failure } = applyLimit(p, targets, limit, remaining);

    let decided: NarrowcastFailure | null = failure;
    if (p.nextNarrowcastFailure !== null) {
      decided = failureOf(p.nextNarrowcastFailure);
      p.nextNarrowcastFailure = null;
    } else if (smallAudience) decided = failureOf(4);
    else if (ruleApplies && targets.length < MIN_RECIPIENTS) decided = failureOf(2);

    const reserved = decided ? 0 : recipients.length;
    p.quota.reserve(reserved);
    const phase = p.config.narrowcastPhaseMs;
    p.narrowcasts.accept({
      requestId: ctx.requestId,
      acceptedAt: now,
      waitingEnd: now + phase,
      sendingEnd: now + 2 * phase,
      messages: prepareMessages(p, "narrowcast", messages),
      notificationDisabled,
      recipients: decided ? [] : recipients,
      reserved,
      failure: decided,
      delivered: 0,
      successCount: 0,
      failureCount: 0,
      completedAt: null,
      record: null,
    });
    return json(202, {});
  },
};

export const narrowcastProgressRoute: Route = {
  method: "GET",
  path: "/v2/bot/message/progress/narrowcast",
  rateClass: "default",
  handle(ctx) {
    const requestId = ctx.query.get("requestId");
    if (!requestId || !isUuid(requestId)) return invalidQueryParam("requestId");
    const job = ctx.platform.narrowcasts.get(requestId);
    if (!job) return lineError(404, MESSAGES.notFound);
    return json(200, progressBody(job, ctx.platform.clock.now()));
  },
};

/** Friends LINE can target by attributes (the insight's `targetedReaches`). */
export function targetReach(p: Platform): number {
  let n = 0;
  for (const u of p.world.followers()) if (isTargetable(u)) n++;
  return n;
}

function applyLimit(p: Platform, targets: string[], limit: LimitSpec, remaining: number): { recipients: string[]; failure: NarrowcastFailure | null } {
  const wanted = Math.min(targets.length, limit.max ?? Number.POSITIVE_INFINITY);
  if (limit.upToRemainingQuota) {
    if (limit.forbidPartialDelivery && remaining < wanted) return { recipients: [], failure: failureOf(5) };
    return { recipients: sample(p, targets, Math.min(wanted, remaining)), failure: null };
  }
  // Without upToRemainingQuota the whole target is needed; LINE fails such a job when sending.
  if (wanted > remaining)
    return { recipients: [], failure: { errorCode: 1, description: "The number of messages exceeds the remaining monthly quota", withCounts: true } };
  return { recipients: sample(p, targets, wanted), failure: null };
}

/** Recipients beyond the limit are dropped at random (seeded), keeping the friend order. */
function sample(p: Platform, targets: string[], n: number): string[] {
  if (n >= targets.length) return targets;
  const keep = new Set(p.runtimeRng.shuffle(targets.map((_, i) => i)).slice(0, n));
  return targets.filter((_, i) => keep.has(i));
}

function failureOf(errorCode: NarrowcastFailure["errorCode"]): NarrowcastFailure {
  return { errorCode, description: FAILURE_DESCRIPTIONS[errorCode], withCounts: errorCode !== 5 };
}

function recipientSets(p: Platform, now: number): RecipientSets {
  return {
    audience(id) {
      const audience = p.audiences.get(id, now);
      if (!audience || audienceStatus(audience, now) !== "READY") return { error: `Invalid audience group id: ${id}` };
      return audience.members;
    },
    redelivery(requestId) {
      const job = p.narrowcasts.get(requestId);
      if (!job || job.failure || job.completedAt === null || !job.record) return { error: `Invalid request id: ${requestId}` };
      return new Set(job.record.deliveredTo);
    },
  };
}

function audiencesIn(expr: RecipientExpr): number[] {
  if (expr.type === "audience") return [expr.audienceGroupId];
  if (expr.type === "redelivery") return [];
  return [...(expr.and ?? []), ...(expr.or ?? []), ...(expr.not ? [expr.not] : [])].flatMap(audiencesIn);
}

function hasRedelivery(expr: RecipientExpr): boolean {
  if (expr.type === "redelivery") return true;
  if (expr.type === "audience") return false;
  return [...(expr.and ?? []), ...(expr.or ?? []), ...(expr.not ? [expr.not] : [])].some(hasRedelivery);
}
