import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as auditRoute from "@/app/api/audit/route";
import * as acceptRoute from "@/app/api/invitations/accept/route";
import * as revokeRoute from "@/app/api/invitations/[id]/route";
import * as lookupRoute from "@/app/api/invitations/lookup/route";
import * as invitationsRoute from "@/app/api/invitations/route";
import * as membersRoute from "@/app/api/members/route";
import * as botRoute from "@/app/api/settings/channel/bot/route";
import * as channelRoute from "@/app/api/settings/channel/route";
import * as webhookRoute from "@/app/api/settings/channel/webhook/route";
import * as webhookTestRoute from "@/app/api/settings/channel/webhook/test/route";
import * as setupRoute from "@/app/api/setup/route";
import { getRuntime } from "@/lib/runtime/runtime";
import { startFakeLine, type FakeLine } from "@/fake-line/server";
import { useProcessDatabase } from "../helpers/process-db";
import { RouteClient } from "../helpers/route-client";

let fake: FakeLine;
let cleanup: () => Promise<void>;
const admin = new RouteClient("203.0.113.1");

beforeAll(async () => {
  fake = await startFakeLine({ port: 0, friends: 50 });
  cleanup = await useProcessDatabase({
    LINE_CHANNEL_SECRET: fake.channelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
    LINE_API_BASE_URL: fake.url,
    LINE_DATA_API_BASE_URL: fake.url,
  });
  const res = await admin.call(setupRoute.POST, "POST", "/api/setup", {
    body: { name: "Aiko Admin", email: "aiko@example.com", password: "plum-blossom-42-tea" },
  });
  expect(res.status).toBe(201);
});
afterAll(async () => {
  await cleanup();
  await fake.close();
});

async function auditOf(action: string) {
  return (await admin.call(auditRoute.GET, "GET", `/api/audit?action=${action}`)).json.items as Array<{
    target: string;
    details: Record<string, unknown>;
    actorLabel: string;
  }>;
}

async function invite(email: string, role: string) {
  const res = await admin.call(invitationsRoute.POST, "POST", "/api/invitations", { body: { email, role } });
  expect(res.status).toBe(201);
  return { id: res.json.id as string, token: new URL(res.json.link as string).pathname.split("/").pop()! };
}

describe("channel settings routes", () => {
  it("describe the credentials without ever sending them", async () => {
    const res = await admin.call(channelRoute.GET, "GET", "/api/settings/channel");
    expect(res.json).toMatchObject({
      configured: true,
      secretConfigured: true,
      tokenLast4: fake.channelAccessToken.slice(-4),
      webhookUrl: "http://console.test/api/line/webhook",
    });
    const text = JSON.stringify(res.json);
    expect(text).not.toContain(fake.channelSecret);
    expect(text).not.toContain(fake.channelAccessToken.slice(0, 20));
  });

  it("read the bot from LINE", async () => {
    const res = await admin.call(botRoute.GET, "GET", "/api/settings/channel/bot");
    expect(res.json).toMatchObject({ userId: fake.botUserId, chatMode: "bot" });
    expect(res.json.displayName).toBeTruthy();
  });

  it("pass LINE's refusal of an endpoint on, with LINE's words, and audit nothing", async () => {
    const res = await admin.call(webhookRoute.PUT, "PUT", "/api/settings/channel/webhook", { body: {} });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: "line_refused", details: [{ property: "endpoint", message: "Must be a valid HTTPS URL" }] });
    expect(await auditOf("settings.webhook_endpoint_set")).toHaveLength(0);
  });

  it("set the endpoint through LINE's API and record who did it", async () => {
    const endpoint = "https://oa.example.com/api/line/webhook";
    const res = await admin.call(webhookRoute.PUT, "PUT", "/api/settings/channel/webhook", { body: { endpoint } });
    expect(res.json).toEqual({ endpoint, active: true, matchesConsole: false });
    expect(fake.config.webhookUrl).toBe(endpoint);
    const [entry] = await auditOf("settings.webhook_endpoint_set");
    expect(entry).toMatchObject({ target: endpoint, actorLabel: "Aiko Admin <aiko@example.com>" });
  });

  it("run LINE's webhook test and record the outcome", async () => {
    const res = await admin.call(webhookTestRoute.POST, "POST", "/api/settings/channel/webhook/test", { body: {} });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ endpoint: "https://oa.example.com/api/line/webhook", success: false });
    expect(typeof res.json.reason).toBe("string");
    const [entry] = await auditOf("settings.webhook_tested");
    expect(entry!.details).toMatchObject({ success: false, statusCode: res.json.statusCode });
  });

  it("are for admins only", async () => {
    const { token } = await invite("otto@example.com", "operator");
    const operator = new RouteClient("203.0.113.20");
    await operator.call(acceptRoute.POST, "POST", "/api/invitations/accept", { body: { token, name: "Otto", password: "green-tea-latte-77" } });
    for (const [handler, method, path] of [
      [channelRoute.GET, "GET", "/api/settings/channel"],
      [botRoute.GET, "GET", "/api/settings/channel/bot"],
      [webhookRoute.GET, "GET", "/api/settings/channel/webhook"],
      [webhookRoute.PUT, "PUT", "/api/settings/channel/webhook"],
      [webhookTestRoute.POST, "POST", "/api/settings/channel/webhook/test"],
    ] as const) {
      expect((await operator.call(handler, method, path, { body: method === "GET" ? undefined : {} })).status, path).toBe(403);
    }
  });
});

describe("invitation lookup", () => {
  it("says who an open invitation is for, and by whom", async () => {
    const { token } = await invite("vera@example.com", "viewer");
    const res = await new RouteClient().call(lookupRoute.GET, "GET", `/api/invitations/lookup?token=${token}`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ email: "vera@example.com", role: "viewer", invitedBy: "Aiko Admin" });
  });

  it("answers every other token the same way", async () => {
    const revoked = await invite("gone@example.com", "viewer");
    await admin.call(revokeRoute.DELETE, "DELETE", `/api/invitations/${revoked.id}`, { params: { id: revoked.id } });
    const expired = await invite("late@example.com", "viewer");
    const { handle } = await getRuntime();
    await handle.db.execute(sql`update invitations set expires_at = now() - interval '1 minute' where email = 'late@example.com'`);
    const answers = [];
    for (const token of [revoked.token, expired.token, "A".repeat(43), "short", "", "%00"]) {
      const res = await new RouteClient().call(lookupRoute.GET, "GET", `/api/invitations/lookup?token=${encodeURIComponent(token)}`);
      answers.push([res.status, res.json]);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual([404, { code: "invitation_invalid", message: expect.any(String) }]);
  });
});

describe("members list", () => {
  it("says when each member was last active", async () => {
    const { items } = (await admin.call(membersRoute.GET, "GET", "/api/members")).json as { items: Array<{ email: string; lastActiveAt: string | null }> };
    expect(items.find((m) => m.email === "aiko@example.com")?.lastActiveAt).toEqual(expect.any(String));
  });
});
