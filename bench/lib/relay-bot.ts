// The team's bot in the relay benchmark: node:http and node:crypto only, no SDK, so the numbers are the
// relay's and not a bot framework's. It notes when each delivery arrived, and can go down the way a
// crashed bot does (connections refused, not a polite 503) and come back on the same port.
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RelayBotDelivery = {
  webhookEventIds: string[];
  /** When the whole body was in: Date.now(), as the benchmark stamps what it sends (a monotonic clock started
   * when the process did can drift from the wall clock by seconds over a long run on a busy VM). */
  at: number;
  bytes: number;
};

export type RelayBot = {
  url: string;
  /** Validly signed deliveries, in arrival order. */
  received: RelayBotDelivery[];
  readonly badSignatures: number;
  /** Down: the listening socket is closed and open connections dropped, so clients get ECONNREFUSED. */
  setDown(down: boolean): Promise<void>;
  close(): Promise<void>;
};

const HOST = "127.0.0.1";

export async function startRelayBot(options: { secret: string; port?: number }): Promise<RelayBot> {
  const received: RelayBotDelivery[] = [];
  let badSignatures = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const at = Date.now();
      if (!signedWith(options.secret, body, req.headers["x-line-signature"])) {
        badSignatures += 1;
        res.writeHead(401, { "content-type": "application/json" }).end('{"message":"invalid signature"}');
        return;
      }
      received.push({ webhookEventIds: eventIds(body), at, bytes: body.length });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });

  await listen(server, options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  let down = false;
  // setDown and close one after another: a listen still under way must not meet a close.
  let queue = Promise.resolve();
  const setDown = (next: boolean) => {
    const change = queue.then(async () => {
      if (next === down) return;
      if (next) await stop(server);
      else await listen(server, port); // fails if another process took the port meanwhile
      down = next;
    });
    queue = change.catch(() => undefined);
    return change;
  };

  return {
    url: `http://${HOST}:${port}/`,
    received,
    get badSignatures() {
      return badSignatures;
    },
    setDown,
    close: () => setDown(true),
  };
}

// The exact header LINE's scheme gives, compared in constant time: base64(HMAC-SHA256(secret, body)).
function signedWith(secret: string, body: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== "string") return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(body).digest("base64"));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function eventIds(body: Buffer): string[] {
  try {
    const events = (JSON.parse(body.toString("utf8")) as { events?: { webhookEventId?: unknown }[] }).events ?? [];
    return events.map((e) => e.webhookEventId).filter((id): id is string => typeof id === "string");
  } catch {
    return [];
  }
}

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port, host: HOST }, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function stop(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
