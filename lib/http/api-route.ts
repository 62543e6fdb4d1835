import type { z } from "zod";
import type { Db } from "@/db/client";
import { getDatabase } from "@/db/instance";
import { requireActor, type Actor, type Role } from "@/lib/auth/require-actor";
import { errorResponse } from "./errors";

export interface ApiContext<P> {
  req: Request;
  params: P;
  db: Db;
  channelId: number;
  actor: Actor;
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
      const result = await handler({ req, params: await route.params, db: handle.db, channelId, actor });
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
