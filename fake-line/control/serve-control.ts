// Serves /__fake/… requests: JSON body in, JSON (or an image) out, errors as {"error": "…"}. A channel is
// addressed by a /__fake/channels/<channelId>/… prefix or a `channel` query parameter; without either,
// the first channel (so every path of a single-channel fake works as it always did).
import type { IncomingMessage, ServerResponse } from "node:http";
import { ActionError } from "../actors/user-actions";
import { readBody } from "../http/read-body";
import { Router } from "../http/router";
import type { Channels } from "../channels/channels";
import type { Platform } from "../platform";
import { channelRoutes } from "./channel-routes";
import { actionRoutes } from "./action-routes";
import { configRoutes } from "./config-routes";
import { engagementRoutes } from "./engagement-routes";
import { richMenuControlRoutes } from "./rich-menu-routes";
import { ControlError, isControlReply, type ControlReply, type ControlRoute } from "./control-route";
import { webhookRoutes } from "./webhook-routes";
import { worldRoutes } from "./world-routes";

const CONTROL_BODY_LIMIT = 16 * 1024 * 1024;

export function controlRouter(): Router<ControlRoute> {
  const router = new Router<ControlRoute>();
  for (const route of [...configRoutes, ...worldRoutes, ...actionRoutes, ...engagementRoutes, ...webhookRoutes, ...channelRoutes, ...richMenuControlRoutes])
    router.add(route.method, route.path, route);
  return router;
}

const PREFIX = /^\/__fake\/channels\/([^/]+)(\/.+)$/;

export async function serveControl(channels: Channels, router: Router<ControlRoute>, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  let reply: ControlReply;
  let p = channels.first;
  try {
    const prefixed = PREFIX.exec(url.pathname);
    const channelId = prefixed?.[1] ?? url.searchParams.get("channel");
    const path = prefixed ? `/__fake${prefixed[2]}` : url.pathname;
    if (channelId !== null && channelId !== undefined) p = pick(channels, channelId);
    const { match, pathMatched } = router.match(req.method ?? "GET", path);
    if (!match) throw new ControlError(pathMatched ? 405 : 404, pathMatched ? "Method not allowed" : `No control endpoint ${req.method} ${url.pathname}`);
    const raw = await readBody(req, CONTROL_BODY_LIMIT);
    if (!raw.ok) throw new ControlError(413, "Body too large");
    let body: unknown = undefined;
    if (raw.body.length > 0) {
      try {
        body = JSON.parse(raw.body.toString("utf8"));
      } catch {
        throw new ControlError(400, "The body is not valid JSON");
      }
    }
    const scoped = channelId !== null && channelId !== undefined;
    const result = await match.route.handle({ platform: p, channels, scoped, params: match.params, query: url.searchParams, body, req });
    reply = isControlReply(result) ? result : { status: 200, body: result };
  } catch (err) {
    if (err instanceof ControlError || err instanceof ActionError) reply = { status: err.status, body: { error: err.message } };
    else {
      p.log(`control error on ${req.method} ${url.pathname}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      reply = { status: 500, body: { error: err instanceof Error ? err.message : String(err) } };
    }
  }
  if (res.headersSent || res.destroyed) return;
  writeControlReply(res, reply);
}

function pick(channels: Channels, channelId: string): Platform {
  const p = channels.byId(channelId);
  if (!p) throw new ControlError(404, `No channel ${channelId}`);
  return p;
}

function writeControlReply(res: ServerResponse, reply: ControlReply): void {
  if (reply.bytes) {
    res.writeHead(reply.status, {
      "content-type": reply.contentType ?? "application/octet-stream",
      "content-length": reply.bytes.length,
      "cache-control": "public, max-age=3600",
    });
    res.end(reply.bytes);
    return;
  }
  const text = JSON.stringify(reply.body ?? {});
  res.writeHead(reply.status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
