import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apiKeyRoute from "@/app/api/api-keys/[id]/route";
import * as apiKeysRoute from "@/app/api/api-keys/route";
import * as auditRoute from "@/app/api/audit/route";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as eventsRoute from "@/app/api/events/route";
import * as acceptRoute from "@/app/api/invitations/accept/route";
import * as invitationsRoute from "@/app/api/invitations/route";
import * as meRoute from "@/app/api/me/route";
import * as sessionRoute from "@/app/api/me/sessions/[id]/route";
import * as sessionsRoute from "@/app/api/me/sessions/route";
import * as memberRoute from "@/app/api/members/[id]/route";
import * as membersRoute from "@/app/api/members/route";
import * as setupRoute from "@/app/api/setup/route";
import { getRuntime } from "@/lib/runtime/runtime";
import { useProcessDatabase } from "../helpers/process-db";
import { RouteClient } from "../helpers/route-client";

const ADMIN = { name: "Aiko Admin", email: "aiko@example.com", password: "plum-blossom-42-tea" };
let cleanup: () => Promise<void>;
const admin = new RouteClient("203.0.113.1");

beforeAll(async () => {
  cleanup = await useProcessDatabase();
});
afterAll(() => cleanup());

async function signIn(client: RouteClient, email: string, password: string) {
  return client.call(authRoute.POST, "POST", "/api/auth/sign-in/email", { body: { email, password } });
}

async function invite(email: string, role: "viewer" | "operator" | "admin") {
  const res = await admin.call(invitationsRoute.POST, "POST", "/api/invitations", { body: { email, role } });
  expect(res.status).toBe(201);
  return new URL(res.json.link as string).pathname.split("/").pop()!;
}

async function member(email: string, role: "viewer" | "operator" | "admin", ip: string) {
  const token = await invite(email, role);
  const client = new RouteClient(ip);
  const res = await client.call(acceptRoute.POST, "POST", "/api/invitations/accept", {
    body: { token, name: email.split("@")[0], password: "green-tea-latte-77" },
  });
  expect(res.status).toBe(201);
  return client;
}

describe("accounts", () => {
  describe("first run", () => {
    it("asks for the first admin while no account exists, creates it and signs them in", async () => {
      expect((await admin.call(setupRoute.GET, "GET", "/api/setup")).json).toEqual({ needsSetup: true });
      const res = await admin.call(setupRoute.POST, "POST", "/api/setup", { body: ADMIN });
      expect(res.status).toBe(201);
      expect(admin.hasSession).toBe(true);
      expect((await admin.call(meRoute.GET, "GET", "/api/me")).json).toMatchObject({ email: ADMIN.email, role: "admin" });
      expect((await admin.call(setupRoute.GET, "GET", "/api/setup")).json).toEqual({ needsSetup: false });
    });

    it("refuses a second first admin", async () => {
      const res = await new RouteClient().call(setupRoute.POST, "POST", "/api/setup", { body: { ...ADMIN, email: "mallory@example.com" } });
      expect(res.status).toBe(409);
    });

    it("names the bad field of a weak set-up form", async () => {
      const res = await new RouteClient().call(setupRoute.POST, "POST", "/api/setup", { body: { name: "x", email: "not-email", password: "short" } });
      expect(res.status).toBe(400);
      expect(res.json.details.map((d: { property: string }) => d.property).sort()).toEqual(["email", "password"]);
    });
  });

  describe("signing in", () => {
    it("gives a session cookie that is HttpOnly and SameSite=Lax", async () => {
      const client = new RouteClient("198.51.100.7");
      const res = await signIn(client, ADMIN.email, ADMIN.password);
      expect(res.status).toBe(200);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith("oa.session="))!;
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
    });

    it("answers a wrong password and an unknown account with the same message", async () => {
      const wrong = await signIn(new RouteClient("198.51.100.8"), ADMIN.email, "not-the-password-1");
      const unknown = await signIn(new RouteClient("198.51.100.8"), "nobody@example.com", "not-the-password-1");
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.json.message).toBe(unknown.json.message);
    });

    it("slows a guesser down with growing delays, even when they then guess right", async () => {
      const guesser = new RouteClient("192.0.2.66");
      for (let i = 0; i < 5; i++) expect((await signIn(guesser, ADMIN.email, `guess-number-${i}-x`)).status).toBe(401);
      const sixth = await signIn(guesser, ADMIN.email, ADMIN.password);
      expect(sixth.status).toBe(429);
      expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);
    });

    it("does not lock the real user out from their own address", async () => {
      expect((await signIn(new RouteClient("203.0.113.1"), ADMIN.email, ADMIN.password)).status).toBe(200);
    });

    it("slows a guesser who spreads over many addresses, but not the owner's known address", async () => {
      for (let i = 0; i < 12; i++) await signIn(new RouteClient(`192.0.2.${100 + i}`), ADMIN.email, `spread-guess-${i}-x`);
      expect((await signIn(new RouteClient("192.0.2.200"), ADMIN.email, ADMIN.password)).status).toBe(429);
      expect((await signIn(new RouteClient("203.0.113.1"), ADMIN.email, ADMIN.password)).status).toBe(200);
    });
  });

  describe("roles", () => {
    let operator: RouteClient;
    let viewer: RouteClient;
    beforeAll(async () => {
      operator = await member("otto@example.com", "operator", "203.0.113.20");
      viewer = await member("vera@example.com", "viewer", "203.0.113.21");
    });

    it("lets an invited operator in with the invitation's role", async () => {
      expect((await operator.call(meRoute.GET, "GET", "/api/me")).json).toMatchObject({ email: "otto@example.com", role: "operator" });
      expect((await operator.call(eventsRoute.GET, "GET", "/api/events")).status).toBe(200);
    });

    it("keeps members and API keys to admins", async () => {
      expect((await operator.call(membersRoute.GET, "GET", "/api/members")).status).toBe(403);
      expect((await viewer.call(apiKeysRoute.POST, "POST", "/api/api-keys", { body: { name: "x", role: "admin" } })).status).toBe(403);
      expect((await admin.call(membersRoute.GET, "GET", "/api/members")).json.items).toHaveLength(3);
    });

    it("uses an invitation once", async () => {
      const token = await invite("once@example.com", "viewer");
      const first = await new RouteClient().call(acceptRoute.POST, "POST", "/api/invitations/accept", {
        body: { token, name: "Once", password: "green-tea-latte-77" },
      });
      const second = await new RouteClient().call(acceptRoute.POST, "POST", "/api/invitations/accept", {
        body: { token, name: "Twice", password: "green-tea-latte-77" },
      });
      expect(first.status).toBe(201);
      expect(second.status).toBe(404);
    });

    it("refuses an expired invitation", async () => {
      const token = await invite("late@example.com", "viewer");
      const { handle } = await getRuntime();
      await handle.db.execute(sql`update invitations set expires_at = now() - interval '1 minute' where email = 'late@example.com'`);
      const res = await new RouteClient().call(acceptRoute.POST, "POST", "/api/invitations/accept", {
        body: { token, name: "Late", password: "green-tea-latte-77" },
      });
      expect(res.status).toBe(404);
    });

    it("ends a disabled member's sessions at once and keeps them out", async () => {
      const dan = await member("dan@example.com", "operator", "203.0.113.30");
      const id = (await dan.call(meRoute.GET, "GET", "/api/me")).json.id as string;
      expect((await admin.call(memberRoute.PATCH, "PATCH", `/api/members/${id}`, { params: { id }, body: { disabled: true } })).status).toBe(200);
      expect((await dan.call(eventsRoute.GET, "GET", "/api/events")).status).toBe(401);
      expect((await signIn(new RouteClient("203.0.113.30"), "dan@example.com", "green-tea-latte-77")).status).toBe(401);
    });

    it("will not demote or disable the last admin", async () => {
      const id = (await admin.call(meRoute.GET, "GET", "/api/me")).json.id as string;
      expect((await admin.call(memberRoute.PATCH, "PATCH", `/api/members/${id}`, { params: { id }, body: { role: "viewer" } })).status).toBe(409);
    });
  });

  describe("API keys", () => {
    it("work like a session of their role until revoked", async () => {
      const created = await admin.call(apiKeysRoute.POST, "POST", "/api/api-keys", { body: { name: "ci", role: "viewer" } });
      expect(created.status).toBe(201);
      const key = created.json.key as string;
      const script = new RouteClient("198.51.100.50", key);
      expect((await script.call(eventsRoute.GET, "GET", "/api/events")).status).toBe(200);
      expect((await script.call(membersRoute.GET, "GET", "/api/members")).status).toBe(403);
      const listed = (await admin.call(apiKeysRoute.GET, "GET", "/api/api-keys")).json.items as Array<Record<string, unknown>>;
      expect(listed.find((k) => k.id === created.json.id)).toMatchObject({ name: "ci", lastUsedAt: expect.anything() });
      expect(JSON.stringify(listed)).not.toContain(key);
      const id = created.json.id as string;
      expect((await admin.call(apiKeyRoute.DELETE, "DELETE", `/api/api-keys/${id}`, { params: { id } })).status).toBe(200);
      expect((await script.call(eventsRoute.GET, "GET", "/api/events")).status).toBe(401);
    });

    it("refuses a made-up key", async () => {
      const res = await new RouteClient("198.51.100.51", "oak_" + "x".repeat(32)).call(eventsRoute.GET, "GET", "/api/events");
      expect(res.status).toBe(401);
    });
  });

  describe("guards", () => {
    it("answers 401 with a reason to an anonymous request", async () => {
      const res = await new RouteClient().call(eventsRoute.GET, "GET", "/api/events");
      expect(res.status).toBe(401);
      expect(res.json.code).toBe("unauthenticated");
    });

    it.each([
      ["another Origin", { origin: "https://evil.example" }],
      ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ])("refuses a cross-site state change (%s) even with a valid session", async (_, headers) => {
      const res = await admin.call(invitationsRoute.POST, "POST", "/api/invitations", { body: { email: "csrf@example.com", role: "admin" }, headers });
      expect(res.status).toBe(403);
      expect(res.json.code).toBe("cross_site");
    });
  });

  it("accepts a state change from the address the browser used, even when it is not APP_URL's", async () => {
    const res = await admin.call(invitationsRoute.POST, "POST", "/api/invitations", {
      body: { email: "alias@example.com", role: "viewer" },
      headers: { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" },
    });
    expect(res.status).toBe(201);
  });

  describe("sessions", () => {
    it("lists the member's sessions and ends another one on the server", async () => {
      const laptop = new RouteClient("203.0.113.1");
      expect((await signIn(laptop, ADMIN.email, ADMIN.password)).status).toBe(200);
      const sessions = (await admin.call(sessionsRoute.GET, "GET", "/api/me/sessions")).json.items as Array<{ id: string; current: boolean }>;
      const other = sessions.filter((s) => !s.current);
      expect(sessions.filter((s) => s.current)).toHaveLength(1);
      for (const s of other) await admin.call(sessionRoute.DELETE, "DELETE", `/api/me/sessions/${s.id}`, { params: { id: s.id } });
      expect((await laptop.call(meRoute.GET, "GET", "/api/me")).status).toBe(401);
      expect((await admin.call(meRoute.GET, "GET", "/api/me")).status).toBe(200);
    });

    it("ends a session past its absolute lifetime even while in use", async () => {
      const old = new RouteClient("203.0.113.1");
      await signIn(old, ADMIN.email, ADMIN.password);
      const { handle } = await getRuntime();
      await handle.db.execute(
        sql`update session set created_at = now() - interval '8 days' where id in (select id from session order by created_at desc limit 1)`,
      );
      expect((await old.call(meRoute.GET, "GET", "/api/me")).status).toBe(401);
    });

    it("signs out on the server", async () => {
      const tab = new RouteClient("203.0.113.1");
      await signIn(tab, ADMIN.email, ADMIN.password);
      const cookie = [...(tab as unknown as { cookies: Map<string, string> }).cookies][0]!;
      expect((await tab.call(authRoute.POST, "POST", "/api/auth/sign-out", { body: {} })).status).toBe(200);
      const replay = new RouteClient("203.0.113.1");
      (replay as unknown as { cookies: Map<string, string> }).cookies.set(cookie[0], cookie[1]);
      expect((await replay.call(meRoute.GET, "GET", "/api/me")).status).toBe(401);
    });
  });

  describe("audit log", () => {
    it("records invitations, role changes and key events with who and from where", async () => {
      const res = await admin.call(auditRoute.GET, "GET", "/api/audit?limit=200");
      const actions = (res.json.items as Array<{ action: string; actorLabel: string; ip: string }>).map((e) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining(["setup.admin_created", "member.invited", "member.joined", "member.disabled", "api_key.created", "api_key.revoked"]),
      );
      const invited = (res.json.items as Array<{ action: string; actorLabel: string; ip: string }>).find((e) => e.action === "member.invited")!;
      expect(invited).toMatchObject({ actorLabel: `${ADMIN.name} <${ADMIN.email}>`, ip: "203.0.113.1" });
    });

    it("cannot be changed, even by the database's own user", async () => {
      const { handle } = await getRuntime();
      await expect(handle.db.execute(sql`update audit_log set action = 'nothing'`)).rejects.toThrow();
      await expect(handle.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    });
  });
});
