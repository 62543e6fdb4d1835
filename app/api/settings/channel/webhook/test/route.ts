import { testWebhookEndpoint } from "@/lib/channel/channel";
import { testWebhookEndpointBodySchema } from "@/lib/channel/schemas";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** Ask LINE to send a test webhook and report what the endpoint answered. */
export const POST = apiRoute({ role: "admin" }, async ({ req, audit, line, channel }) => {
  const body = await parseJsonBody(testWebhookEndpointBodySchema, req);
  const result = await testWebhookEndpoint(line, channel, body.endpoint);
  await audit("settings.webhook_tested", result.endpoint, { success: result.success, statusCode: result.statusCode, reason: result.reason });
  return result;
});
