// startFakeLine(): the fake LINE platform on one HTTP port — LINE's api.line.me and api-data.line.me
// paths at the root, the channel access token API, the control API under /__fake/. One or several
// channels (channels/): the bearer token picks the channel of a LINE API request.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Channels } from "./channels/channels";
import { serveTokenApi, TOKEN_API_PATHS } from "./channels/token-api";
import { controlRouter, serveControl } from "./control/serve-control";
import { requestId as newRequestId } from "./core/ids";
import { serveLineApi } from "./http/line-pipeline";
import { DEFAULTS, type FakeLineOptions, type RuntimeConfig } from "./options";
import type { Platform } from "./platform";
import { lineRouter } from "./routes/line-routes";

export type { FakeLineOptions, RuntimeConfig } from "./options";

/** One channel as startFakeLine's caller sees it. */
export type FakeChannel = {
  channelId: string;
  provider: string;
  channelSecret: string;
  channelAccessToken: string;
  botUserId: string;
  /** Base of this channel's control API: `${url}/__fake` for the first, `${url}/__fake/channels/<id>` for others. */
  controlUrl: string;
  config: RuntimeConfig;
  platform: Platform;
};

export type FakeLine = {
  /** Base URL, e.g. http://127.0.0.1:4010 — pass it as the SDK's baseURL (api and api-data alike). */
  url: string;
  port: number;
  host: string;
  /** The first channel's credentials (the only channel unless `channels` / `preset` is given). */
  channelSecret: string;
  channelAccessToken: string;
  /** The bot's user id: `destination` of every webhook and `userId` of GET /v2/bot/info. */
  botUserId: string;
  /** The live runtime configuration of the first channel (mutating it takes effect immediately). */
  config: RuntimeConfig;
  /** Every channel, the first one first. */
  channels: FakeChannel[];
  /** Rebuilds every channel's world (optionally from another seed / size) and forgets all state. */
  reset(seed?: number | { seed?: number; friends?: number; config?: "keep" | "startup" }): void;
  close(): Promise<void>;
  /** Internal state of the first channel, for in-process tools; prefer the control API. */
  platform: Platform;
};

export async function startFakeLine(options: FakeLineOptions = {}): Promise<FakeLine> {
  const channels = new Channels(options);
  const platform = channels.first;
  const api = lineRouter();
  const control = controlRouter();
  const server = http.createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    const requestId = newRequestId();
    res.setHeader("x-line-request-id", requestId);
    const url = new URL(req.url ?? "/", "http://fake-line.local");
    let serve: Promise<void>;
    if (url.pathname === "/__fake" || url.pathname.startsWith("/__fake/")) serve = serveControl(channels, control, req, res, url);
    else if (TOKEN_API_PATHS.has(url.pathname)) serve = serveTokenApi(channels, req, res, url, requestId);
    else {
      const auth = req.headers.authorization;
      const { platform: p } = channels.forBearer(Array.isArray(auth) ? auth[0] : auth);
      serve = serveLineApi(p ?? platform, p !== null, api, req, res, url, requestId);
    }
    serve.catch((err: unknown) => {
      platform.log(`unhandled: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: "Internal server error" }));
    });
  });
  // Many concurrent clients (benchmarks) must not be refused by the default backlog.
  server.maxHeadersCount = 200;
  const host = options.host ?? DEFAULTS.host;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: options.port ?? DEFAULTS.port, host, backlog: 4096 }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  channels.setPublicUrl(options.publicUrl?.replace(/\/+$/, "") ?? `http://${urlHost(host)}:${port}`);

  let closed: Promise<void> | null = null;
  return {
    url: platform.publicUrl,
    port,
    host,
    channelSecret: platform.channelSecret,
    channelAccessToken: platform.channelAccessToken,
    get botUserId() {
      return platform.world.bot.userId;
    },
    config: platform.config,
    channels: channels.platforms.map(fakeChannel),
    reset(seed) {
      channels.reset(typeof seed === "number" ? { seed } : (seed ?? {}));
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        channels.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
    platform,
  };
}

function fakeChannel(p: Platform): FakeChannel {
  return {
    channelId: p.channelId,
    provider: p.channel.provider,
    channelSecret: p.channelSecret,
    channelAccessToken: p.channelAccessToken,
    get botUserId() {
      return p.world.bot.userId;
    },
    controlUrl: p.controlUrl,
    config: p.config,
    platform: p,
  };
}

function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}
