// GET/PUT /v2/bot/channel/webhook/endpoint and POST /v2/bot/channel/webhook/test.
// LINE requires HTTPS webhook URLs; the fake also accepts plain http on loopback hosts so that a local
// app can register itself (a deliberate, documented deviation).
import { json, lineError } from "../http/reply";
import { jsonObject, type Route } from "../http/route";
import { Checker } from "../validation/checker";

export const webhookEndpointRoutes: Route[] = [
  {
    method: "GET",
    path: "/v2/bot/channel/webhook/endpoint",
    rateClass: "webhookEndpoint",
    handle(ctx) {
      const { webhookUrl, webhookActive } = ctx.platform.config;
      return json(200, { endpoint: webhookUrl ?? "", active: Boolean(webhookUrl) && webhookActive });
    },
  },
  {
    method: "PUT",
    path: "/v2/bot/channel/webhook/endpoint",
    rateClass: "webhookEndpoint",
    jsonBody: true,
    handle(ctx) {
      const c = new Checker();
      const endpoint = c.str(jsonObject(ctx), "endpoint", "", { required: true, max: 500 });
      if (endpoint !== undefined && endpoint.length > 0 && !acceptableUrl(endpoint)) c.error("endpoint", "Must be a valid HTTPS URL");
      const invalid = c.result();
      if (invalid || endpoint === undefined) return invalid ?? lineError(400, "endpoint must be specified");
      ctx.platform.config.webhookUrl = endpoint;
      return json(200, {});
    },
  },
  {
    method: "POST",
    path: "/v2/bot/channel/webhook/test",
    rateClass: "webhookTest",
    async handle(ctx) {
      const p = ctx.platform;
      const c = new Checker();
      const body = ctx.rawBody.length > 0 ? jsonObject(ctx) : {};
      const given = c.str(body, "endpoint", "", { max: 500 });
      if (given !== undefined && !acceptableUrl(given)) c.error("endpoint", "Must be a valid HTTPS URL");
      const invalid = c.result();
      if (invalid) return invalid;
      const url = given ?? p.config.webhookUrl;
      if (!url) return lineError(400, "The webhook endpoint is not set");
      // The same connectivity check as the console's Verify button: a signed body with no events.
      const payload = Buffer.from(JSON.stringify({ destination: p.world.bot.userId, events: [] }), "utf8");
      const attempt = await p.webhook.sendRaw(url, payload, "valid", "test");
      return json(200, {
        success: attempt.ok,
        timestamp: new Date(p.clock.now()).toISOString(),
        statusCode: attempt.statusCode,
        reason: attempt.reason,
        detail: attempt.detail,
      });
    },
  },
];

export function acceptableUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === "https:") return true;
    return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]", "::1"].includes(url.hostname);
  } catch {
    return false;
  }
}
