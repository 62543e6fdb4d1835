// A tiny webhook endpoint for tests: records every request (raw body, headers) and answers with a
// status chosen per request (or hangs, to simulate a slow app).
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { webhook } from "@line/bot-sdk";

export type Received = { rawBody: string; headers: http.IncomingHttpHeaders; body: webhook.CallbackRequest; at: number };

export type Responder = (index: number, received: Received) => number | "hang";

export type Receiver = {
  url: string;
  requests: Received[];
  respond(fn: Responder): void;
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
};

export async function startReceiver(): Promise<Receiver> {
  const requests: Received[] = [];
  let responder: Responder = () => 200;
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      let body = { destination: "", events: [] } as webhook.CallbackRequest;
      try {
        body = JSON.parse(rawBody) as webhook.CallbackRequest;
      } catch {
        // Deliberately malformed bodies (control API tests) are kept raw only.
      }
      const received: Received = { rawBody, headers: req.headers, body, at: Date.now() };
      const index = requests.push(received) - 1;
      for (const w of waiters.filter((w) => requests.length >= w.count)) w.resolve();
      const answer = responder(index, received);
      if (answer === "hang") return;
      res.writeHead(answer, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    requests,
    respond(fn) {
      responder = fn;
    },
    waitFor(count, timeoutMs = 3000) {
      if (requests.length >= count) return Promise.resolve(requests.slice());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`receiver got ${requests.length} of ${count} requests`)), timeoutMs);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve(requests.slice())) });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
