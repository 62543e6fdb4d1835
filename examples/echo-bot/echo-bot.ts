// A sample LINE bot, written the way a bot developer writes one: @line/bot-sdk's middleware and
// Messaging API client on node:http, and nothing of oa-console. It stands for "your own bot" behind
// oa-console's relay (the demo forwards to it, the tests check the relay against it), so it must stay
// an ordinary bot: copy this folder anywhere, install @line/bot-sdk, and it runs.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { HTTPFetchError, JSONParseError, SignatureValidationFailed, messagingApi, middleware, type webhook } from "@line/bot-sdk";

export type EchoBotOptions = {
  /** 0 = any free port. */
  port: number;
  channelSecret: string;
  channelAccessToken: string;
  /** The Messaging API's base URL: a stand-in such as the fake LINE platform. Default: https://api.line.me */
  apiBaseUrl?: string;
  /** The interface to listen on. Default: every interface. */
  hostname?: string;
  /** Where refused requests and failed replies are reported. Default: console.error. */
  log?: (line: string) => void;
};

export type EchoBot = {
  /** The webhook URL to give LINE (or oa-console's relay), e.g. http://127.0.0.1:4020/callback */
  url: string;
  close(): Promise<void>;
};

const WEBHOOK_PATH = "/callback";
// A bot may only send stickers from LINE's list of sendable stickers, not the pack a friend used.
const STICKER: messagingApi.StickerMessage = { type: "sticker", packageId: "446", stickerId: "1988" };
// LINE refuses a text message longer than this (UTF-16 code units), and "Echo: " makes it longer.
const MAX_TEXT = 5000;

export async function startEchoBot(options: EchoBotOptions): Promise<EchoBot> {
  const log = options.log ?? ((line: string) => console.error(line));
  const client = new messagingApi.MessagingApiClient({ channelAccessToken: options.channelAccessToken, baseURL: options.apiBaseUrl });
  const verify = middleware({ channelSecret: options.channelSecret });
  const replying = new Set<Promise<void>>();

  const server = http.createServer((req, res) => {
    if (req.method !== "POST" || new URL(req.url ?? "/", "http://bot.local").pathname !== WEBHOOK_PATH) return answer(res, 404, "not found");
    verify(req as http.IncomingMessage & { body: unknown }, res, (err) => {
      if (err) return refuse(res, err, log);
      const body = (req as http.IncomingMessage & { body?: { events?: unknown } }).body;
      // LINE waits 2 s at most and counts anything slower as a failure: acknowledge, then reply.
      answer(res, 200);
      // LINE's Verify button (and a relay's test) sends no events at all.
      const events = Array.isArray(body?.events) ? (body.events as unknown[]).filter((e): e is webhook.Event => typeof e === "object" && e !== null) : [];
      for (const event of events) {
        const reply = replyTo(client, event).catch((e: unknown) => log(`[echo-bot] reply to a ${String(event.type)} event failed: ${describe(e)}`));
        replying.add(reply);
        void reply.finally(() => replying.delete(reply));
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: options.port, host: options.hostname }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost(options.hostname)}:${port}${WEBHOOK_PATH}`,
    close() {
      closed ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        // Replies already under way still land: their reply tokens would be of no use later.
        await Promise.allSettled(replying);
      })();
      return closed;
    },
  };
}

async function replyTo(client: messagingApi.MessagingApiClient, event: webhook.Event): Promise<void> {
  // In standby another channel owns the chat, and events without a reply token cannot be answered.
  if (event.mode === "standby" || !("replyToken" in event) || !event.replyToken) return;
  const message = answerFor(event);
  if (message) await client.replyMessage({ replyToken: event.replyToken, messages: [message] });
}

// A reply token can be used once, by whoever answers first. Like many bots that share a chat with people,
// this one answers only what is meant for it — a message that starts with "echo" — and leaves the rest to
// the team answering from the console.
const COMMAND = /^\s*echo\b[\s:：]*/i;

function answerFor(event: webhook.Event): messagingApi.Message | undefined {
  switch (event.type) {
    case "message":
      if (event.message.type === "text" && COMMAND.test(event.message.text)) {
        const rest = event.message.text.replace(COMMAND, "");
        return rest ? { type: "text", text: clip(`Echo: ${rest}`) } : STICKER;
      }
      return undefined;
    case "follow":
      return {
        type: "text",
        text: event.follow.isUnblocked
          ? 'Welcome back! Write "echo" and something, and I will say it back.'
          : 'Thanks for adding me! Write "echo" and something, and I will say it back.',
      };
    default:
      // Joins, postbacks, images… and event types LINE adds later: a bot ignores what it does not handle.
      return undefined;
  }
}

function refuse(res: http.ServerResponse, err: Error, log: (line: string) => void) {
  const status = err instanceof SignatureValidationFailed ? 401 : err instanceof JSONParseError ? 400 : 500;
  log(`[echo-bot] refused a webhook request (${status}): ${err.message}`);
  answer(res, status, err.message);
}

function answer(res: http.ServerResponse, status: number, message?: string) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(message ? { message } : {}));
}

function describe(err: unknown): string {
  if (!(err instanceof HTTPFetchError)) return err instanceof Error ? err.message : String(err);
  try {
    return `${err.status} ${(JSON.parse(err.body) as { message?: string }).message ?? err.body}`;
  } catch {
    return `${err.status} ${err.body.slice(0, 200)}`;
  }
}

// Cut at a code point, never inside a surrogate pair (an emoji cut in half is an invalid string).
function clip(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  const cut = text.slice(0, MAX_TEXT);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function urlHost(hostname: string | undefined): string {
  if (!hostname || hostname === "0.0.0.0" || hostname === "::") return "127.0.0.1";
  return hostname.includes(":") ? `[${hostname}]` : hostname;
}
