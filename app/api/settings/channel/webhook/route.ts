import { consoleWebhookUrl, fetchWebhookEndpoint, setWebhookEndpoint } from "@/lib/channel/channel";
import { setWebhookEndpointBodySchema } from "@/lib/channel/schemas";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** The webhook endpoint currently set in LINE, and whether it is this console's. */
export const GET = apiRoute({ role: "admin" }, async () => fetchWebhookEndpoint());

/** Set LINE's webhook endpoint (this console's URL unless another is given). */
export const PUT = apiRoute({ role: "admin" }, async ({ req, audit }) => {
  const body = await parseJsonBody(setWebhookEndpointBodySchema, req);
  const endpoint = body.endpoint ?? consoleWebhookUrl();
  const result = await setWebhookEndpoint(endpoint);
  await audit("settings.webhook_endpoint_set", endpoint, { active: result.active });
  return result;
});
