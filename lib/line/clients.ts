import { insight, manageAudience, messagingApi } from "@line/bot-sdk";
import { env } from "@/lib/env.js";
import { metrics } from "@/lib/platform/metrics";

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
    api: counted("messaging", new messagingApi.MessagingApiClient({ channelAccessToken, baseURL: o.apiBaseUrl })),
    blob: counted("blob", new messagingApi.MessagingApiBlobClient({ channelAccessToken, baseURL: o.dataApiBaseUrl })),
    insight: counted("insight", new insight.InsightClient({ channelAccessToken, baseURL: o.apiBaseUrl })),
    audience: counted("audience", new manageAudience.ManageAudienceClient({ channelAccessToken, baseURL: o.apiBaseUrl })),
  };
}

export class LineNotConfiguredError extends Error {
  constructor() {
    super("No LINE channel access token is configured (LINE_CHANNEL_ACCESS_TOKEN)");
    this.name = "LineNotConfiguredError";
  }
}

// Every answer LINE gives a client is counted by status for the metrics. The SDK has no hook for it:
// each client's HTTP client checks every response's status in one method (checkResponseStatus), which
// is wrapped here. tests/db/metrics.test.ts fails if an SDK upgrade renames it.
function counted<C>(api: string, client: C): C {
  const http = (client as { httpClient?: { checkResponseStatus?: (res: Response) => Promise<void> } }).httpClient;
  const check = http?.checkResponseStatus;
  if (http && check) {
    http.checkResponseStatus = (res: Response) => {
      metrics().lineApiResponses.inc({ api, status: String(res.status) });
      return check.call(http, res);
    };
  }
  return client;
}
