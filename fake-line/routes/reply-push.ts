// POST /v2/bot/message/reply and /v2/bot/message/push.
import { canReceivePush, deliverTo, inboxEntry, prepareMessages, sentMessages } from "../domain/delivery";
import type { SendRecord } from "../domain/send-log";
import { recordUnitSend, unitBudgetRefusal } from "../domain/unit-budget";
import { MESSAGES, json, lineError, invalidProperty } from "../http/reply";
import { jsonObject, type Route } from "../http/route";
import { Checker } from "../validation/checker";
import { checkMessages } from "../validation/message";
import { checkAggregationUnits, checkNotificationDisabled } from "../validation/send-body";
import { ID_PATTERNS } from "../core/ids";
import type { Platform } from "../platform";

export const replyRoute: Route = {
  method: "POST",
  path: "/v2/bot/message/reply",
  rateClass: "default",
  jsonBody: true,
  handle(ctx) {
    const p = ctx.platform;
    const body = jsonObject(ctx);
    const c = new Checker();
    const token = c.str(body, "replyToken", "", { required: true });
    const messages = checkMessages(c, body);
    const notificationDisabled = checkNotificationDisabled(c, body);
    const invalid = c.result();
    if (invalid || !messages || token === undefined) return invalid ?? lineError(400, MESSAGES.invalidReplyToken);
    const target = p.replyTokens.use(token, p.clock.now());
    if (!target) return lineError(400, MESSAGES.invalidReplyToken);
    const delivered = prepareMessages(p, "reply", messages);
    // A reply to a user who blocked the account since, or to a chat the bot left, is accepted but lost.
    const reachable = isReachableChat(p, target.chatId);
    const entry = inboxEntry(p, ctx.requestId, "reply", delivered, notificationDisabled);
    const chats = reachable ? [target.chatId] : [];
    deliverTo(p, chats, entry);
    p.sends.add({ requestId: ctx.requestId, kind: "reply", at: p.clock.now(), deliveredTo: chats, notDelivered: reachable ? 0 : 1, messages: delivered });
    p.sends.countDelivered("reply", p.clock.now(), chats.length);
    return json(200, { sentMessages: sentMessages(delivered) });
  },
};

export const pushRoute: Route = {
  method: "POST",
  path: "/v2/bot/message/push",
  rateClass: "default",
  retryKey: true,
  jsonBody: true,
  handle(ctx) {
    const p = ctx.platform;
    const body = jsonObject(ctx);
    const c = new Checker();
    const to = c.str(body, "to", "", { required: true });
    const messages = checkMessages(c, body);
    const notificationDisabled = checkNotificationDisabled(c, body);
    const unit = checkAggregationUnits(c, body);
    const invalid = c.result();
    if (invalid) return invalid;
    if (!to || !messages) return invalidProperty("to");
    const isUser = ID_PATTERNS.user.test(to);
    if (!isUser && !ID_PATTERNS.group.test(to) && !ID_PATTERNS.room.test(to)) return invalidProperty("to");

    let recipients = 0;
    let reachable = false;
    if (isUser) {
      reachable = canReceivePush(p, to);
      recipients = reachable ? 1 : 0;
    } else {
      const chat = p.world.chat(to);
      if (!chat || !chat.botIsMember) return lineError(400, MESSAGES.failedToSend);
      reachable = true;
      // A message to a chat counts once per member (the bot excluded).
      recipients = chat.memberIds.length;
    }
    const overBudget = unitBudgetRefusal(p, unit);
    if (overBudget) return overBudget;
    if (!quotaCovers(p, recipients)) return lineError(429, MESSAGES.monthlyLimit);

    const delivered = prepareMessages(p, "push", messages);
    const chats = reachable ? [to] : [];
    deliverTo(p, chats, inboxEntry(p, ctx.requestId, "push", delivered, notificationDisabled));
    p.quota.consume(recipients);
    const record: SendRecord = {
      requestId: ctx.requestId,
      kind: "push",
      at: p.clock.now(),
      deliveredTo: chats,
      notDelivered: reachable ? 0 : 1,
      messages: delivered,
    };
    p.sends.add(record);
    p.sends.countDelivered("push", record.at, recipients);
    recordUnitSend(p, record, unit);
    return json(200, { sentMessages: sentMessages(delivered) });
  },
};

/** The monthly limit is reached when the remaining quota cannot cover the recipients (or is zero). */
export function quotaCovers(p: Platform, recipients: number): boolean {
  const remaining = p.quota.remaining();
  return remaining > 0 && recipients <= remaining;
}

function isReachableChat(p: Platform, chatId: string): boolean {
  if (chatId.startsWith("U")) return p.world.user(chatId)?.status !== "blocked";
  return p.world.chat(chatId)?.botIsMember ?? false;
}
