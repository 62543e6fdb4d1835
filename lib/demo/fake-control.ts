import { env } from "@/lib/env.js";
import { HttpError } from "@/lib/platform/http/errors";

// Demo mode only: the console's own calls to the local fake LINE platform's control API (what a
// simulated friend does, what they received). Never reachable with real credentials: every caller
// goes through here, and this refuses unless the launcher started the fake (DEMO_MODE + FAKE_LINE_URL).

/** Which of the fake's channels: by its LINE channel id. */
export interface FakeChannelRef {
  lineChannelId: string | null;
}

/** The fake's first channel: the one the launcher's demo console is connected to. */
export const FIRST_FAKE_CHANNEL: FakeChannelRef = { lineChannelId: null };

export function demoEnabled(): boolean {
  const e = env();
  return e.DEMO_MODE && !!e.FAKE_LINE_URL;
}

/**
 * The fake's control API for one channel: the fake channel of the console channel's LINE channel id (the
 * fake's first when it has none, as the environment's channel of the launcher's demo has not).
 */
export async function fakeControl<T = unknown>(channel: FakeChannelRef, method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<T> {
  if (!demoEnabled()) throw new HttpError(404, "not_found", "The simulator exists only in demo mode");
  const base = channel.lineChannelId ? `/__fake/channels/${encodeURIComponent(channel.lineChannelId)}/` : "/__fake/";
  let res: Response;
  try {
    res = await fetch(new URL(`${base}${path}`, env().FAKE_LINE_URL), {
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
