import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhookChannelRoute from "@/app/api/line/webhook/[channel]/route";
import * as webhookRoute from "@/app/api/line/webhook/route";
import * as apiKeysRoute from "@/app/api/api-keys/route";
import * as auditRoute from "@/app/api/audit/route";
import * as backupRoute from "@/app/api/backup/route";
import * as memberRoute from "@/app/api/members/[id]/route";
import * as resetRoute from "@/app/api/members/[id]/password-reset/route";
import * as metricsRoute from "@/app/api/metrics/route";
import * as channelRoute from "@/app/api/channels/[key]/route";
import * as channelsRoute from "@/app/api/channels/route";
import * as acceptRoute from "@/app/api/invitations/accept/route";
import * as invitationsRoute from "@/app/api/invitations/route";
import * as liveRoute from "@/app/api/live/route";
import * as setupRoute from "@/app/api/setup/route";
import * as pushRoute from "@/app/api/messages/push/route";
import * as conversationSendRoute from "@/app/api/contacts/[userId]/messages/route";
import * as estimateRoute from "@/app/api/messages/estimate/route";
import { setChannelRole } from "@/db/queries/channels";
import { startFakeLine, type FakeLine } from "@/fake-line/server";
import { getRuntime } from "@/lib/runtime/runtime";
import { appRoutes, type AppRoute } from "../helpers/app-routes";
import { channelMarkers, channelRows, selectRows } from "../helpers/channel-rows";
import { control } from "../helpers/contacts";
import { useProcessDatabase } from "../helpers/process-db";
import { RouteClient } from "../helpers/route-client";
import { lineRequestIdOf, runSends, seedChannel, type Seeded, type SeedTarget } from "../helpers/two-channels";
import { webhookRequest } from "../helpers/webhook";

// Issue 23's promise, checked on every API route: with two LINE Official Accounts in one console, people
// and keys of one channel can read, change and send nothing of the other. The routes come from app/
// (appRoutes), so a route added tomorrow is walked too — and one with a dynamic segment this file has no
// value for fails the walk until it gets one.
//
// A is the environment's channel ("default"), B one added in Settings → Channels. At the fake LINE
// platform A is the *second* bot and B the first: whatever talks to "the fake's first channel", or to LINE
// with another channel's token than the request's, lands on B and is seen.

type Handler = (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;
type Params = Record<string, string | string[]>;

let fake: FakeLine;
let cleanup: () => Promise<void>;
let a: Seeded;
let b: Seeded;
let bMarkers: string[];
/** The console admin, who made B's sends and A's alike. */
let adminId: string;
let bRowsBefore: Record<string, string[]>;
let fakeBBefore: FakeState;

const admin = new RouteClient("203.0.113.1");
/** Channel A's people: an operator, an admin of A alone (not a console admin), an admin API key made for A. */
const operatorOfA = new RouteClient("203.0.113.20");
const adminOfA = new RouteClient("203.0.113.21");
let keyForA: RouteClient;
const walkers: Array<[string, RouteClient]> = [];
/** Every (method, route) some test here called. */
const exercised = new Set<string>();

const B_KEY = "shop-b";
const TEXT = [{ type: "text", text: "Opening at ten today" }];

beforeAll(async () => {
  fake = await startFakeLine({ port: 0, friends: 20, channels: [{ provider: "bangkok-retail-co" }, { provider: "taipei-cafe-co", sharedPeople: 0 }] });
  const [fakeB, fakeA] = fake.channels as [FakeLine["channels"][number], FakeLine["channels"][number]];
  cleanup = await useProcessDatabase({
    LINE_CHANNEL_ID: fakeA.channelId,
    LINE_CHANNEL_SECRET: fakeA.channelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: fakeA.channelAccessToken,
    LINE_API_BASE_URL: fake.url,
    LINE_DATA_API_BASE_URL: fake.url,
    RELAY_ALLOW_PRIVATE_URLS: "1",
    // The simulator's routes (app/api/demo) are walked too: they talk to the fake's control API.
    DEMO_MODE: "1",
    FAKE_LINE_URL: fake.url,
    DEMO_TRAFFIC: "0",
  });
  adminId = await signUp(admin, null, { name: "Aiko Admin", email: "aiko@example.com" });
  const added = await admin.call(channelsRoute.POST, "POST", "/api/channels", {
    body: { lineChannelId: fakeB.channelId, secret: fakeB.channelSecret, key: B_KEY, name: "Siam Shop B" },
  });
  expect(added.status, JSON.stringify(added.json)).toBe(201);

  const targets: Record<"a" | "b", SeedTarget> = {
    a: { key: "default", fake: fakeA, label: "Forest Café" },
    b: { key: B_KEY, fake: fakeB, label: "Siam Shop" },
  };
  a = await seedChannel(fake, admin, targets.a);
  b = await seedChannel(fake, admin, targets.b);
  await runSends();
  b.lineRequestId = await lineRequestIdOf(b.multicastSendId);

  await signUp(operatorOfA, "default", { name: "Mina Operator", email: "mina@example.com", role: "operator" });
  const dai = await signUp(adminOfA, "default", { name: "Dai Channel-Admin", email: "dai@example.com", role: "operator" });
  const { db } = await getRuntime();
  await setChannelRole(db, { channelId: a.channelId, userId: dai, role: "admin" });
  const key = await admin.call(apiKeysRoute.POST, "POST", "/api/api-keys", {
    body: { name: "a-automation", role: "admin", channels: ["default"] },
    headers: { "x-oa-channel": "default" },
  });
  expect(key.status).toBe(201);
  keyForA = new RouteClient("198.51.100.7", key.json.key as string);
  walkers.push(["an operator of A", operatorOfA], ["an admin of A", adminOfA], ["an admin key for A", keyForA]);

  // B's own: a member of B alone (signed in), an open invitation to B, a key for B.
  const bea = new RouteClient("203.0.113.30");
  b.memberId = await signUp(bea, B_KEY, { name: "Bea Shopkeeper", email: "bea@example.com", role: "operator" });
  b.memberSessionId = await sessionOf(b.memberId);
  const invited = await admin.call(invitationsRoute.POST, "POST", "/api/invitations", {
    body: { email: "bo-pending@example.com", role: "viewer" },
    headers: { "x-oa-channel": B_KEY },
  });
  b.invitationId = invited.json.id as string;
  const bKey = await admin.call(apiKeysRoute.POST, "POST", "/api/api-keys", {
    body: { name: "siam-shop-reports", role: "viewer", channels: [B_KEY] },
    headers: { "x-oa-channel": B_KEY },
  });
  b.apiKeyId = bKey.json.id as string;

  bMarkers = await markersOfBOnly(db);
}, 120_000);

afterAll(async () => {
  await cleanup();
  await fake.close();
});

describe("channel separation", () => {
  it("walks with real ids: on B, B's admin reads every object the walk names", async () => {
    expect(bMarkers).toEqual(expect.arrayContaining([b.userId, b.chatId, b.deliveryId, b.segmentId, b.draftId, b.tag, B_KEY]));
    for (const route of await walkable()) {
      if (!route.methods.includes("GET") || !route.pattern.includes("[") || kindOf(route) !== "channel") continue;
      const res = await request(admin, route, "GET", { channel: B_KEY, params: paramsFor(route, b), query: queryOnB(route, b) });
      expect.soft(res.status, `GET ${route.pattern} on B: ${res.text.slice(0, 200)}`).toBe(200);
    }
  });

  describe("every API route, as people and keys of channel A", () => {
    beforeAll(async () => {
      bRowsBefore = await channelRows((await getRuntime()).db, b.channelId);
      fakeBBefore = await fakeState(b);
    });

    it("answers 404 channel_not_found to any request naming channel B (header, ?channel= or the page it came from)", async () => {
      for (const route of await walkable()) {
        for (const method of route.methods) {
          for (const [who, client] of walkers) {
            for (const via of ["header", "query", "referer"] as const) {
              const res = await request(client, route, method, { channel: B_KEY, via, params: paramsFor(route, b), body: bodyFor(route, method, a, b) });
              const label = `${who}: ${method} ${route.pattern} naming B (${via})`;
              if (kindOf(route) === "channel") expect.soft([res.status, res.json?.code], label).toEqual([404, "channel_not_found"]);
              else expectNothingOfB(res, label);
            }
          }
          exercised.add(`${method} ${route.pattern}`);
        }
      }
    });

    it("refuses B's ids on channel A, and lists nothing of B", async () => {
      for (const route of await walkable()) {
        for (const method of route.methods) {
          const withIds = route.pattern.includes("[") && !ANSWERED_ON_A.has(route.pattern);
          const statuses: number[] = [];
          for (const [who, client] of walkers) {
            const res = await request(client, route, method, { channel: "default", params: paramsFor(route, b), body: bodyFor(route, method, a, b) });
            const label = `${who}: ${method} ${route.pattern} on A with B's ids`;
            statuses.push(res.status);
            expectNothingOfB(res, label);
            // Readiness answers 503 in a test process (its background work is not started).
            if (kindOf(route) !== "public") expect.soft(res.status, `${label} answered ${res.status}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
            if (withIds || REFUSED_BODIES.has(`${method} ${route.pattern}`))
              expect.soft(REFUSALS, `${label} answered ${res.status}: ${res.text.slice(0, 300)}`).toContain(res.status);
          }
          // The refusal came from the handler's channel filter, not only from a role check.
          if ((withIds || REFUSED_BODIES.has(`${method} ${route.pattern}`)) && kindOf(route) === "channel")
            expect
              .soft(
                statuses.some((s) => s !== 403),
                `${method} ${route.pattern}: every walker was refused by role`,
              )
              .toBe(true);
        }
      }
    });

    it("finds nothing of B with B's values in a list's filters", async () => {
      const routes = new Map((await walkable()).map((r) => [r.pattern, r]));
      for (const v of filterVariants(a, b)) {
        const route = routes.get(v.pattern);
        expect(route, v.pattern).toBeDefined();
        for (const [who, client] of walkers) {
          const res = await request(client, route!, v.method, { channel: "default", params: v.params ?? {}, query: v.query, body: v.body });
          const label = `${who}: ${v.method} ${v.pattern}${v.query ?? ""} ${JSON.stringify(v.body ?? "")}`;
          expectNothingOfB(res, label);
          if (v.refused) expect.soft(REFUSALS, `${label} answered ${res.status}: ${res.text.slice(0, 300)}`).toContain(res.status);
          else expect.soft(res.status, label).toBeLessThan(500);
          if (v.answer && res.status === 200) expect.soft(res.json, label).toMatchObject(v.answer);
        }
      }
    });

    it("makes an admin key for A no console admin: it cannot act for B through the console's routes", async () => {
      const as = (handler: Parameters<RouteClient["call"]>[0], method: string, path: string, body?: unknown, params?: Params) =>
        keyForA.call(handler, method, path, { body, params, headers: { "x-oa-channel": "default" } }).then((r) => [r.status, r.json?.code]);
      const refused = [403, "forbidden"];
      expect(await as(apiKeysRoute.POST, "POST", "/api/api-keys", { name: "for-b", role: "admin", channels: [B_KEY] })).toEqual(refused);
      expect(await as(invitationsRoute.POST, "POST", "/api/invitations", { email: "new-admin@example.com", role: "admin" })).toEqual(refused);
      expect(await as(backupRoute.POST, "POST", "/api/backup")).toEqual(refused);
      expect(await as(metricsRoute.GET, "GET", "/api/metrics")).toEqual(refused);
      expect(await as(memberRoute.PATCH, "PATCH", `/api/members/${b.memberId}`, { role: "admin" }, { id: b.memberId })).toEqual(refused);
      expect(await as(resetRoute.POST, "POST", `/api/members/${b.memberId}/password-reset`, {}, { id: b.memberId })).toEqual(refused);
      // Its own channel's audit log, without the console's entries (B's channel added, B's keys made).
      const audit = await keyForA.call(auditRoute.GET, "GET", "/api/audit", { headers: { "x-oa-channel": "default" } });
      expect(audit.status).toBe(200);
      expect((audit.json.items as Array<{ channelId: number | null }>).every((e) => e.channelId === a.channelId)).toBe(true);
    });

    it("estimates a re-delivery of B's narrowcast on A as one of a request id nobody sent", async () => {
      const estimate = (requestId: string) =>
        keyForA.call(estimateRoute.POST, "POST", "/api/messages/estimate", {
          body: { recipient: { type: "redelivery", requestId } },
          headers: { "x-oa-channel": "default" },
        });
      const ofB = await estimate(b.lineRequestId);
      const ofNobody = await estimate("00000000-0000-4000-8000-000000000000");
      expect(ofB.status).toBe(200);
      expect(ofB.json).toEqual(ofNobody.json);
    });

    it("changed no row of B, and nothing reached B's bot; what A sent went to A's bot", async () => {
      const { db } = await getRuntime();
      const aSendsBefore = (await control<{ sends: unknown[] }>(fake, "GET", `/__fake/channels/${a.lineChannelId}/sends`)).sends.length;
      await runSends();
      expect(await channelRows(db, b.channelId)).toEqual(bRowsBefore);
      expect(await fakeState(b)).toEqual(fakeBBefore);
      // The walk's sends on A (push, multicast, broadcast, narrowcast, test) were made by A's bot.
      expect((await control<{ sends: unknown[] }>(fake, "GET", `/__fake/channels/${a.lineChannelId}/sends`)).sends.length).toBeGreaterThan(aSendsBefore);
    });
  });

  describe("webhooks", () => {
    it("refuses B's URL signed with A's secret, and stores the refusal as B's", async () => {
      const { db } = await getRuntime();
      const body = JSON.stringify({ destination: a.botUserId, events: [] });
      const res = await webhookChannelRoute.POST(webhookRequest(body, { secret: a.secret, url: `http://console.test/api/line/webhook/${B_KEY}` }), {
        params: Promise.resolve({ channel: B_KEY }),
      });
      expect(res.status).toBe(401);
      const [row] = await selectRows<{ channel_id: number; status_code: number; reason: string }>(
        db,
        sql`select channel_id, status_code, reason from webhook_deliveries order by received_at desc, id desc limit 1`,
      );
      expect(row).toEqual({ channel_id: b.channelId, status_code: 401, reason: "invalid_signature" });
      exercised.add("POST /api/line/webhook/[channel]");
    });

    it("refuses A's URL (old and new) signed with B's secret", async () => {
      const body = JSON.stringify({ destination: b.botUserId, events: [] });
      const old = await webhookRoute.POST(webhookRequest(body, { secret: b.secret }));
      expect(old.status).toBe(401);
      const byKey = await webhookChannelRoute.POST(webhookRequest(body, { secret: b.secret, url: "http://console.test/api/line/webhook/default" }), {
        params: Promise.resolve({ channel: "default" }),
      });
      expect(byKey.status).toBe(401);
      exercised.add("POST /api/line/webhook");
    });

    it("stores B's signed delivery in B only", async () => {
      const { db } = await getRuntime();
      const count = async (channelId: number) =>
        (await selectRows<{ n: number }>(db, sql`select count(*)::int as n from events where channel_id = ${channelId}`))[0]!.n;
      const [beforeA, beforeB] = [await count(a.channelId), await count(b.channelId)];
      const events = await deliver(b, "written to B's URL");
      expect([await count(a.channelId), await count(b.channelId)]).toEqual([beforeA, beforeB + events.length]);
    });
  });

  describe("the live stream", () => {
    it("tells A's timeline of A's deliveries only", async () => {
      const res = await operatorOfA.send(liveRoute.GET, "GET", "/api/live", { headers: { "x-oa-channel": "default" } });
      expect(res.status).toBe(200);
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      await deliver(b, "written to B");
      await deliver(a, "written to A");
      let text = "";
      const deadline = Date.now() + 10_000;
      while (!text.includes("event: stored") && Date.now() < deadline) {
        const next = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), 500))]);
        if (next && !next.done) text += next.value;
      }
      await reader.cancel();
      const stored = [...text.matchAll(/event: stored\ndata: (.*)\n/g)].map((m) => JSON.parse(m[1]!) as { channelId: number });
      expect(stored.length).toBeGreaterThan(0);
      expect(stored.map((m) => m.channelId)).toEqual(stored.map(() => a.channelId));
    });
  });

  describe("an archived channel", () => {
    it("answers its webhook 410 and refuses its sends with 409 channel_archived", async () => {
      const queued = await admin.call(pushRoute.POST, "POST", "/api/messages/push", {
        body: { to: b.userId, messages: TEXT },
        headers: { "x-oa-channel": B_KEY },
      });
      expect(queued.status).toBe(202);
      const sentBefore = (await fakeState(b)).sends;
      const archived = await admin.call(channelRoute.PATCH, "PATCH", `/api/channels/${B_KEY}`, { params: { key: B_KEY }, body: { archived: true } });
      expect(archived.status).toBe(200);
      const body = JSON.stringify({ destination: b.botUserId, events: [] });
      const hook = await webhookChannelRoute.POST(webhookRequest(body, { secret: b.secret, url: `http://console.test/api/line/webhook/${B_KEY}` }), {
        params: Promise.resolve({ channel: B_KEY }),
      });
      expect(hook.status).toBe(410);
      const sent = await admin.call(pushRoute.POST, "POST", "/api/messages/push", {
        body: { to: b.userId, messages: TEXT },
        headers: { "x-oa-channel": B_KEY },
      });
      expect([sent.status, sent.json.code]).toEqual([409, "channel_archived"]);
      const answered = await admin.call(conversationSendRoute.POST, "POST", `/api/contacts/${b.userId}/messages`, {
        params: { userId: b.userId },
        body: { messages: TEXT, allowPush: true },
        headers: { "x-oa-channel": B_KEY },
      });
      expect([answered.status, answered.json.code]).toEqual([409, "channel_archived"]);
      // What was queued before the archive is not sent either: it fails, saying why.
      await runSends();
      const { db } = await getRuntime();
      const [send] = await selectRows<{ status: string; last_error: { reason: string } }>(
        db,
        sql`select s.status, c.last_error from sends s join send_chunks c on c.send_id = s.id where s.id = ${queued.json.id as string}`,
      );
      expect(send).toMatchObject({ status: "failed", last_error: { reason: "channel_archived" } });
      expect((await fakeState(b)).sends).toBe(sentBefore);
    });
  });

  it("walked every API route and method, and knows which are the console's", () => {
    const api = appRoutes().filter((r) => r.kind === "api");
    expect(api.flatMap((r) => r.methods.map((m) => `${m} ${r.pattern}`)).filter((k) => !exercised.has(k))).toEqual([]);
    const consoleWide = api.filter((r) => fs.readFileSync(r.file, "utf8").includes(`scope: "console"`)).map((r) => r.pattern);
    expect(consoleWide.sort()).toEqual([...CONSOLE_ROUTES].sort());
  });
});

// --- The routes, and what each is given -------------------------------------------------------------

/** Routes of the whole console (`scope: "console"`): a channel named is only a hint there. */
const CONSOLE_ROUTES = new Set([
  "/api/api-keys",
  "/api/api-keys/[id]",
  "/api/backup",
  "/api/channels",
  "/api/channels/[key]",
  "/api/invitations",
  "/api/invitations/[id]",
  "/api/me",
  "/api/me/password",
  "/api/me/sessions",
  "/api/me/sessions/[id]",
  "/api/me/two-factor",
  "/api/me/two-factor/confirm",
  "/api/me/two-factor/disable",
  "/api/me/two-factor/recovery-codes",
  "/api/members",
  "/api/members/[id]",
  "/api/members/[id]/password-reset",
  "/api/metrics",
  "/api/settings/security",
]);

/** Routes anyone may call (no caller, so no channel); the webhooks are tested on their own below. */
const PUBLIC_ROUTES = new Set([
  "/api/auth/[...all]",
  "/api/health",
  "/api/health/ready",
  "/api/invitations/accept",
  "/api/invitations/lookup",
  "/api/password-resets/accept",
  "/api/setup",
  "/bench/webhook-baseline",
]);
const WEBHOOKS = new Set(["/api/line/webhook", "/api/line/webhook/[channel]"]);

/**
 * Routes that answer B's values on A without refusing, and why that shows nothing of B. A friend's or
 * group's id is LINE's, not the console's: the same person can follow both channels under one id, so A
 * may address it — A's own (here empty) conversation, a send by A's bot (the walk checks nothing reached
 * B's bot).
 */
const ANSWERED_ON_A = new Map([
  ["/api/contacts/[userId]/conversation", "A's own conversation with that LINE user id"],
  ["/api/contacts/[userId]/messages", "a push by A's bot to that LINE user id"],
  ["/api/contacts/[userId]/read", "best effort, always 200 (nothing to mark in A)"],
  ["/api/contacts/[userId]/typing", "best effort, always 200 (the setting is off in A)"],
  ["/api/chats/[chatId]/conversation", "A's own conversation with that LINE group id"],
  ["/api/chats/[chatId]/messages", "a push by A's bot to that LINE group id"],
  ["/api/deliveries/[id]/relay", "what relay sent of that delivery in A: nothing"],
  ["/api/auth/[...all]", "better-auth's session of the caller"],
  ["/api/contacts/[userId]/rich-menu", "which of A's rich menus that LINE user id sees (A's bot asked)"],
]);

function kindOf(route: AppRoute): "channel" | "console" | "public" {
  return CONSOLE_ROUTES.has(route.pattern) ? "console" : PUBLIC_ROUTES.has(route.pattern) ? "public" : "channel";
}

/**
 * A dynamic segment's value, by the folder it sits under and its name ("events/[id]"): B's object of that
 * kind. A route nested under a known one gets its value; a new kind of segment fails the walk.
 */
const SEGMENT_VALUES: Record<string, (s: Seeded) => string | string[]> = {
  "api-keys/[id]": (s) => s.apiKeyId,
  "auth/[...all]": () => ["get-session"],
  "campaigns/[id]": (s) => s.campaignId,
  "channels/[key]": (s) => s.key,
  "chats/[chatId]": (s) => s.chatId,
  "chats/[...action]": () => ["members"],
  "contacts/[userId]": (s) => s.userId,
  "deliveries/[id]": (s) => s.deliveryId,
  "drafts/[id]": (s) => s.draftId,
  "events/[id]": (s) => String(s.eventId),
  "friends/[userId]": (s) => s.userId,
  "friends/[action]": () => "messages",
  "inbox/[chatId]": (s) => s.userId,
  "invitations/[id]": (s) => s.invitationId,
  "webhook/[channel]": (s) => s.key,
  "media/[messageId]": (s) => s.imageMessageId,
  "sessions/[id]": (s) => s.memberSessionId,
  "members/[id]": (s) => s.memberId,
  "messages/[id]": (s) => s.multicastSendId,
  "destinations/[id]": (s) => String(s.destinationId),
  "items/[id]": (s) => String(s.relayItemId),
  "replays/[id]": (s) => String(s.replayId),
  "segments/[id]": (s) => s.segmentId,
  "schedules/[id]": (s) => s.scheduleId,
  "test-recipients/[id]": (s) => s.testRecipientId,
  "rich-menus/[id]": (s) => s.richMenuId,
  "tabbed/[tabbedMenuId]": (s) => s.tabbedMenuId,
  "link-runs/[id]": (s) => s.linkRunId,
};

function paramsFor(route: AppRoute, s: Seeded): Params {
  const params: Params = {};
  let folder = "";
  for (const part of route.pattern.split("/").filter(Boolean)) {
    const m = /^\[(?:\.\.\.)?(.+)\]$/.exec(part);
    if (!m) {
      folder = part;
      continue;
    }
    const value = SEGMENT_VALUES[`${folder}/${part}`];
    if (!value) throw new Error(`${route.file}: no value for its segment ${part} under "${folder}" — add "${folder}/${part}" to SEGMENT_VALUES`);
    params[m[1]!] = value(s);
  }
  return params;
}

/** Request bodies: real ones where a route would stop at an empty body, B's ids where a body names objects. */
function bodyFor(route: AppRoute, method: string, a: Seeded, b: Seeded): unknown {
  if (method === "GET" || method === "HEAD") return undefined;
  const bodies: Record<string, unknown> = {
    "POST /api/messages/push": { to: a.userId, messages: TEXT },
    "POST /api/messages/multicast": { to: [a.userId], messages: TEXT },
    "POST /api/messages/broadcast": { messages: TEXT },
    "POST /api/messages/narrowcast": { messages: TEXT },
    "POST /api/messages/test": { messages: TEXT },
    "POST /api/messages/validate": { kind: "push", messages: TEXT },
    "POST /api/segments": { name: "Walked segment", filter: {} },
    "POST /api/segments/count": { filter: { tags: { values: [b.tag] } } },
    "POST /api/contacts/tags": { userIds: [b.userId], add: ["walked"] },
    "POST /api/drafts": { kind: "push", title: "Walked draft", body: {} },
    "POST /api/test-recipients": { userId: a.userIds[1], label: "Walked tester" },
    "POST /api/relay/destinations": { name: "walked-bot", url: "http://127.0.0.1:9/walked" },
    "POST /api/relay/replays": { scope: { kind: "event", eventId: b.eventId }, target: { destinationId: a.destinationId } },
    "POST /api/relay/replays/preview": { scope: { kind: "event", eventId: b.eventId }, target: { destinationId: a.destinationId } },
    "POST /api/demo/traffic": { ratePerSecond: 0.1, durationMs: 1000 },
    "PUT /api/settings/channel/webhook": { endpoint: "https://a.example.com/api/line/webhook" },
    "POST /api/settings/channel/webhook/test": { endpoint: "https://a.example.com/api/line/webhook" },
    "POST /api/api-keys": { name: "minted-for-b", role: "admin", channels: [b.key] },
    "POST /api/invitations": { email: "walked-admin@example.com", role: "admin" },
    "POST /api/chats/[chatId]/messages": { messages: TEXT, allowPush: true },
    "POST /api/contacts/[userId]/messages": { messages: TEXT, allowPush: true },
    "POST /api/events/[id]/reply": { messages: TEXT },
    "PUT /api/drafts/[id]": { kind: "push", title: "Taken over", body: {} },
    "POST /api/schedules": {
      kind: "push",
      request: { to: a.userId, messages: TEXT },
      runAt: new Date(Date.now() + 3_600_000).toISOString(),
      timeZone: "Asia/Tokyo",
    },
    "PATCH /api/schedules/[id]": { version: 1, title: "Taken over" },
    "POST /api/schedules/[id]/confirm": { action: "send" },
    "PATCH /api/segments/[id]": { name: "Renamed from A" },
    "POST /api/segments/[id]/audience": {},
    "PATCH /api/relay/destinations/[id]": { enabled: false },
    "POST /api/demo/friends/[userId]/[action]": { type: "text", text: "written from A" },
    "POST /api/demo/chats/[chatId]/[...action]": { newUsers: 1 },
    "PATCH /api/members/[id]": { disabled: true },
    "PATCH /api/channels/[key]": { archived: true },
    "DELETE /api/channels/[key]": { confirmName: "Siam Shop B" },
  };
  return bodies[`${method} ${route.pattern}`] ?? {};
}

/** What a route needs beside its path to answer B's admin (the simulator's menu image names LINE's menu). */
function queryOnB(route: AppRoute, b: Seeded): string | undefined {
  if (route.pattern === "/api/demo/friends/[userId]/richmenu/image") return `?richMenuId=${encodeURIComponent(b.lineRichMenuId)}`;
  return undefined;
}

/** A refusal that says nothing: not this channel's (404), not valid here (400), not for you (403), nothing to do (422). */
const REFUSALS = [400, 403, 404, 422];

/** Static routes whose body above names B's objects: refused like a path with B's ids. */
const REFUSED_BODIES = new Set(["POST /api/relay/replays"]);

interface Variant {
  method: string;
  pattern: string;
  query?: string;
  body?: unknown;
  params?: Params;
  /** B's object named: a refusal expected; otherwise any answer without B in it. */
  refused?: boolean;
  /** What an answer of 200 must say (at least). */
  answer?: Record<string, unknown>;
}

function filterVariants(a: Seeded, b: Seeded): Variant[] {
  // A replay of B's events is refused; its preview counts none of them.
  const replay = (scope: unknown, target: unknown): Variant[] => [
    { method: "POST", pattern: "/api/relay/replays", body: { scope, target }, refused: true },
    { method: "POST", pattern: "/api/relay/replays/preview", body: { scope, target }, answer: { count: 0 } },
  ];
  return [
    { method: "GET", pattern: "/api/events", query: `?userId=${b.userId}` },
    { method: "GET", pattern: "/api/events", query: `?groupId=${b.chatId}` },
    { method: "GET", pattern: "/api/events", query: `?q=${encodeURIComponent(b.text)}` },
    { method: "GET", pattern: "/api/events", query: `?minId=${b.eventId}&maxId=${b.eventId}` },
    { method: "GET", pattern: "/api/contacts", query: `?q=${b.userId}` },
    { method: "GET", pattern: "/api/contacts", query: `?tag=${encodeURIComponent(b.tag)}` },
    { method: "GET", pattern: "/api/contacts", query: `?segmentId=${b.segmentId}`, refused: true },
    { method: "GET", pattern: "/api/contacts/export", query: `?segmentId=${b.segmentId}`, refused: true },
    { method: "GET", pattern: "/api/chats", query: `?q=${b.chatId}` },
    { method: "GET", pattern: "/api/messages", query: `?author=${adminId}` },
    { method: "POST", pattern: "/api/messages/multicast", body: { segmentId: b.segmentId, messages: TEXT }, refused: true },
    { method: "POST", pattern: "/api/messages/push", body: { to: b.chatId, messages: TEXT } },
    ...replay({ kind: "delivery", deliveryId: b.deliveryId }, { destinationId: a.destinationId }),
    ...replay({ kind: "event", eventId: a.eventId }, { destinationId: b.destinationId }),
    ...replay({ kind: "event", eventId: b.eventId }, { url: "http://127.0.0.1:9/one-off" }),
    ...replay({ kind: "filter", filter: { userId: b.userId } }, { destinationId: a.destinationId }),
    {
      method: "GET",
      pattern: "/api/relay/destinations/[id]/items",
      params: { id: String(a.destinationId) },
      query: `?before=${b.relayItemId + 1}`,
    },
  ];
}

// --- Calling, and looking for B ------------------------------------------------------------------------

interface Answer {
  status: number;
  text: string;
  json: Record<string, unknown> | undefined;
  /** What the request itself said (an answer may repeat it). */
  asked: string;
}

const modules = new Map<string, Record<string, Handler>>();
async function handlerOf(route: AppRoute, method: string): Promise<Handler> {
  let mod = modules.get(route.file);
  if (!mod) modules.set(route.file, (mod = (await import(/* @vite-ignore */ path.resolve(route.file))) as Record<string, Handler>));
  const handler = mod[method];
  if (!handler) throw new Error(`${route.file} exports no ${method}`);
  return handler;
}

async function request(
  client: RouteClient,
  route: AppRoute,
  method: string,
  opts: { channel: string; via?: "header" | "query" | "referer"; params: Params; query?: string; body?: unknown },
): Promise<Answer> {
  let url = route.pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => {
    const v = opts.params[name];
    return Array.isArray(v) ? v.map(encodeURIComponent).join("/") : encodeURIComponent(v ?? "");
  });
  if (opts.query) url += opts.query;
  const headers: Record<string, string> = {};
  if (opts.via === "query") url += `${url.includes("?") ? "&" : "?"}channel=${opts.channel}`;
  else if (opts.via === "referer") headers.referer = `http://console.test/channels/${opts.channel}/events`;
  else headers["x-oa-channel"] = opts.channel;
  const res = await client.send(await handlerOf(route, method), method, url, { params: opts.params, body: opts.body, headers });
  let text = "";
  // The live stream never ends by itself: its status and headers are the answer.
  if ((res.headers.get("content-type") ?? "").includes("text/event-stream")) await res.body?.cancel();
  else text = await res.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {}
  return { status: res.status, text, json, asked: `${url} ${JSON.stringify(opts.params)} ${JSON.stringify(opts.body ?? null)}` };
}

function expectNothingOfB(res: Answer, label: string) {
  const seen = bMarkers.filter((m) => res.text.includes(m) && !res.asked.includes(m));
  expect.soft(seen, `${label} answered ${res.status} with B's ${seen.join(", ")}: ${res.text.slice(0, 400)}`).toEqual([]);
}

/** Every API route but the webhooks (their own tests below), each file's module loaded once. */
let walkableRoutes: AppRoute[] | undefined;
async function walkable(): Promise<AppRoute[]> {
  walkableRoutes ??= appRoutes().filter((r) => r.kind === "api" && !WEBHOOKS.has(r.pattern));
  return walkableRoutes;
}

/** B's distinctive values that appear nowhere in A (a name both happen to share is no sign of a leak). */
async function markersOfBOnly(db: Parameters<typeof channelRows>[0]): Promise<string[]> {
  const aText = JSON.stringify(await channelRows(db, a.channelId));
  return (await channelMarkers(db, b.channelId)).filter((m) => !aText.includes(m));
}

interface FakeState {
  requests: number;
  sends: number;
  usage: number;
  /** What its simulated friends did (the simulator's routes make them act). */
  events: number;
}

/** What channel B's bot has been asked and has sent, at the fake. */
async function fakeState(s: Seeded): Promise<FakeState> {
  const at = `/__fake/channels/${s.lineChannelId}`;
  const log = await control<{ requests: unknown[]; dropped: number }>(fake, "GET", `${at}/requests`);
  const sends = await control<{ sends: unknown[] }>(fake, "GET", `${at}/sends`);
  const quota = await control<{ totalUsage: number }>(fake, "GET", `${at}/quota`);
  const events = await control<{ events: unknown[] }>(fake, "GET", `${at}/webhook/events`);
  return { requests: log.requests.length + log.dropped, sends: sends.sends.length, usage: quota.totalUsage, events: events.events.length };
}

/** A friend of the channel writes, and the channel's webhook URL takes the delivery (signed with its secret). */
async function deliver(s: Seeded, text: string) {
  const { events } = await control<{ events: unknown[] }>(fake, "POST", `/__fake/channels/${s.lineChannelId}/friends/${s.userId}/messages`, {
    type: "text",
    text,
  });
  const body = JSON.stringify({ destination: s.botUserId, events });
  const res = await webhookChannelRoute.POST(webhookRequest(body, { secret: s.secret, url: `http://console.test/api/line/webhook/${s.key}` }), {
    params: Promise.resolve({ channel: s.key }),
  });
  expect(res.status).toBe(200);
  return events;
}

// --- People ---------------------------------------------------------------------------------------

/** The first admin (channel null) or a member invited from a channel, signed in on `client`; answers their id. */
async function signUp(client: RouteClient, channel: string | null, who: { name: string; email: string; role?: string }): Promise<string> {
  const password = "plum-blossom-42-tea";
  if (channel === null) {
    const res = await client.call(setupRoute.POST, "POST", "/api/setup", { body: { name: who.name, email: who.email, password } });
    expect(res.status).toBe(201);
    return res.json.id as string;
  }
  const invited = await admin.call(invitationsRoute.POST, "POST", "/api/invitations", {
    body: { email: who.email, role: who.role },
    headers: { "x-oa-channel": channel },
  });
  expect(invited.status).toBe(201);
  const token = new URL(invited.json.link as string).pathname.split("/").pop()!;
  const accepted = await client.call(acceptRoute.POST, "POST", "/api/invitations/accept", {
    body: { token, name: who.name, password },
  });
  expect(accepted.status).toBe(201);
  return accepted.json.id as string;
}

async function sessionOf(userId: string): Promise<string> {
  const { db } = await getRuntime();
  return (await selectRows<{ id: string }>(db, sql`select id from session where user_id = ${userId}`))[0]!.id;
}
