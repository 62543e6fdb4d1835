import type { Db } from "@/db/client";
import { clientIp } from "@/lib/auth/client-ip";
import { requireActor, type Actor, type ApiKeyRole } from "@/lib/auth/require-actor";
import { recordAudit, type AuditAction } from "@/lib/platform/audit";
import { errorResponse } from "@/lib/platform/http/errors";
import { refuseNul } from "@/lib/platform/http/parse";
import { getRuntime, type Runtime } from "./runtime";

export interface ApiContext<P> {
  req: Request;
  params: P;
  db: Db;
  channelId: number;
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
 */
export function apiRoute<P = Record<string, never>>(
  options: { role: ApiKeyRole; beforeTwoFactor?: boolean },
  handler: (ctx: ApiContext<P>) => Promise<Response | object>,
) {
  return async (req: Request, route: RouteContext<P>): Promise<Response> => {
    try {
      const runtime = await getRuntime();
      const { db, channelId } = runtime;
      const actor = await requireActor(runtime, req, options.role, { beforeTwoFactor: options.beforeTwoFactor });
      const ip = clientIp(req.headers);
      const params = refuseNul(await route.params);
      const result = await handler({
        req,
        params,
        db,
        channelId,
        actor,
        ip,
        runtime,
        audit: (action, target, details) => recordAudit(db, { actor, ip, action, target, details }),
      });
      return result instanceof Response ? result : Response.json(result);
    } catch (err) {
      return errorResponse(err, { requestId: req.headers.get("x-request-id") });
    }
  };
}

/** Routes anyone may call (first-run set-up, accepting an invitation): same error handling, no actor. */
export function publicApiRoute<P = Record<string, never>>(handler: (ctx: Omit<ApiContext<P>, "actor" | "audit">) => Promise<Response | object>) {
  return async (req: Request, route: RouteContext<P>): Promise<Response> => {
    try {
      const runtime = await getRuntime();
      const result = await handler({
        req,
        params: refuseNul(await route.params),
        db: runtime.db,
        channelId: runtime.channelId,
        ip: clientIp(req.headers),
        runtime,
      });
      return result instanceof Response ? result : Response.json(result);
    } catch (err) {
      return errorResponse(err, { requestId: req.headers.get("x-request-id") });
    }
  };
}
