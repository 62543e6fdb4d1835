import type { z } from "zod";
import type { Db } from "@/db/client";
import { getDatabase } from "@/db/instance";
import { recordAudit, type AuditAction } from "@/lib/audit/audit";
import { clientIp } from "@/lib/auth/client-ip";
import { requireActor, type Actor, type Role } from "@/lib/auth/require-actor";
import { ApiError, errorResponse } from "./errors";

export interface ApiContext<P> {
  req: Request;
  params: P;
  db: Db;
  channelId: number;
  actor: Actor;
  ip: string;
  /** Append to the audit log as this actor. */
  audit(action: AuditAction, target?: string | null, details?: Record<string, unknown>): Promise<void>;
}

type RouteContext<P> = { params: Promise<P> };

/**
 * Every API route goes through here: who is asking (session or API key) and whether their role may,
 * then the handler, then errors mapped to status codes in one place. A handler returns a Response or
 * a plain object (sent as JSON 200).
 */
export function apiRoute<P = Record<string, never>>(
  options: { role: Role },
  handler: (ctx: ApiContext<P>) => Promise<Response | object>,
) {
  return async (req: Request, route: RouteContext<P>): Promise<Response> => {
    try {
      const actor = await requireActor(req, options.role);
      const { handle, channelId } = await getDatabase();
      const ip = clientIp(req.headers);
      const db = handle.db;
      const result = await handler({
        req,
        params: await route.params,
        db,
        channelId,
        actor,
        ip,
        audit: (action, target, details) => recordAudit(db, { actor, ip, action, target, details }),
      });
      return result instanceof Response ? result : Response.json(result);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/** Routes anyone may call (first-run set-up, accepting an invitation): same error handling, no actor. */
export function publicApiRoute<P = Record<string, never>>(
  handler: (ctx: Omit<ApiContext<P>, "actor" | "audit">) => Promise<Response | object>,
) {
  return async (req: Request, route: RouteContext<P>): Promise<Response> => {
    try {
      const { handle, channelId } = await getDatabase();
      const result = await handler({ req, params: await route.params, db: handle.db, channelId, ip: clientIp(req.headers) });
      return result instanceof Response ? result : Response.json(result);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/** Parse URL search parameters with a schema; a ZodError names the bad parameter (400). */
export function parseSearchParams<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  const url = new URL(req.url);
  const raw: Record<string, string> = {};
  for (const [key, value] of url.searchParams) raw[key] = value;
  return schema.parse(raw);
}

/** Parse a JSON body with a schema: not JSON → 400, wrong shape → 400 naming the property. */
export async function parseJsonBody<S extends z.ZodType>(schema: S, req: Request): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON");
  }
  return schema.parse(body);
}
