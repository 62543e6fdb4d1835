import type { APIRequestContext } from "@playwright/test";
import { FAKE_LINE_URL } from "../../playwright.config";

// The fake LINE platform's control API, to check what LINE actually received.

export async function fakeGet<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(`${FAKE_LINE_URL}${path}`);
  if (!res.ok()) throw new Error(`${path}: HTTP ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function fakePost<T>(request: APIRequestContext, path: string, data: unknown = {}): Promise<T> {
  const res = await request.post(`${FAKE_LINE_URL}${path}`, { data });
  if (!res.ok()) throw new Error(`${path}: HTTP ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface FakeFriend {
  userId: string;
  displayName: string;
  status: "following" | "blocked" | "none";
  gender: "male" | "female" | null;
  age: number | null;
  appType: "ios" | "android";
  area: string | null;
  subscriptionDays: number | null;
  thaiMinor: boolean;
}

export async function following(request: APIRequestContext): Promise<FakeFriend[]> {
  return (await fakeGet<{ users: FakeFriend[] }>(request, "/__fake/friends?status=following")).users;
}

export interface FakeRequest {
  requestId: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

export async function lineRequests(request: APIRequestContext, path: string): Promise<FakeRequest[]> {
  return (await fakeGet<{ requests: FakeRequest[] }>(request, `/__fake/requests?path=${encodeURIComponent(path)}`)).requests;
}

/** Change the fake's configuration (timings, quota, …) while it runs; returns the configuration before. */
export async function fakeConfig(request: APIRequestContext, patch: Record<string, unknown>): Promise<Record<string, unknown>> {
  const before = await fakeGet<Record<string, unknown>>(request, "/__fake/config");
  const res = await request.patch(`${FAKE_LINE_URL}/__fake/config`, { data: patch });
  if (!res.ok()) throw new Error(`/__fake/config: HTTP ${res.status()} ${await res.text()}`);
  return before;
}
