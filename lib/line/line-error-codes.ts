/**
 * Our codes for a failed call to LINE (errors.codes.* in the catalogues). Kept apart from line-errors.ts,
 * which needs the LINE SDK, so the browser can name a stored failure the same way.
 */
export const LINE_ERROR_CODES = [
  "line_not_configured",
  "line_unauthorized",
  "line_rate_limited",
  "line_unavailable",
  "line_refused",
  "line_unreachable",
] as const;
export type LineErrorCode = (typeof LINE_ERROR_CODES)[number];

/** The code for an HTTP status LINE answered with. */
export function lineErrorCode(status: number): LineErrorCode {
  return status === 401 ? "line_unauthorized" : status === 429 ? "line_rate_limited" : status >= 500 ? "line_unavailable" : "line_refused";
}
