// How the browser reaches the API. A server render does not come through here: a page reads with the
// same function its GET route calls (lib/runtime/page-read.ts) and hands the answer to the same queries.

import { CHANNEL_HEADER, currentChannelKey } from "./channel-path";

export type ApiFetch = (path: string, init?: { signal?: AbortSignal }) => Promise<Response>;

/** Every request names the tab's channel (its address says which): two tabs may be on two channels. */
export function channelHeaders(): Record<string, string> {
  const key = currentChannelKey();
  return key ? { [CHANNEL_HEADER]: key } : {};
}

export const browserFetch: ApiFetch = (path, init) => fetch(path, { signal: init?.signal, headers: { accept: "application/json", ...channelHeaders() } });

/** A problem with one property: LINE's own English message, or ours with its catalogue key (validation.*). */
export interface ApiErrorDetail {
  property: string;
  message: string;
  key?: string;
  values?: Record<string, string | number>;
}

/** An error answer from our API: `{code, message, details?}` plus the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ApiErrorDetail[],
    /** Seconds the server asked us to wait (429 Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export async function getJson<T>(api: ApiFetch, path: string, signal?: AbortSignal): Promise<T> {
  const res = await api(path, { signal });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (body ?? {}) as { code?: string; message?: string; details?: ApiErrorDetail[] };
    throw new ApiError(res.status, e.code ?? "http_error", e.message ?? `HTTP ${res.status}`, e.details);
  }
  return body as T;
}

export function withSearch(path: string, search: URLSearchParams): string {
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * A state-changing request from the browser (same origin, so the server's cross-site check passes).
 * Answers the JSON body; an error answer throws ApiError with the server's code and field details.
 */
export async function sendJson<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }), ...channelHeaders() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const e = (json ?? {}) as { code?: string; message?: string; details?: ApiErrorDetail[] };
    throw new ApiError(res.status, e.code ?? "http_error", e.message ?? `HTTP ${res.status}`, e.details, Number(res.headers.get("retry-after")) || undefined);
  }
  return json as T;
}

/** A server answer as JSON carries it: dates become ISO 8601 strings. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends Array<infer U>
    ? Array<Jsonified<U>>
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;
