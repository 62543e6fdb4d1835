import fs from "node:fs";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import path from "node:path";
import { rewriteForwarded } from "./forwarded";
import { capUserAgent, MAX_HEADER_BYTES } from "./request-limits";
import { ulid } from "../ids";
import { log } from "../log";
import { guardAnswer, runTimeHeaders } from "./response-headers";

// The HTTP server `npm start` and `npm run dev` run, with Next's request handler inside it (instead of
// `next start`, whose server decides none of this): how big a request's headers may be, whom to believe
// about the client's address, which headers depend on how the server was started (HSTS), which
// interface it listens on, and how long an idle connection stays open.

export interface ConsoleServerOptions {
  dev: boolean;
  port: number;
  /** The address to listen on (HOSTNAME); every interface when undefined. */
  hostname: string | undefined;
  /** Proxies in front whose X-Forwarded-* headers are believed (TRUST_PROXY). */
  trustedHops: number;
  hsts: boolean;
  keepAliveMs: number;
  /** Awaited once Next is ready and before the server listens: a failure stops the start-up. */
  beforeListen?: () => Promise<void>;
}

export interface ConsoleServer {
  url: string;
  /** Stop taking connections, let the requests under way finish (a few seconds at most), close Next. */
  stop(): Promise<void>;
}

// How long requests under way may take to finish when the server stops, before their connections go.
const DRAIN_MS = 5_000;

export async function startConsoleServer(options: ConsoleServerOptions): Promise<ConsoleServer> {
  // In production Next runs with the configuration the build was made with, as its own standalone server
  // does (a release directory has no next.config.js, nor what it imports); `next start`'s way of
  // reading next.config.js again warns against standalone builds.
  if (!options.dev) process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(builtConfig());
  // Loaded here, not at the top: Next and React read NODE_ENV as they load, and the launcher sets it
  // first. (In the release's single-file bundle a top-level import would run before the launcher does.)
  const { default: next } = await import("next");
  const app = next({ dev: options.dev, dir: process.cwd(), hostname: options.hostname ?? "localhost", port: options.port });
  await app.prepare();
  try {
    await options.beforeListen?.();
  } catch (err) {
    await app.close().catch(() => {});
    throw err;
  }
  // Next attaches its own WebSocket upgrade handler (dev's hot reload) to this server on the first request.
  const handle = app.getRequestHandler();
  let stopping = false;

  const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    rewriteForwarded(req.headers, req.socket.remoteAddress, options.trustedHops);
    capUserAgent(req.headers);
    // Every request gets an id, in its answer's X-Request-Id and on the log lines it causes (route
    // handlers read it from the request). A proxy's id is kept only when proxies are trusted.
    const requestId = requestIdFor(req.headers["x-request-id"], options.trustedHops > 0);
    req.headers["x-request-id"] = requestId;
    res.setHeader("x-request-id", requestId);
    for (const [name, value] of runTimeHeaders(options)) res.setHeader(name, value);
    guardAnswer(res, req.url);
    // While stopping, a kept-alive connection closes after its answer instead of waiting for more.
    if (stopping) res.setHeader("connection", "close");
    handle(req, res).catch((err: unknown) => {
      log().error({ scope: "server", reqId: requestId, method: req.method, path: req.url?.split("?")[0], err }, "request failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Internal Server Error");
    });
  });
  server.keepAliveTimeout = options.keepAliveMs;
  // Every socket, upgraded ones included: closeAllConnections() knows only HTTP connections, and an
  // upgrade request Next leaves unanswered (a WebSocket to an unknown path) held close() open forever.
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  const dropAll = () => {
    server.closeAllConnections();
    for (const socket of sockets) socket.destroy();
  };

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://${urlHost(options.hostname ?? "localhost")}:${address.port}`;

  async function stop() {
    if (stopping) return;
    stopping = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Idle kept-alive connections would hold close() open for the keep-alive timeout: they go now, and
    // each one that finishes its answer goes as it does.
    server.closeIdleConnections();
    // In development nothing is worth waiting for (hot-reload sockets stay open by design).
    if (options.dev) dropAll();
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const deadline = setTimeout(dropAll, DRAIN_MS);
    await closed;
    clearInterval(sweep);
    clearTimeout(deadline);
    await app.close();
  }

  return { url, stop };
}

function builtConfig(): unknown {
  const file = path.join(process.cwd(), ".next", "required-server-files.json");
  if (!fs.existsSync(file)) throw new Error("No production build here: run `npm run build` first");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { config: unknown }).config;
}

function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}

function requestIdFor(incoming: string | string[] | undefined, trusted: boolean): string {
  const given = Array.isArray(incoming) ? incoming[0] : incoming;
  return trusted && given && /^[A-Za-z0-9._:-]{1,64}$/.test(given) ? given : ulid();
}
