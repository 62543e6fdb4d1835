import http from "node:http";
import https from "node:https";
import { guardedLookup, refuseLiteralHost } from "./url-guard";

const HEAD_BYTES = 2048;
// Past this the answer is not read further (its first 2 KB are kept); the connection is dropped.
const READ_AT_MOST = 64 * 1024;

export interface BotAnswer {
  statusCode: number | null;
  /** The first 2 KB of the answer's body. */
  head: string | null;
  /** Why there was no answer: timeout, refused connection, a refused address, … */
  error: string | null;
  durationMs: number;
  retryAfterMs: number | null;
}

/** One process-wide pair of keep-alive agents whose every connection passes the address rules. */
export function createBotAgents(options: { allowPrivate: boolean }) {
  const lookup = guardedLookup(options);
  const agentOptions = { keepAlive: true, maxSockets: 32, lookup };
  return { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions), allowPrivate: options.allowPrivate };
}
export type BotAgents = ReturnType<typeof createBotAgents>;

/** POST the bytes as LINE does (same content type and user agent), and what the bot answered. */
export function postToBot(agents: BotAgents, params: { url: string; body: Buffer; signature: string | null; timeoutMs: number }): Promise<BotAnswer> {
  const started = performance.now();
  const done = (a: Omit<BotAnswer, "durationMs">): BotAnswer => ({ ...a, durationMs: Math.round(performance.now() - started) });
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(params.url);
      refuseLiteralHost(url, agents);
    } catch (err) {
      return resolve(done({ statusCode: null, head: null, error: (err as Error).message, retryAfterMs: null }));
    }
    const client = url.protocol === "https:" ? https : http;
    const headers: Record<string, string | number> = {
      "content-type": "application/json; charset=utf-8",
      "content-length": params.body.length,
      "user-agent": "LineBotWebhook/2.0",
    };
    if (params.signature) headers["x-line-signature"] = params.signature;
    const req = client.request(url, {
      method: "POST",
      headers,
      agent: url.protocol === "https:" ? agents.https : agents.http,
      signal: AbortSignal.timeout(params.timeoutMs),
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let read = 0;
      res.on("data", (chunk: Buffer) => {
        if (read < HEAD_BYTES) chunks.push(chunk);
        read += chunk.length;
        if (read > READ_AT_MOST) res.destroy();
      });
      const finish = () =>
        resolve(
          done({
            statusCode: res.statusCode ?? null,
            head: Buffer.concat(chunks).subarray(0, HEAD_BYTES).toString("utf8"),
            error: null,
            retryAfterMs: retryAfter(res.headers["retry-after"]),
          }),
        );
      res.on("end", finish);
      res.on("close", finish);
      res.on("error", finish);
    });
    req.on("error", (err: NodeJS.ErrnoException) => {
      const error =
        err.name === "TimeoutError" || err.name === "AbortError"
          ? `no answer within ${params.timeoutMs} ms`
          : err.code
            ? `${err.code}: ${err.message}`
            : err.message;
      resolve(done({ statusCode: null, head: null, error, retryAfterMs: null }));
    });
    req.end(params.body);
  });
}

function retryAfter(value: string | string[] | undefined): number | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return null;
  const seconds = Number(v);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}
