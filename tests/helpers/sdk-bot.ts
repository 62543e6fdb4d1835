import http from "node:http";
import type { AddressInfo } from "node:net";
import { middleware, type webhook } from "@line/bot-sdk";

type WebhookEvent = webhook.Event;

// A team's own bot as a real HTTP server: @line/bot-sdk's middleware verifies the signature exactly as an
// unmodified bot does. Tests make it answer 500, 400, slowly, or go away (connections refused).

export interface ReceivedDelivery {
  raw: string;
  signature: string | undefined;
  events: WebhookEvent[];
  at: number;
}

export type BotBehaviour = { kind: "ok" } | { kind: "status"; status: number } | { kind: "slow"; ms: number | (() => number) };

export async function startSdkBot(options: { channelSecret: string; port?: number }) {
  const received: ReceivedDelivery[] = [];
  let badSignatures = 0;
  let behaviour: BotBehaviour = { kind: "ok" };
  const verify = middleware({ channelSecret: options.channelSecret });
  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    // The SDK's middleware reads the body itself; keep a copy of the exact bytes.
    req.on("data", (c: Buffer) => chunks.push(c));
    verify(req as never, res as never, async (err?: unknown) => {
      if (err) {
        badSignatures++;
        res.writeHead(401).end("bad signature");
        return;
      }
      const body = (req as unknown as { body: { events: WebhookEvent[] } }).body;
      const now = behaviour;
      if (now.kind === "status") return void res.writeHead(now.status).end(`status ${now.status}`);
      if (now.kind === "slow") await new Promise((r) => setTimeout(r, typeof now.ms === "function" ? now.ms() : now.ms));
      received.push({
        raw: Buffer.concat(chunks).toString("utf8"),
        signature: req.headers["x-line-signature"] as string | undefined,
        events: body.events,
        at: Date.now(),
      });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  };
  let server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(options.port ?? 0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    get badSignatures() {
      return badSignatures;
    },
    behave(b: BotBehaviour) {
      behaviour = b;
    },
    /** Down: the port refuses connections. Up again: the same port. */
    async setDown(down: boolean) {
      if (down) {
        server.closeAllConnections();
        await new Promise<void>((r) => server.close(() => r()));
      } else {
        server = http.createServer(handler);
        await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
      }
    },
    eventIds: () => received.flatMap((d) => d.events.map((e) => e.webhookEventId)),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
export type SdkBot = Awaited<ReturnType<typeof startSdkBot>>;
