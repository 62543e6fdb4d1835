import { insight, manageAudience, messagingApi } from "@line/bot-sdk";
import { env } from "@/lib/env.js";

// Every call to LINE goes through @line/bot-sdk clients built here, from the validated environment: the
// real hosts, or the fake platform in demo mode and tests (baseURL). Server-only: the access token
// never reaches a browser bundle (lib/env.js has no NEXT_PUBLIC_ variables).

export interface LineClients {
  api: messagingApi.MessagingApiClient;
  blob: messagingApi.MessagingApiBlobClient;
  insight: insight.InsightClient;
  audience: manageAudience.ManageAudienceClient;
}

let cached: LineClients | undefined;

export function lineClients(): LineClients {
  if (cached) return cached;
  const e = env();
  if (!e.LINE_CHANNEL_ACCESS_TOKEN) {
    throw new LineNotConfiguredError();
  }
  cached = createLineClients({ accessToken: e.LINE_CHANNEL_ACCESS_TOKEN, apiBaseUrl: e.LINE_API_BASE_URL, dataApiBaseUrl: e.LINE_DATA_API_BASE_URL });
  return cached;
}

export function createLineClients(o: { accessToken: string; apiBaseUrl: string; dataApiBaseUrl: string }): LineClients {
  const channelAccessToken = o.accessToken;
  return {
    api: new messagingApi.MessagingApiClient({ channelAccessToken, baseURL: o.apiBaseUrl }),
    blob: new messagingApi.MessagingApiBlobClient({ channelAccessToken, baseURL: o.dataApiBaseUrl }),
    insight: new insight.InsightClient({ channelAccessToken, baseURL: o.apiBaseUrl }),
    audience: new manageAudience.ManageAudienceClient({ channelAccessToken, baseURL: o.apiBaseUrl }),
  };
}

export class LineNotConfiguredError extends Error {
  constructor() {
    super("No LINE channel access token is configured (LINE_CHANNEL_ACCESS_TOKEN)");
    this.name = "LineNotConfiguredError";
  }
}
