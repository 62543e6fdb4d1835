import { ApiError, type ApiErrorDetail } from "./api-client";

/**
 * Codes whose `message` is LINE's own answer, passed through by our server (lib/line/line-errors.ts;
 * in demo mode the fake LINE platform stands in for LINE). Every other message is our server's English
 * for API callers: the console shows its catalogue text for the code instead.
 */
const LINE_WORDS = new Set(["line_refused", "line_unauthorized", "line_rate_limited", "line_unavailable", "fake_refused"]);

/** Codes the browser makes up itself: the server answered without one, or was not reached. */
export const CLIENT_ERROR_CODES = ["http_error", "network", "unknown"] as const;

export interface DescribedError {
  /** Our API's code; "network" when the server was not reached, "unknown" for anything else. */
  code: string;
  /** LINE's own (English) words, when the error came from LINE. */
  lineMessage?: string;
  /** The server's English message, for a code the catalogues do not know yet. */
  message?: string;
  details: ApiErrorDetail[];
}

export function describeError(err: unknown): DescribedError {
  if (err instanceof ApiError) {
    const fromLine = LINE_WORDS.has(err.code);
    return { code: err.code, ...(fromLine ? { lineMessage: err.message } : { message: err.message }), details: err.details ?? [] };
  }
  // fetch() rejects with a TypeError when the request never got an answer.
  if (err instanceof TypeError) return { code: "network", details: [] };
  return { code: "unknown", message: err instanceof Error ? err.message : undefined, details: [] };
}
