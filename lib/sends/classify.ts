import { isHttpFetchError } from "@/lib/line/line-errors";

// What one call to LINE came to, and what to do next. LINE's documented behaviour (line-api.md §3):
// retry 5xx, timeouts and network errors with the same X-Line-Retry-Key; 409 means an earlier attempt
// with that key was accepted; 429 is a rate limit, the concurrency limit or the monthly quota, told
// apart only by the message; any other 4xx will not get better by retrying.

export type LineFailureReason =
  "monthly_quota" | "aggregation_unit" | "invalid_request" | "invalid_reply_token" | "unauthorized" | "forbidden" | "not_found" | "too_large" | "gave_up";

export type CallOutcome =
  | { kind: "accepted"; status: number; requestId: string | null; body: unknown }
  | { kind: "duplicate"; status: 409; requestId: string | null; acceptedRequestId: string | null; body: unknown }
  | { kind: "retry"; status: number | null; requestId: string | null; message: string }
  | { kind: "wait"; status: 429; requestId: string | null; reason: "rate_limit" | "concurrency"; message: string }
  | { kind: "failed"; status: number; requestId: string | null; reason: LineFailureReason; message: string; details?: unknown };

export function classifyError(err: unknown): CallOutcome {
  if (!isHttpFetchError(err)) {
    // fetch failed / timed out / connection reset: the request may or may not have reached LINE.
    return { kind: "retry", status: null, requestId: null, message: (err as Error)?.message ?? String(err) };
  }
  const requestId = err.headers.get("x-line-request-id");
  const body = parseBody(err.body);
  const message = typeof body?.message === "string" ? body.message : `${err.status} ${err.statusText}`;
  if (err.status === 409) {
    return { kind: "duplicate", status: 409, requestId, acceptedRequestId: err.headers.get("x-line-accepted-request-id"), body };
  }
  // The request's aggregation unit was refused — LINE's monthly budget of unit names is spent (whatever
  // status it says so with), or the name itself: the worker sends it again without (lib/sends/worker.ts).
  if (err.status >= 400 && err.status < 500 && aboutAggregationUnits(message, body?.details)) {
    return { kind: "failed", status: err.status, requestId, reason: "aggregation_unit", message, details: body?.details };
  }
  if (err.status === 429) {
    if (/monthly limit/i.test(message)) return { kind: "failed", status: 429, requestId, reason: "monthly_quota", message };
    if (/concurren/i.test(message)) return { kind: "wait", status: 429, requestId, reason: "concurrency", message };
    return { kind: "wait", status: 429, requestId, reason: "rate_limit", message };
  }
  if (err.status >= 500) return { kind: "retry", status: err.status, requestId, message };
  const reason: LineFailureReason =
    err.status === 401
      ? "unauthorized"
      : err.status === 403
        ? "forbidden"
        : err.status === 404
          ? "not_found"
          : err.status === 413
            ? "too_large"
            : /invalid reply token/i.test(message)
              ? "invalid_reply_token"
              : "invalid_request";
  return { kind: "failed", status: err.status, requestId, reason, message, details: body?.details };
}

function aboutAggregationUnits(message: string, details: unknown): boolean {
  if (/aggregation unit|customAggregationUnit/i.test(message)) return true;
  return Array.isArray(details) && details.some((d) => /customAggregationUnit/i.test(String((d as { property?: unknown })?.property ?? "")));
}

function parseBody(text: string): { message?: unknown; details?: unknown } | null {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
