import { consoleWebhookUrl, fetchWebhookEndpoint, setWebhookEndpoint } from "@/lib/channel/channel";
import { setWebhookEndpointBodySchema } from "@/lib/channel/schemas";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** The webhook endpoint currently set in LINE, and whether it is this console's. */
export const GET = apiRoute({ role: "admin" }, async ({ line, channel }) => fetchWebhookEndpoint(line, channel));

/** Set LINE's webhook endpoint (this console's URL unless another is given). */
export const PUT = apiRoute({ role: "admin" }, async ({ req, audit, line, channel }) => {
  const body = await parseJsonBody(setWebhookEndpointBodySchema, req);
  const endpoint = body.endpoint ?? consoleWebhookUrl(channel);
  const result = await setWebhookEndpoint(line, channel, endpoint);
  await audit("settings.webhook_endpoint_set", endpoint, { active: result.active });
  return result;
});
