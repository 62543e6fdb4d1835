// startFakeLine(): the fake LINE platform on one HTTP port — LINE's api.line.me and api-data.line.me
// paths at the root, the control API under /__fake/.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { controlRouter, serveControl } from "./control/serve-control";
import { requestId as newRequestId } from "./core/ids";
import { serveLineApi } from "./http/line-pipeline";
import { DEFAULTS, type FakeLineOptions, type RuntimeConfig } from "./options";
import { Platform } from "./platform";
import { lineRouter } from "./routes/line-routes";

export type { FakeLineOptions, RuntimeConfig } from "./options";

export type FakeLine = {
  /** Base URL, e.g. http://127.0.0.1:4010 — pass it as the SDK's baseURL (api and api-data alike). */
  url: string;
  port: number;
  host: string;
  channelSecret: string;
  channelAccessToken: string;
  /** The bot's user id: `destination` of every webhook and `userId` of GET /v2/bot/info. */
  botUserId: string;
  /** The live runtime configuration (mutating it takes effect immediately). */
  config: RuntimeConfig;
  /** Rebuilds the world (optionally from another seed / size) and forgets all state. */
  reset(seed?: number | { seed?: number; friends?: number; config?: "keep" | "startup" }): void;
  close(): Promise<void>;
  /** Internal state, for in-process tools; prefer the control API. */
  platform: Platform;
};

export async function startFakeLine(options: FakeLineOptions = {}): Promise<FakeLine> {
  const platform = new Platform(options);
  const api = lineRouter();
  const control = controlRouter();
  const server = http.createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    const requestId = newRequestId();
    res.setHeader("x-line-request-id", requestId);
    const url = new URL(req.url ?? "/", "http://fake-line.local");
    const serve =
      url.pathname === "/__fake" || url.pathname.startsWith("/__fake/")
        ? serveControl(platform, control, req, res, url)
        : serveLineApi(platform, api, req, res, url, requestId);
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
  platform.publicUrl = options.publicUrl?.replace(/\/+$/, "") ?? `http://${urlHost(host)}:${port}`;

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
    reset(seed) {
      platform.reset(typeof seed === "number" ? { seed } : (seed ?? {}));
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        platform.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
    platform,
  };
}

function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}
