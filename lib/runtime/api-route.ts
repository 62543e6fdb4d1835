import type { Db } from "@/db/client";
import { clientIp } from "@/lib/auth/client-ip";
import { assertRole, requireActor, type Actor, type ApiKeyRole } from "@/lib/auth/require-actor";
import { actorOnChannel, channelRef, isConsoleAdmin, resolveChannel, type ChannelWithRole } from "@/lib/channel/access";
import type { ChannelLine } from "@/lib/line/insight";
import { recordAudit, type AuditAction } from "@/lib/platform/audit";
import { errorResponse, HttpError } from "@/lib/platform/http/errors";
import { refuseNul } from "@/lib/platform/http/parse";
import { getRuntime, type Runtime } from "./runtime";

export interface ApiContext<P> {
  req: Request;
  params: P;
  db: Db;
  /** The channel the request acts on (console-wide routes: the caller's first, for what they show of it). */
  channelId: number;
  channel: ChannelWithRole;
  /** LINE as this channel's bot (its clients are built when first called). */
  line: ChannelLine;
  /** With its role on that channel (console-wide routes: its console role). */
  actor: Actor;
  ip: string;
  /** What the server process is made of (auth, the live hub, …), for the few routes that need more than db. */
  runtime: Runtime;
  /** Append to the audit log as this actor. */
  audit(action: AuditAction, target?: string | null, details?: Record<string, unknown>): Promise<void>;
}

type RouteContext<P> = { params: Promise<P> };

/**
 * Every API route goes through here: who is asking (session or API key) and whether their role may,
 * then the handler, then errors mapped to status codes in one place. A handler returns a Response or
 * a plain object (sent as JSON 200). `beforeTwoFactor`: a member who must still set up two-factor
 * sign-in may call it (the routes that set it up, who am I).
 *
 * Every route acts on one channel (X-OA-Channel or ?channel=, else the caller's first), and `role` is
 * asked of the caller's role there — so a route cannot forget which channel it serves. `scope: "console"`
 * marks the few that concern the whole console (members, API keys, channels, security, backup, metrics,
 * one's own account): there `role` is asked of the console role, and no channel need be visible (an
 * API key made for some channels only is no console admin: it may not act for the others).
 */
export function apiRoute<P = Record<string, never>>(
  options: { role: ApiKeyRole; beforeTwoFactor?: boolean; scope?: "channel" | "console" },
  handler: (ctx: ApiContext<P>) => Promise<Response | object>,
) {
  return async (req: Request, route: RouteContext<P>): Promise<Response> => {
    try {
      const runtime = await getRuntime();
      const { db } = runtime;
      const console = options.scope === "console";
      const caller = await requireActor(runtime, req, console ? options.role : null, { beforeTwoFactor: options.beforeTwoFactor });
      // What needs more than a viewer of the console needs a console admin: a key made for some channels is none.
      if (console && caller.consoleRole === "admin" && options.role !== "viewer" && !(await isConsoleAdmin(db, caller))) throw notConsoleWide();
      const channel = console ? await consoleChannel(db, caller, req) : await resolveChannel(db, caller, channelRef(req));
      const actor = console ? caller : actorOnChannel(caller, channel.role);
      if (!console) assertRole(actor, options.role);
      const ip = clientIp(req.headers);
      const params = refuseNul(await route.params);
      const result = await handler({
        req,
        params,
        db,
        channelId: channel.id,
        channel,
        line: { channelId: channel.id, clients: runtime.line },
        actor,
        ip,
        runtime,
        audit: (action, target, details) => recordAudit(db, { actor, ip, action, target, details, channelId: console ? null : channel.id }),
      });
      return result instanceof Response ? result : Response.json(result);
    } catch (err) {
      return errorResponse(err, { requestId: req.headers.get("x-request-id") });
    }
  };
}

/** Routes anyone may call (first-run set-up, accepting an invitation): same error handling, no actor. */
export function publicApiRoute<P = Record<string, never>>(
  handler: (ctx: Omit<ApiContext<P>, "actor" | "audit" | "channel" | "channelId" | "line">) => Promise<Response | object>,
) {
  return async (req: Request, route: RouteContext<P>): Promise<Response> => {
    try {
      const runtime = await getRuntime();
      const result = await handler({
        req,
        params: refuseNul(await route.params),
        db: runtime.db,
        ip: clientIp(req.headers),
        runtime,
      });
      return result instanceof Response ? result : Response.json(result);
    } catch (err) {
      return errorResponse(err, { requestId: req.headers.get("x-request-id") });
    }
  };
}

// A console-wide route still says which channel the caller is looking at (the members page shows roles
// on it): the one named if visible, else the first; a caller with no channel gets a placeholder id.
async function consoleChannel(db: Db, actor: Actor, req: Request): Promise<ChannelWithRole> {
  try {
    return await resolveChannel(db, actor, channelRef(req));
  } catch {
    return NO_CHANNEL;
  }
}

function notConsoleWide() {
  return new HttpError(403, "forbidden", "This needs a console admin: an API key made for some channels only is not one (make a key for every channel)");
}

const NO_CHANNEL: ChannelWithRole = {
  id: 0,
  slug: "",
  name: "",
  lineChannelId: null,
  basicId: null,
  pictureUrl: null,
  tokenSource: "environment",
  tokenExpiresAt: null,
  archivedAt: null,
  createdAt: new Date(0),
  role: "viewer",
};
