// How the fake answers a LINE API request, in LINE's order of checks: injected fault, bearer token,
// route, body size, rate limit, retry key, content type, then the endpoint itself. Every answer carries
// a fresh x-line-request-id and is written to the request log. The server has already found the channel
// the bearer token opens (`p`, with `authenticated`); a request no channel accepts runs on the first
// channel's faults and log and is answered 401.
import type { IncomingMessage, ServerResponse } from "node:http";
import { isUuid } from "../core/ids";
import type { Platform } from "../platform";
import type { Fault } from "./faults";
import { readBody } from "./read-body";
import { HttpError, MESSAGES, lineError, type HttpReply } from "./reply";
import { loggedBody, maskHeaders } from "./request-log";
import type { Route } from "./route";
import type { Router } from "./router";

export async function serveLineApi(
  p: Platform,
  authenticated: boolean,
  router: Router<Route>,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  requestId: string,
): Promise<void> {
  const started = performance.now();
  const method = req.method ?? "GET";
  const path = url.pathname;
  let raw: Buffer = Buffer.alloc(0);
  const finish = (reply: HttpReply | null) => {
    if (reply) writeReply(res, reply);
    logRequest(p, { req, url, requestId, raw, reply, started });
  };

  const before = p.faults.take(method, path, "before");
  if (before && before.kind !== "slow") {
    if (before.kind === "error") return finish(faultReply(before));
    drop(req, res, before);
    return finish(null);
  }
  if (before) await delay(before.delayMs ?? 1000);

  let reply: HttpReply;
  let acceptedKey: string | null = null;
  try {
    reply = await (async (): Promise<HttpReply> => {
      if (!authenticated) return { ...lineError(401, MESSAGES.invalidToken), headers: { "www-authenticate": 'Bearer error="invalid_token"' } };
      const { match, pathMatched } = router.match(method, path);
      if (!match) return pathMatched ? lineError(405, "Method not allowed") : lineError(404, MESSAGES.notFound);
      const body = await readBody(req);
      if (!body.ok) return lineError(413, "Request entity too large");
      raw = body.body;
      const route = match.route;
      const limit = p.config.rateLimits[route.rateClass];
      if (p.config.rateLimiting && !p.rateLimiter.take(`${method} ${route.path}`, limit, p.clock.now())) return lineError(429, MESSAGES.rateLimit);
      const retryKey = header(req, "x-line-retry-key");
      if (retryKey !== undefined) {
        if (!route.retryKey) return lineError(400, "X-Line-Retry-Key is not supported for this API");
        if (!isUuid(retryKey)) return lineError(400, "The value for the 'X-Line-Retry-Key' header is invalid");
        const seen = p.retryKeys.lookup(retryKey, p.clock.now());
        if (seen) {
          const body409: Record<string, unknown> = { message: MESSAGES.retryKeyAccepted };
          if (seen.state === "accepted" && seen.sentMessages) body409.sentMessages = seen.sentMessages;
          return { status: 409, body: body409, headers: { "x-line-accepted-request-id": seen.requestId } };
        }
        p.retryKeys.hold(retryKey, requestId, p.clock.now());
        acceptedKey = retryKey;
      }
      const contentType = header(req, "content-type") ?? "";
      if (route.jsonBody && raw.length > 0 && !/^application\/json\b/i.test(contentType)) {
        return lineError(415, `The content type, ${contentType || "(none)"}, is not supported`);
      }
      return route.handle({ platform: p, requestId, method, path, query: url.searchParams, params: match.params, headers: req.headers, rawBody: raw });
    })();
  } catch (err) {
    if (err instanceof HttpError) reply = err.reply;
    else {
      p.log(`internal error on ${method} ${path}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      reply = lineError(500, MESSAGES.internal);
    }
  }

  if (acceptedKey !== null) {
    if (reply.status >= 200 && reply.status < 300) {
      const sent = (reply.body as { sentMessages?: { id: string; quoteToken?: string }[] } | undefined)?.sentMessages;
      p.retryKeys.accept(acceptedKey, { requestId, acceptedAt: p.clock.now(), sentMessages: sent });
    } else {
      p.retryKeys.release(acceptedKey);
    }
  }

  const after = p.faults.take(method, path, "after");
  if (after?.kind === "slow") await delay(after.delayMs ?? 1000);
  else if (after?.kind === "error") reply = faultReply(after);
  else if (after) {
    drop(req, res, after);
    return finish(null);
  }
  finish(reply);
}

function writeReply(res: ServerResponse, reply: HttpReply): void {
  if (res.headersSent || res.destroyed) return;
  for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
  if (reply.bytes) {
    res.writeHead(reply.status, { "content-type": reply.contentType ?? "application/octet-stream", "content-length": reply.bytes.length });
    res.end(reply.bytes);
    return;
  }
  const text = reply.body === undefined ? "" : JSON.stringify(reply.body);
  res.writeHead(reply.status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function faultReply(fault: Fault): HttpReply {
  const status = fault.status ?? 500;
  if (fault.body !== undefined) return { status, body: fault.body };
  if (status === 429) return lineError(429, MESSAGES.rateLimit);
  return lineError(status, status === 500 ? MESSAGES.internal : `Injected fault (${status})`);
}

/** "hang": hold the connection without answering, then drop it; "reset": drop it now. */
function drop(req: IncomingMessage, res: ServerResponse, fault: Fault): void {
  req.resume();
  if (fault.kind === "reset") {
    res.socket?.destroy();
    return;
  }
  const timer = setTimeout(() => res.socket?.destroy(), fault.delayMs ?? 5 * 60_000);
  timer.unref();
  res.on("close", () => clearTimeout(timer));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function logRequest(p: Platform, input: { req: IncomingMessage; url: URL; requestId: string; raw: Buffer; reply: HttpReply | null; started: number }): void {
  const { body, truncated } = loggedBody(input.raw, p.config.requestLogBodyLimit);
  const reply = input.reply;
  const status = reply?.status ?? 0;
  p.requestLog.add({
    requestId: input.requestId,
    time: new Date(p.clock.now()).toISOString(),
    method: input.req.method ?? "GET",
    path: input.url.pathname,
    query: Object.fromEntries(input.url.searchParams),
    headers: maskHeaders(input.req.headers),
    body,
    bodyTruncated: truncated,
    status,
    response: reply?.bytes ? { contentType: reply.contentType, bytes: reply.bytes.length } : (reply?.body ?? null),
    durationMs: Math.round((performance.now() - input.started) * 10) / 10,
  });
  p.log(`${input.req.method} ${input.url.pathname}${input.url.search} → ${status || "dropped"} (${input.requestId})`);
}
