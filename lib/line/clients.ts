import { insight, manageAudience, messagingApi } from "@line/bot-sdk";
import { metrics } from "@/lib/platform/metrics";

// Every call to LINE goes through @line/bot-sdk clients built here, for one channel's access token: the
// real hosts, or the fake platform in demo mode and tests (baseURL). Server-only: no access token ever
// reaches a browser bundle (lib/env.js has no NEXT_PUBLIC_ variables). Which token a channel uses, and
// when an issued one is renewed, is lib/channel/credentials.ts's business.

export interface LineClients {
  api: messagingApi.MessagingApiClient;
  blob: messagingApi.MessagingApiBlobClient;
  insight: insight.InsightClient;
  audience: manageAudience.ManageAudienceClient;
}

/** The clients of one channel (background work is handed this; tests hand their own). */
export type ClientsFor = (channelId: number) => LineClients | Promise<LineClients>;

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
  constructor(what = "No LINE channel access token is configured (LINE_CHANNEL_ACCESS_TOKEN)") {
    super(what);
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
