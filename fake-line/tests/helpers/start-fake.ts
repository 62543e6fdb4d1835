// Starts a fake on a random port with fast timings, plus SDK clients pointed at it and a small client
// for the control API. Every test file calls this in beforeAll and `close()` in afterAll.
import { HTTPFetchError, insight, manageAudience, messagingApi } from "@line/bot-sdk";
import type { FakeLineOptions } from "../../options";
import { startFakeLine, type FakeLine } from "../../server";

export type TestFake = {
  fake: FakeLine;
  api: messagingApi.MessagingApiClient;
  blob: messagingApi.MessagingApiBlobClient;
  insight: insight.InsightClient;
  audience: manageAudience.ManageAudienceClient;
  control: ControlClient;
  close(): Promise<void>;
};

export const FAST: FakeLineOptions = {
  port: 0,
  friends: 400,
  narrowcastPhaseMs: 60,
  audienceReadyMs: 40,
  contentPreparingMs: 150,
  webhookBatchWindowMs: 10,
  redeliveryIntervalMs: 40,
};

export async function startTestFake(options: FakeLineOptions = {}): Promise<TestFake> {
  const fake = await startFakeLine({ ...FAST, ...options });
  const config = { channelAccessToken: fake.channelAccessToken, baseURL: fake.url };
  return {
    fake,
    api: new messagingApi.MessagingApiClient(config),
    blob: new messagingApi.MessagingApiBlobClient(config),
    insight: new insight.InsightClient(config),
    audience: new manageAudience.ManageAudienceClient(config),
    control: controlClient(fake.url),
    close: () => fake.close(),
  };
}

type Loose = Record<string, unknown>;

export type ControlClient = {
  get<T = Loose>(path: string): Promise<T>;
  post<T = Loose>(path: string, body?: unknown): Promise<T>;
  patch<T = Loose>(path: string, body: unknown): Promise<T>;
  del<T = Loose>(path: string): Promise<T>;
  /** Any method; returns status and parsed body without throwing. */
  raw(method: string, path: string, body?: unknown): Promise<{ status: number; body: Loose }>;
};

export function controlClient(base: string): ControlClient {
  const raw = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: Loose }> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const ok = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await raw(method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as T;
  };
  return {
    get: <T>(path: string) => ok<T>("GET", path),
    post: <T>(path: string, body?: unknown) => ok<T>("POST", path, body ?? {}),
    patch: <T>(path: string, body: unknown) => ok<T>("PATCH", path, body),
    del: <T>(path: string) => ok<T>("DELETE", path),
    raw,
  };
}

/** Awaits a promise that must reject with the SDK's HTTPFetchError; returns it with its parsed body. */
export type ErrorBody = messagingApi.ErrorResponse;

export async function httpError(promise: Promise<unknown>): Promise<HTTPFetchError & { json: ErrorBody }> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof HTTPFetchError) return Object.assign(err, { json: (err.body ? JSON.parse(err.body) : {}) as ErrorBody });
    throw err;
  }
  throw new Error("expected the request to fail");
}

/** Raw LINE API call (for what the SDK cannot express: bad bodies, retry keys on reply…). */
export async function lineFetch(
  fake: FakeLine,
  method: string,
  path: string,
  init: { body?: string | Uint8Array<ArrayBuffer>; headers?: Record<string, string>; token?: string | null } = {},
) {
  const headers: Record<string, string> = { ...(init.body !== undefined ? { "content-type": "application/json" } : {}), ...init.headers };
  if (init.token !== null) headers.authorization = `Bearer ${init.token ?? fake.channelAccessToken}`;
  const res = await fetch(`${fake.url}${path}`, { method, headers, body: init.body });
  const text = await res.text();
  let json: Loose = {};
  try {
    json = text ? (JSON.parse(text) as Loose) : {};
  } catch {
    json = {};
  }
  return { status: res.status, headers: res.headers, text, json };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` returns a value (not undefined/false) or the timeout passes. */
export async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 3000, stepMs = 15): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v as T;
    if (Date.now() > deadline) throw new Error("waitFor timed out");
    await sleep(stepMs);
  }
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
