import http from "node:http";
import type { AddressInfo } from "node:net";
import { middleware, SignatureValidationFailed } from "@line/bot-sdk";
import { E2E_LINE } from "../../playwright.config";

export interface ReceivedWebhook {
  signature: string;
  raw: string;
  body: { destination: string; events: Array<Record<string, unknown>> };
}

/**
 * A bot as a team writes one: @line/bot-sdk's middleware on node:http, checking x-line-signature with the
 * channel secret (401 when it does not match), on 127.0.0.1 and a free port. It keeps what it accepted.
 */
export async function startRelayBot() {
  const received: ReceivedWebhook[] = [];
  const verify = middleware({ channelSecret: E2E_LINE.channelSecret });
  const server = http.createServer(async (req, res) => {
    // The bytes as sent, kept for the test (the middleware reads rawBody when it is there, as on Cloud Functions).
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    Object.assign(req, { rawBody: Buffer.concat(chunks) });
    verify(req as http.IncomingMessage & { body: unknown }, res, (err) => {
      if (err) {
        res.writeHead(err instanceof SignatureValidationFailed ? 401 : 400).end(String(err.message));
        return;
      }
      const request = req as http.IncomingMessage & { body: ReceivedWebhook["body"]; rawBody?: Buffer };
      received.push({ signature: String(req.headers["x-line-signature"]), raw: request.rawBody?.toString("utf8") ?? "", body: request.body });
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    /** The events the bot accepted, across every request. */
    events: () => received.flatMap((r) => r.body.events ?? []),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
