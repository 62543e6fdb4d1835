// The shape of a LINE API route handler.
import type { IncomingHttpHeaders } from "node:http";
import type { RateClass } from "../options";
import type { Platform } from "../platform";
import { isObj, type Obj } from "../validation/checker";
import { parseJsonBody } from "./parse-json";
import { fail, lineError, type HttpReply } from "./reply";

export type RouteContext = {
  platform: Platform;
  requestId: string;
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
};

export type Route = {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  rateClass: RateClass;
  /** Only push, multicast, broadcast and narrowcast accept X-Line-Retry-Key. */
  retryKey?: boolean;
  /** The endpoint takes a JSON body (415 for another content type). */
  jsonBody?: boolean;
  handle(ctx: RouteContext): HttpReply | Promise<HttpReply>;
};

/** The request body as a JSON object (LINE's parse error for bad JSON, invalid-body error for non-objects). */
export function jsonObject(ctx: RouteContext): Obj {
  if (ctx.rawBody.length === 0) return fail(lineError(400, "The request body could not be parsed as JSON (line: 1, column: 1)"));
  const value = parseJsonBody(ctx.rawBody);
  if (!isObj(value)) return fail(lineError(400, "The request body could not be parsed as JSON (line: 1, column: 1)"));
  return value;
}
