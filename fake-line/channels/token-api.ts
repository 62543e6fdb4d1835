// LINE's channel access token API (developers.line.biz, "Channel access token"): issue a short-lived
// (v2, 30 days) or stateless (v3, 15 minutes) token with the channel id and secret, verify any token
// (v2 POST, v2.1 GET — the paths the SDK's ChannelAccessTokenClient calls), revoke (v2 / v2.1). Bodies are form-urlencoded; errors are OAuth-style {error, error_description}.
// No bearer token: the client id and secret are the credentials.
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody } from "../http/read-body";
import { maskHeaders } from "../http/request-log";
import type { Platform } from "../platform";
import type { AccessToken } from "./access-tokens";
import type { Channels } from "./channels";

type Reply = { status: number; body?: Record<string, unknown> };

const FORM = /^application\/x-www-form-urlencoded\b/i;
/** What verify reports for a token that never expires (LINE documents no value for it). */
const LONG_LIVED_EXPIRES_IN = 10 * 365 * 24 * 60 * 60;

export const TOKEN_API_PATHS = new Set([
  "/oauth2/v3/token",
  "/v2/oauth/accessToken",
  "/v2/oauth/revoke",
  "/oauth2/v2.1/verify",
  "/v2/oauth/verify",
  "/oauth2/v2.1/token",
  "/oauth2/v2.1/revoke",
  "/oauth2/v2.1/tokens/kid",
  "/oauth2/v2.1/tokens",
]);

/** Form fields and answer fields that are credentials: the request log keeps their last 4 characters only. */
const SECRET_FIELDS = new Set(["client_secret", "client_assertion", "access_token"]);

export async function serveTokenApi(channels: Channels, req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> {
  const started = performance.now();
  const raw = await readBody(req);
  const form = new URLSearchParams(raw.ok ? raw.body.toString("utf8") : "");
  const reply = raw.ok ? answer(channels, req, url, raw.body, form) : oauthError(413, "invalid_request", "request entity too large");
  const text = reply.body === undefined ? "" : JSON.stringify(reply.body);
  res.writeHead(reply.status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), "cache-control": "no-store" });
  res.end(text);
  // Logged in the request log of the channel the call is about (by client id or token), else the first.
  const token = form.get("access_token") ?? url.searchParams.get("access_token");
  const check = token ? channels.tokens.check(token, channels.first.clock.now()) : null;
  const p = channels.byId(form.get("client_id") ?? "") ?? (check && "entry" in check ? channels.byId(check.entry.channelId) : undefined) ?? channels.first;
  p.requestLog.add({
    requestId,
    time: new Date(p.clock.now()).toISOString(),
    method: req.method ?? "GET",
    path: url.pathname,
    query: masked(Object.fromEntries(url.searchParams)) as Record<string, string>,
    headers: maskHeaders(req.headers),
    body: form.size > 0 ? masked(Object.fromEntries(form)) : null,
    bodyTruncated: false,
    status: reply.status,
    response: reply.body === undefined ? null : masked(reply.body),
    durationMs: Math.round((performance.now() - started) * 10) / 10,
  });
  p.log(`${req.method} ${url.pathname} → ${reply.status} (${requestId}, token API)`);
}

function masked(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, SECRET_FIELDS.has(k) && typeof v === "string" ? `********${v.slice(-4)}` : v]));
}

function answer(channels: Channels, req: IncomingMessage, url: URL, body: Buffer, form: URLSearchParams): Reply {
  const method = req.method ?? "GET";
  const path = url.pathname;
  if (path === "/oauth2/v2.1/verify" && method === "GET") return verify(channels, url.searchParams.get("access_token"));
  if (path === "/oauth2/v2.1/tokens/kid" || path === "/oauth2/v2.1/tokens") return jwtNotModelled();
  if (method !== "POST") return { status: 405, body: { error: "invalid_request", error_description: "method not allowed" } };
  if (body.length > 0 && !FORM.test(String(req.headers["content-type"] ?? ""))) {
    return oauthError(400, "invalid_request", "content type must be application/x-www-form-urlencoded");
  }
  switch (path) {
    case "/oauth2/v3/token":
      return issue(channels, form, "stateless");
    case "/v2/oauth/accessToken":
      return issue(channels, form, "short-lived");
    case "/oauth2/v2.1/verify":
    case "/v2/oauth/verify":
      return verify(channels, form.get("access_token"));
    case "/v2/oauth/revoke":
      return revoke(channels, form.get("access_token"), null);
    case "/oauth2/v2.1/revoke": {
      const client = authenticate(channels, form);
      return "status" in client ? client : revoke(channels, form.get("access_token"), client.channelId);
    }
    default:
      return jwtNotModelled();
  }
}

/** v2.1 issue and the key-id listing need a JWT signed with the channel's assertion key. */
function jwtNotModelled(): Reply {
  return oauthError(
    400,
    "invalid_request",
    "JWT assertions (channel access token v2.1) are not modelled by the fake; use /oauth2/v3/token or /v2/oauth/accessToken",
  );
}

function issue(channels: Channels, form: URLSearchParams, kind: "short-lived" | "stateless"): Reply {
  const grant = form.get("grant_type");
  if (!grant) return oauthError(400, "invalid_request", "grant_type is required");
  if (grant !== "client_credentials") return oauthError(400, "unsupported_grant_type", `unsupported grant_type: ${grant}`);
  if (kind === "stateless" && form.has("client_assertion")) {
    return oauthError(400, "invalid_request", "JWT assertions are not modelled by the fake; send client_id and client_secret");
  }
  const client = authenticate(channels, form);
  if ("status" in client) return client;
  // One reading of the clock: a second one a millisecond later would answer 899 seconds, not LINE's 900.
  const now = client.clock.now();
  const token = channels.tokens.issue(client.channelId, kind, now);
  const body: Record<string, unknown> = { access_token: token.token, expires_in: secondsLeft(token, now), token_type: "Bearer" };
  // The v3 answer lists token_type first (LINE's example); key order does not matter to JSON clients.
  return { status: 200, body: kind === "stateless" ? { token_type: "Bearer", access_token: token.token, expires_in: body.expires_in } : body };
}

function verify(channels: Channels, token: string | null): Reply {
  if (!token) return oauthError(400, "invalid_request", "access_token is required");
  const now = channels.first.clock.now();
  const check = channels.tokens.check(token, now);
  if (check.state === "expired") return oauthError(400, "invalid_request", "access token expired");
  if (check.state !== "valid") return oauthError(400, "invalid_request", "invalid access token");
  return { status: 200, body: { client_id: check.entry.channelId, expires_in: secondsLeft(check.entry, now), scope: "" } };
}

/** LINE answers 200 even for a token it does not know; stateless tokens cannot be revoked. */
function revoke(channels: Channels, token: string | null, channelId: string | null): Reply {
  if (!token) return oauthError(400, "invalid_request", "access_token is required");
  const check = channels.tokens.check(token, channels.first.clock.now());
  // Nothing to revoke: LINE answers 200 for a token it does not know (expired and revoked ones alike).
  if (check.state !== "valid") return { status: 200 };
  if (channelId !== null && check.entry.channelId !== channelId) return { status: 200 };
  if (check.entry.kind === "stateless") return oauthError(400, "invalid_request", "stateless channel access tokens cannot be revoked");
  channels.tokens.revoke(token);
  return { status: 200 };
}

function authenticate(channels: Channels, form: URLSearchParams): Platform | Reply {
  const clientId = form.get("client_id");
  const secret = form.get("client_secret");
  if (!clientId) return oauthError(400, "invalid_request", "client_id is required");
  if (!secret) return oauthError(400, "invalid_request", "client_secret is required");
  const platform = channels.byId(clientId);
  if (!platform) return oauthError(400, "invalid_client", "invalid client_id");
  if (platform.channelSecret !== secret) return oauthError(400, "invalid_client", "invalid client_secret");
  return platform;
}

function secondsLeft(token: AccessToken, now: number): number {
  return token.expiresAt === null ? LONG_LIVED_EXPIRES_IN : Math.max(0, Math.floor((token.expiresAt - now) / 1000));
}

function oauthError(status: number, error: string, description: string): Reply {
  return { status, body: { error, error_description: description } };
}
