import { ZodError } from "zod";
import { issueKey } from "@/lib/utils/issue-key";
import { log } from "../log";

/**
 * One problem with one property, LINE-style: `message` is English for API callers; `key` (and its
 * `values`) name the same problem in the catalogues (validation.*), so the console shows it translated.
 * Details that come from LINE have no key: LINE's own words are shown as they are.
 */
export interface ErrorDetail {
  property: string;
  message: string;
  key?: string;
  values?: Record<string, string | number>;
}

/** An error meant for the caller: status, a stable code the UI translates, and LINE-style details. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    /** Headers the answer carries (Retry-After on a 429). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const notFound = (what: string) => new HttpError(404, "not_found", `${what} was not found`);

/**
 * The one place errors become responses. An unexpected one is logged with the request's id, and the
 * 500 carries that id (and the X-Request-Id header has it) so an operator can find the log line.
 */
export function errorResponse(err: unknown, context: { requestId?: string | null } = {}): Response {
  if (err instanceof HttpError) {
    return Response.json(
      { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) },
      { status: err.status, headers: err.headers },
    );
  }
  if (err instanceof ZodError) {
    const details = zodDetails(err);
    return Response.json(
      {
        code: "invalid_request",
        message: `The request has ${details.length} error(s): ${details.map((d) => `${d.property}: ${d.message}`).join("; ")}`,
        details,
      },
      { status: 400 },
    );
  }
  const requestId = context.requestId ?? null;
  log().error({ scope: "api", reqId: requestId, err }, "unexpected error");
  return Response.json(
    { code: "internal_error", message: "Something went wrong on the server", ...(requestId ? { requestId } : {}) },
    { status: 500, ...(requestId ? { headers: { "x-request-id": requestId } } : {}) },
  );
}

export function zodDetails(err: ZodError): ErrorDetail[] {
  return err.issues.flatMap((i) => {
    const { key, values } = issueKey(i);
    const keyed = { key: `validation.${key}`, ...(values && Object.keys(values).length ? { values } : {}) };
    return i.code === "unrecognized_keys"
      ? i.keys.map((name) => ({ property: formatPath([...i.path, name]), message: "is not a known parameter", ...keyed }))
      : [{ property: formatPath(i.path) || "body", message: i.message, ...keyed }];
  });
}

// messages[0].text, the way LINE names properties.
function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), "");
}
