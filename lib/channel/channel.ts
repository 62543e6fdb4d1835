import type { Db } from "@/db/client";
import { DEFAULT_CHANNEL_SLUG, getChannelCredentials, type ChannelSummary } from "@/db/queries/channels";
import { env } from "@/lib/env.js";
import { HttpError } from "@/lib/platform/http/errors";
import type { ChannelLine } from "@/lib/line/insight";
import { askLine } from "@/lib/line/line-errors";
import { openSecret } from "@/lib/platform/secret-box";

// The Channel settings page: what is configured (never the secrets themselves), the bot as LINE
// describes it, and LINE's webhook endpoint setting, read, set and tested through LINE's API.

/**
 * A channel's webhook URL for LINE Developers Console, the one place it is made: this console's public
 * address (APP_URL, which may carry a path) — never the address a request came in on, which a client can
 * forge. The first channel keeps the URL it had before channels could be added.
 */
export function consoleWebhookUrl(channel: { slug: string }): string {
  const base = `${env().APP_URL.replace(/\/+$/, "")}/api/line/webhook`;
  return channel.slug === DEFAULT_CHANNEL_SLUG ? base : `${base}/${channel.slug}`;
}

/** Both URLs the first channel answers on count as this console's. */
function isConsoleWebhookUrl(channel: { slug: string }, url: string | null | undefined): boolean {
  const base = `${env().APP_URL.replace(/\/+$/, "")}/api/line/webhook`;
  return url === consoleWebhookUrl(channel) || url === `${base}/${channel.slug}`;
}

/**
 * Credentials status for the browser. The channel secret is never sent at all and the access token
 * only as its last four characters, enough to tell which token is installed.
 */
export async function channelConfiguration(db: Db, channel: ChannelSummary) {
  const e = env();
  const row = await getChannelCredentials(db, { id: channel.id });
  const fromEnv = channel.tokenSource === "environment";
  const token = fromEnv ? e.LINE_CHANNEL_ACCESS_TOKEN : row?.accessTokenSealed ? openSecret(row.accessTokenSealed) : undefined;
  return {
    configured: fromEnv ? e.lineConfigured : Boolean(row?.secretSealed),
    demoMode: e.DEMO_MODE,
    channelId: (fromEnv ? e.LINE_CHANNEL_ID : channel.lineChannelId) ?? null,
    secretConfigured: fromEnv ? Boolean(e.LINE_CHANNEL_SECRET) : Boolean(row?.secretSealed),
    tokenSource: channel.tokenSource,
    tokenLast4: token && token.length >= 20 ? token.slice(-4) : null,
    apiBaseUrl: new URL(e.LINE_API_BASE_URL).origin,
    webhookUrl: consoleWebhookUrl(channel),
  };
}
export type ChannelConfiguration = Awaited<ReturnType<typeof channelConfiguration>>;

export async function fetchBotInfo(line: ChannelLine) {
  const bot = await askLine(async () => (await line.clients(line.channelId)).api.getBotInfo());
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

export async function fetchWebhookEndpoint(line: ChannelLine, channel: { slug: string }) {
  const res = await askLine(async () => (await line.clients(line.channelId)).api.getWebhookEndpoint());
  return { endpoint: res.endpoint || null, active: res.active, matchesConsole: isConsoleWebhookUrl(channel, res.endpoint) };
}
export type WebhookEndpoint = Awaited<ReturnType<typeof fetchWebhookEndpoint>>;

export async function setWebhookEndpoint(line: ChannelLine, channel: { slug: string }, endpoint: string) {
  await askLine(async () => (await line.clients(line.channelId)).api.setWebhookEndpoint({ endpoint }));
  return fetchWebhookEndpoint(line, channel);
}

/** LINE sends a test webhook to the endpoint (the one set in LINE unless one is given) and reports. */
export async function testWebhookEndpoint(line: ChannelLine, channel: { slug: string }, given?: string) {
  const endpoint = given ?? (await fetchWebhookEndpoint(line, channel)).endpoint;
  if (!endpoint) throw new HttpError(409, "webhook_endpoint_not_set", "No webhook endpoint is set in LINE yet; set one first");
  const res = await askLine(async () => (await line.clients(line.channelId)).api.testWebhookEndpoint({ endpoint }));
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
