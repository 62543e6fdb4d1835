// POST /v2/bot/message/multicast, /v2/bot/message/broadcast and the five validate endpoints.
import { ID_PATTERNS } from "../core/ids";
import { deliverTo, inboxEntry, prepareMessages } from "../domain/delivery";
import type { SendRecord } from "../domain/send-log";
import { recordUnitSend, unitBudgetRefusal } from "../domain/unit-budget";
import { MESSAGES, invalidProperty, json, lineError } from "../http/reply";
import { jsonObject, type Route } from "../http/route";
import { Checker } from "../validation/checker";
import { checkMessages } from "../validation/message";
import { checkAggregationUnits, checkNotificationDisabled } from "../validation/send-body";
import { quotaCovers } from "./reply-push";

export const multicastRoute: Route = {
  method: "POST",
  path: "/v2/bot/message/multicast",
  rateClass: "multicast",
  retryKey: true,
  jsonBody: true,
  handle(ctx) {
    const p = ctx.platform;
    const body = jsonObject(ctx);
    const c = new Checker();
    const to = c.arr(body, "to", "", { required: true, min: 1, max: 500 });
    const messages = checkMessages(c, body);
    const notificationDisabled = checkNotificationDisabled(c, body);
    const unit = checkAggregationUnits(c, body);
    to?.forEach((id, i) => {
      if (typeof id !== "string") c.typeError(`to[${i}]`);
    });
    const invalid = c.result();
    if (invalid) return invalid;
    if (!to || !messages) return invalidProperty("to");
    // Only user ids: a group or room id (or anything else) is an undeserialisable property.
    const bad = to.findIndex((id) => !ID_PATTERNS.user.test(id as string));
    if (bad >= 0) return invalidProperty(`to[${bad}]`);

    const unique = [...new Set(to as string[])];
    const reachable = unique.filter((id) => p.world.isFollowing(id));
    const overBudget = unitBudgetRefusal(p, unit);
    if (overBudget) return overBudget;
    if (!quotaCovers(p, reachable.length)) return lineError(429, MESSAGES.monthlyLimit);
    const delivered = prepareMessages(p, "multicast", messages);
    deliverTo(p, reachable, inboxEntry(p, ctx.requestId, "multicast", delivered, notificationDisabled));
    p.quota.consume(reachable.length);
    const record: SendRecord = {
      requestId: ctx.requestId,
      kind: "multicast",
      at: p.clock.now(),
      deliveredTo: reachable,
      notDelivered: unique.length - reachable.length,
      messages: delivered,
    };
    p.sends.add(record);
    p.sends.countDelivered("multicast", record.at, reachable.length);
    recordUnitSend(p, record, unit);
    return json(200, {});
  },
};

export const broadcastRoute: Route = {
  method: "POST",
  path: "/v2/bot/message/broadcast",
  rateClass: "broadcast",
  retryKey: true,
  jsonBody: true,
  handle(ctx) {
    const p = ctx.platform;
    const body = jsonObject(ctx);
    const c = new Checker();
    const messages = checkMessages(c, body);
    const notificationDisabled = checkNotificationDisabled(c, body);
    const invalid = c.result();
    if (invalid || !messages) return invalid ?? invalidProperty("messages");
    const followers = p.world.followers().map((u) => u.id);
    if (!quotaCovers(p, followers.length)) return lineError(429, MESSAGES.monthlyLimit);
    const delivered = prepareMessages(p, "broadcast", messages);
    deliverTo(p, followers, inboxEntry(p, ctx.requestId, "broadcast", delivered, notificationDisabled));
    p.quota.consume(followers.length);
    const record: SendRecord = { requestId: ctx.requestId, kind: "broadcast", at: p.clock.now(), deliveredTo: followers, notDelivered: 0, messages: delivered };
    p.sends.add(record);
    p.trackedSends.track(record, null);
    p.sends.countDelivered("broadcast", record.at, followers.length);
    return json(200, {});
  },
};

export const validateRoutes: Route[] = ["reply", "push", "multicast", "narrowcast", "broadcast"].map((kind) => ({
  method: "POST",
  path: `/v2/bot/message/validate/${kind}`,
  rateClass: "default",
  jsonBody: true,
  handle(ctx) {
    const c = new Checker();
    checkMessages(c, jsonObject(ctx));
    return c.result() ?? json(200, {});
  },
}));
