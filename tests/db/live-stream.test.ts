import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apiKeyRoute from "@/app/api/api-keys/[id]/route";
import * as apiKeysRoute from "@/app/api/api-keys/route";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as acceptRoute from "@/app/api/invitations/accept/route";
import * as invitationsRoute from "@/app/api/invitations/route";
import * as liveRoute from "@/app/api/live/route";
import * as meRoute from "@/app/api/me/route";
import * as sessionRoute from "@/app/api/me/sessions/[id]/route";
import * as sessionsRoute from "@/app/api/me/sessions/route";
import * as memberRoute from "@/app/api/members/[id]/route";
import * as setupRoute from "@/app/api/setup/route";
import { useProcessDatabase } from "../helpers/process-db";
import { RouteClient } from "../helpers/route-client";

// An open timeline's live stream (/api/live) must not outlive what let it in: signing out, an admin
// disabling the member, ending the session from another one, revoking the API key. The news travels
// as a database notice (every instance listens), so the stream ends at once, not at its next check.

const PASSWORD = "green-tea-latte-77";
const admin = new RouteClient("203.0.113.1");
let cleanup: () => Promise<void>;

beforeAll(async () => {
  cleanup = await useProcessDatabase();
  expect(
    (await admin.call(setupRoute.POST, "POST", "/api/setup", { body: { name: "Aiko Admin", email: "aiko@example.com", password: "plum-blossom-42-tea" } }))
      .status,
  ).toBe(201);
});
afterAll(() => cleanup());

describe("live stream", () => {
  it("ends when its member signs out", async () => {
    const ann = await member("ann@example.com");
    const live = await open(ann);
    expect((await ann.call(authRoute.POST, "POST", "/api/auth/sign-out", { body: {} })).status).toBe(200);
    expect(await live.ended()).toBe(true);
    expect((await ann.send(liveRoute.GET, "GET", "/api/live")).status).toBe(401);
  });

  it("ends when an admin disables the member", async () => {
    const bob = await member("bob@example.com");
    const live = await open(bob);
    const id = (await bob.call(meRoute.GET, "GET", "/api/me")).json.id as string;
    expect((await admin.call(memberRoute.PATCH, "PATCH", `/api/members/${id}`, { params: { id }, body: { disabled: true } })).status).toBe(200);
    expect(await live.ended()).toBe(true);
  });

  it("ends when its session is ended from another one, and only that session's stream", async () => {
    const laptop = await member("cat@example.com");
    const phone = new RouteClient("203.0.113.40");
    expect((await phone.call(authRoute.POST, "POST", "/api/auth/sign-in/email", { body: { email: "cat@example.com", password: PASSWORD } })).status).toBe(200);
    const onLaptop = await open(laptop);
    const onPhone = await open(phone);
    const sessions = (await phone.call(sessionsRoute.GET, "GET", "/api/me/sessions")).json.items as Array<{ id: string; current: boolean }>;
    const other = sessions.find((s) => !s.current)!;
    expect((await phone.call(sessionRoute.DELETE, "DELETE", `/api/me/sessions/${other.id}`, { params: { id: other.id } })).status).toBe(200);
    expect(await onLaptop.ended()).toBe(true);
    expect(await onPhone.ended(500)).toBe(false);
    onPhone.close();
  });

  it("ends when its API key is revoked", async () => {
    const created = await admin.call(apiKeysRoute.POST, "POST", "/api/api-keys", { body: { name: "wallboard", role: "viewer" } });
    const script = new RouteClient("198.51.100.50", created.json.key as string);
    const live = await open(script);
    const id = created.json.id as string;
    expect((await admin.call(apiKeyRoute.DELETE, "DELETE", `/api/api-keys/${id}`, { params: { id } })).status).toBe(200);
    expect(await live.ended()).toBe(true);
  });
});

async function member(email: string): Promise<RouteClient> {
  const res = await admin.call(invitationsRoute.POST, "POST", "/api/invitations", { body: { email, role: "viewer" } });
  const token = new URL(res.json.link as string).pathname.split("/").pop()!;
  const client = new RouteClient("203.0.113.30");
  expect(
    (await client.call(acceptRoute.POST, "POST", "/api/invitations/accept", { body: { token, name: email.split("@")[0], password: PASSWORD } })).status,
  ).toBe(201);
  return client;
}

// The stream as a browser holds it: open, first line read; ended() waits (2 s at most) for its end.
async function open(client: RouteClient) {
  const res = await client.send(liveRoute.GET, "GET", "/api/live");
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  expect(new TextDecoder().decode((await reader.read()).value)).toContain("retry:");
  const done = (async () => {
    while (!(await reader.read()).done);
    return true;
  })();
  return {
    ended: (withinMs = 2000) => Promise.race([done, new Promise<boolean>((r) => setTimeout(() => r(false), withinMs))]),
    close: () => void reader.cancel().catch(() => {}),
  };
}
