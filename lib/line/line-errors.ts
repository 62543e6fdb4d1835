import { HTTPFetchError } from "@line/bot-sdk";
import { HttpError } from "@/lib/platform/http/errors";
import { LineNotConfiguredError } from "./clients";
import { lineErrorCode } from "./line-error-codes";

/**
 * Call LINE on behalf of an operator's request: LINE's refusals come back as our 4xx with LINE's own
 * message and details (a 400 stays 400, so the composer can show it next to the field); LINE being
 * down or unreachable is a 502.
 */
export async function askLine<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof LineNotConfiguredError) throw new HttpError(503, "line_not_configured", err.message);
    if (isHttpFetchError(err)) {
      let body: { message?: string; details?: Array<{ message?: string; property?: string }> } = {};
      try {
        body = JSON.parse(err.body);
      } catch {}
      const status = err.status >= 500 ? 502 : err.status === 401 ? 502 : err.status;
      throw new HttpError(
        status,
        lineErrorCode(err.status),
        body.message ?? `LINE answered ${err.status}`,
        body.details?.map((d) => ({ property: d.property ?? "", message: d.message ?? "" })),
      );
    }
    throw new HttpError(502, "line_unreachable", `LINE could not be reached: ${(err as Error).message}`);
  }
}

// The runtime's clients may come from another bundle's copy of the SDK (the server's start-up code is
// bundled apart from the routes), whose HTTPFetchError is another class: `instanceof` alone misses it.
function isHttpFetchError(err: unknown): err is HTTPFetchError {
  return (
    err instanceof HTTPFetchError ||
    (err instanceof Error && typeof (err as Partial<HTTPFetchError>).status === "number" && "statusText" in err && "body" in err)
  );
}
