import { env } from "@/lib/env.js";
import { HttpError } from "@/lib/platform/http/errors";

// Demo mode only: the console's own calls to the local fake LINE platform's control API (what a
// simulated friend does, what they received). Never reachable with real credentials: every caller
// goes through here, and this refuses unless the launcher started the fake (DEMO_MODE + FAKE_LINE_URL).

export function demoEnabled(): boolean {
  const e = env();
  return e.DEMO_MODE && !!e.FAKE_LINE_URL;
}

/**
 * A call to the fake's control API, about one of its channels (`lineChannelId`, the console channel's
 * LINE channel id; without one, the fake's first channel — the environment's).
 */
export async function fakeControl<T = unknown>(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
  scope: { lineChannelId?: string | null } = {},
): Promise<T> {
  if (!demoEnabled()) throw new HttpError(404, "not_found", "The simulator exists only in demo mode");
  const url = new URL(`/__fake/${path}`, env().FAKE_LINE_URL);
  if (scope.lineChannelId) url.searchParams.set("channel", scope.lineChannelId);
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (err) {
    throw new HttpError(502, "fake_unreachable", `The fake LINE platform does not answer: ${(err as Error).message}`);
  }
  const json = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new HttpError(res.status === 404 ? 404 : 400, "fake_refused", json.error ?? `The fake answered ${res.status}`);
  return json as T;
}
