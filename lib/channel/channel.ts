import { env } from "@/lib/env.js";
import { HttpError } from "@/lib/platform/http/errors";
import { lineClients } from "@/lib/line/clients";
import { askLine } from "@/lib/line/line-errors";

// The Channel settings page: what is configured (never the secrets themselves), the bot as LINE
// describes it, and LINE's webhook endpoint setting, read, set and tested through LINE's API.

/**
 * The webhook URL for LINE Developers Console, the one place it is made: this console's public address
 * (APP_URL, which may carry a path) — never the address a request came in on, which a client can forge.
 */
export function consoleWebhookUrl(): string {
  return `${env().APP_URL.replace(/\/+$/, "")}/api/line/webhook`;
}

/**
 * Credentials status for the browser. The channel secret is never sent at all and the access token
 * only as its last four characters, enough to tell which token is installed.
 */
export function channelConfiguration() {
  const e = env();
  const token = e.LINE_CHANNEL_ACCESS_TOKEN;
  return {
    configured: e.lineConfigured,
    demoMode: e.DEMO_MODE,
    channelId: e.LINE_CHANNEL_ID ?? null,
    secretConfigured: Boolean(e.LINE_CHANNEL_SECRET),
    tokenLast4: token && token.length >= 20 ? token.slice(-4) : null,
    apiBaseUrl: new URL(e.LINE_API_BASE_URL).origin,
    webhookUrl: consoleWebhookUrl(),
  };
}
export type ChannelConfiguration = ReturnType<typeof channelConfiguration>;

export async function fetchBotInfo() {
  const bot = await askLine(() => lineClients().api.getBotInfo());
  return {
    userId: bot.userId,
    basicId: bot.basicId,
    premiumId: bot.premiumId ?? null,
    displayName: bot.displayName,
    pictureUrl: bot.pictureUrl ?? null,
    chatMode: bot.chatMode,
    markAsReadMode: bot.markAsReadMode,
  };
}
export type BotInfo = Awaited<ReturnType<typeof fetchBotInfo>>;

export async function fetchWebhookEndpoint() {
  const res = await askLine(() => lineClients().api.getWebhookEndpoint());
  return { endpoint: res.endpoint || null, active: res.active, matchesConsole: res.endpoint === consoleWebhookUrl() };
}
export type WebhookEndpoint = Awaited<ReturnType<typeof fetchWebhookEndpoint>>;

export async function setWebhookEndpoint(endpoint: string) {
  await askLine(() => lineClients().api.setWebhookEndpoint({ endpoint }));
  return fetchWebhookEndpoint();
}

/** LINE sends a test webhook to the endpoint (the one set in LINE unless one is given) and reports. */
export async function testWebhookEndpoint(given?: string) {
  const endpoint = given ?? (await fetchWebhookEndpoint()).endpoint;
  if (!endpoint) throw new HttpError(409, "webhook_endpoint_not_set", "No webhook endpoint is set in LINE yet; set one first");
  const res = await askLine(() => lineClients().api.testWebhookEndpoint({ endpoint }));
  return {
    endpoint,
    success: res.success ?? false,
    timestamp: new Date(res.timestamp).toISOString(),
    statusCode: res.statusCode,
    reason: res.reason,
    detail: res.detail,
  };
}
export type WebhookTestResult = Awaited<ReturnType<typeof testWebhookEndpoint>>;
