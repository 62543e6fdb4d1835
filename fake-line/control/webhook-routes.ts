// Control API for webhooks: the attempt log, stored events, arbitrary (optionally badly signed)
// deliveries, replaying events as redeliveries, and waiting until queued events have been sent.
import { z } from "zod";
import { ControlError, intParam, parseBody, sinceParam, type ControlRoute } from "./control-route";

const deliverBody = z
  .object({
    /** The exact body to send: a string is sent verbatim, anything else as JSON. */
    body: z.unknown().optional(),
    /** Shortcut: events wrapped in {destination, events}. */
    events: z.array(z.record(z.string(), z.unknown())).optional(),
    signature: z.union([z.enum(["valid", "invalid", "none"]), z.object({ value: z.string() })]).optional(),
    url: z.string().url().optional(),
  })
  .strict();

export const webhookRoutes: ControlRoute[] = [
  {
    method: "GET",
    path: "/__fake/webhook/attempts",
    handle({ platform: p, query }) {
      const since = sinceParam(query);
      let attempts = p.webhook.attempts.toArray().filter((a) => since === undefined || Date.parse(a.startedAt) >= since);
      const limit = intParam(query, "limit");
      if (limit !== undefined) attempts = attempts.slice(-limit);
      return { attempts, counters: p.webhook.counters, pendingRedeliveries: p.webhook.pendingRedeliveries };
    },
  },
  {
    method: "DELETE",
    path: "/__fake/webhook/attempts",
    handle({ platform }) {
      platform.webhook.attempts.clear();
      return { ok: true };
    },
  },
  {
    method: "GET",
    path: "/__fake/webhook/events",
    handle({ platform: p, query }) {
      let events = p.events.list();
      const limit = intParam(query, "limit");
      if (limit !== undefined) events = events.slice(-limit);
      return { events };
    },
  },
  {
    method: "POST",
    path: "/__fake/webhook/deliver",
    async handle({ platform: p, body }) {
      const input = parseBody(deliverBody, body);
      const url = input.url ?? p.config.webhookUrl;
      if (!url) throw new ControlError(400, "No webhook URL configured and none given");
      const payload = input.body !== undefined ? input.body : { destination: p.world.bot.userId, events: input.events ?? [] };
      const bytes = Buffer.from(typeof payload === "string" ? payload : JSON.stringify(payload), "utf8");
      return p.webhook.sendRaw(url, bytes, input.signature ?? "valid", "custom");
    },
  },
  {
    method: "POST",
    path: "/__fake/webhook/redeliver",
    handle({ platform: p, body }) {
      const { webhookEventIds } = parseBody(z.object({ webhookEventIds: z.array(z.string()).min(1) }).strict(), body);
      const events = webhookEventIds.map((id) => {
        const event = p.events.get(id);
        if (!event) throw new ControlError(404, `No stored event ${id}`);
        return event;
      });
      p.webhook.redeliver(events);
      return { ok: true, webhookEventIds };
    },
  },
  {
    method: "POST",
    path: "/__fake/webhook/flush",
    async handle({ platform: p }) {
      await p.webhook.idle();
      return { ok: true, counters: p.webhook.counters };
    },
  },
];
