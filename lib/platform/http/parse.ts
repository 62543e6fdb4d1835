import type { z } from "zod";
import { HttpError } from "./errors";
import { API_MAX_NESTING, jsonNestingExceeds } from "./json-nesting";

// Reading a request the way every API route does: search parameters and JSON bodies through a zod
// schema (a ZodError becomes a 400 naming the property), NUL characters refused before any handler.

/** Parse URL search parameters with a schema; a ZodError names the bad parameter (400). */
export function parseSearchParams<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  const url = new URL(req.url);
  const raw: Record<string, string> = {};
  // ?channel= names the channel a request acts on (lib/runtime/api-route.ts has read it): no route's own.
  for (const [key, value] of url.searchParams) if (key !== "channel") raw[key] = value;
  return schema.parse(refuseNul(raw));
}

/**
 * Parse a JSON body with a schema: not JSON, nested absurdly deep or holding a NUL character → 400;
 * wrong shape → 400 naming the property.
 */
export async function parseJsonBody<S extends z.ZodType>(schema: S, req: Request): Promise<z.infer<S>> {
  let body: unknown;
  try {
    const bytes = new Uint8Array(await req.arrayBuffer());
    if (jsonNestingExceeds(bytes, API_MAX_NESTING)) {
      throw new HttpError(400, "json_too_deep", `The request body nests objects and arrays more than ${API_MAX_NESTING} levels deep`);
    }
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new HttpError(400, "invalid_json", "The request body is not valid JSON");
  }
  const nul = nulAt(body, "");
  if (nul !== null) throw nulError(nul || "body");
  return schema.parse(body);
}

// PostgreSQL's text cannot hold U+0000: a value with one failed in the database (500) wherever it went,
// a search, a cursor, a name. Refused here once, for every route, before any handler sees it.
export function refuseNul<T>(values: T): T {
  for (const [key, value] of Object.entries(values ?? {})) {
    if ((Array.isArray(value) ? value : [value]).some((v) => typeof v === "string" && v.includes("\u0000"))) throw nulError(key);
  }
  return values;
}

// Where a parsed body holds U+0000, in a value or a key (messages[0].text), or null. Bodies are at most
// API_MAX_NESTING deep by now, so the recursion is bounded.
function nulAt(value: unknown, path: string): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulAt(value[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (key.includes("\u0000")) return at;
      const found = nulAt(v, at);
      if (found !== null) return found;
    }
  }
  return null;
}

function nulError(property: string): HttpError {
  const message = "must not contain a NUL character (U+0000)";
  return new HttpError(400, "invalid_request", `The request has 1 error(s): ${property}: ${message}`, [
    { property, message, key: "validation.noNulCharacter" },
  ]);
}
