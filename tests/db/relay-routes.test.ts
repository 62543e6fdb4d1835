import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apiKeysRoute from "@/app/api/api-keys/route";
import * as auditRoute from "@/app/api/audit/route";
import * as destinationItemsRoute from "@/app/api/relay/destinations/[id]/items/route";
import * as destinationRoute from "@/app/api/relay/destinations/[id]/route";
import * as destinationTestRoute from "@/app/api/relay/destinations/[id]/test/route";
import * as destinationsRoute from "@/app/api/relay/destinations/route";
import * as previewRoute from "@/app/api/relay/replays/preview/route";
import * as replaysRoute from "@/app/api/relay/replays/route";
import * as statsRoute from "@/app/api/relay/stats/route";
import * as setupRoute from "@/app/api/setup/route";
import { useProcessDatabase } from "../helpers/process-db";
import { RouteClient } from "../helpers/route-client";
import { startSdkBot, type SdkBot } from "../helpers/sdk-bot";
import { TEST_SECRET } from "../helpers/webhook";

// Settings → Relay over HTTP: who may do what, what comes back (never a secret), and clear 4xx for bad input.

let cleanup: () => Promise<void>;
let bot: SdkBot;
const admin = new RouteClient("203.0.113.1");
let viewer: RouteClient;

beforeAll(async () => {
  bot = await startSdkBot({ channelSecret: "own-secret-of-the-staging-bot-42" });
  cleanup = await useProcessDatabase({ LINE_CHANNEL_SECRET: TEST_SECRET, LINE_CHANNEL_ACCESS_TOKEN: "x".repeat(40), RELAY_ALLOW_PRIVATE_URLS: "1" });
  expect(
    (await admin.call(setupRoute.POST, "POST", "/api/setup", { body: { name: "Aiko Admin", email: "aiko@example.com", password: "plum-blossom-42-tea" } }))
      .status,
  ).toBe(201);
  const key = await admin.call(apiKeysRoute.POST, "POST", "/api/api-keys", { body: { name: "dashboards", role: "viewer" } });
  viewer = new RouteClient("198.51.100.7", key.json.key as string);
});
afterAll(async () => {
  await cleanup();
  await bot.close();
});

describe("relay routes", () => {
  it("add a destination for admins only, and never send its secret back", async () => {
    const body = {
      name: "bot-staging",
      url: bot.url,
      signing: "own",
      secret: "own-secret-of-the-staging-bot-42",
      eventTypes: ["message", "message", "postback"],
    };
    expect((await viewer.call(destinationsRoute.POST, "POST", "/api/relay/destinations", { body })).status).toBe(403);
    const created = await admin.call(destinationsRoute.POST, "POST", "/api/relay/destinations", { body });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: "bot-staging",
      signing: "own",
      secretSet: true,
      eventTypes: ["message", "postback"],
      enabled: true,
      timeoutMs: 10_000,
    });
    expect(JSON.stringify(created.json)).not.toContain("own-secret");
    const listed = await viewer.call(destinationsRoute.GET, "GET", "/api/relay/destinations");
    expect(listed.json.items).toHaveLength(1);
    expect(JSON.stringify(listed.json)).not.toContain("own-secret");
    const audit = await admin.call(auditRoute.GET, "GET", "/api/audit?action=relay.destination_created");
    expect(JSON.stringify(audit.json)).not.toContain("own-secret");
  });

  it("send LINE's verification body signed as the destination's deliveries are", async () => {
    const [d] = (await admin.call(destinationsRoute.GET, "GET", "/api/relay/destinations")).json.items;
    const id = String(d.id);
    const res = await admin.call(destinationTestRoute.POST, "POST", `/api/relay/destinations/${id}/test`, { params: { id } });
    expect(res.json).toMatchObject({ ok: true, statusCode: 200, signed: true });
    expect(bot.badSignatures).toBe(0);
  });

  it("answer 4xx with the reason for a bad destination, and write nothing", async () => {
    const cases: Array<[unknown, number, string]> = [
      [{ name: "meta", url: "http://169.254.169.254/latest" }, 422, "relay_url_metadata_address"],
      [{ name: "ftp", url: "ftp://bot.example.com" }, 422, "relay_url_scheme_not_allowed"],
      [{ name: "own-no-secret", url: bot.url, signing: "own" }, 400, "invalid_request"],
      [{ name: "bot-staging", url: bot.url }, 409, "relay_name_taken"],
      [{ name: "", url: bot.url, timeoutMs: 99_000 }, 400, "invalid_request"],
      [{ name: "extra", url: bot.url, surprise: true }, 400, "invalid_request"],
    ];
    for (const [body, status, code] of cases) {
      const res = await admin.call(destinationsRoute.POST, "POST", "/api/relay/destinations", { body });
      expect([res.status, res.json.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect((await admin.call(destinationsRoute.GET, "GET", "/api/relay/destinations")).json.items).toHaveLength(1);
    const bad = await admin.call(destinationRoute.PATCH, "PATCH", "/api/relay/destinations/abc", { params: { id: "abc" }, body: { enabled: false } });
    expect(bad.status).toBe(404);
  });

  it("pause and resume, keep the secret when editing other fields, and remove", async () => {
    const [d] = (await admin.call(destinationsRoute.GET, "GET", "/api/relay/destinations")).json.items;
    const id = String(d.id);
    const paused = await admin.call(destinationRoute.PATCH, "PATCH", `/api/relay/destinations/${id}`, {
      params: { id },
      body: { enabled: false, name: "bot-staging-2" },
    });
    expect(paused.json).toMatchObject({ enabled: false, name: "bot-staging-2", secretSet: true, signing: "own" });
    expect((await viewer.call(destinationRoute.PATCH, "PATCH", `/api/relay/destinations/${id}`, { params: { id }, body: { enabled: true } })).status).toBe(403);
    const log = await viewer.call(destinationItemsRoute.GET, "GET", `/api/relay/destinations/${id}/items?outcome=failing`, { params: { id } });
    expect(log.json).toEqual({ items: [], nextBefore: null });
    const stats = await viewer.call(statsRoute.GET, "GET", "/api/relay/stats");
    expect(stats.json.destinations[0]).toMatchObject({ name: "bot-staging-2", health: "paused", backlog: 0 });
    expect((await admin.call(destinationRoute.DELETE, "DELETE", `/api/relay/destinations/${id}`, { params: { id } })).status).toBe(204);
    expect((await admin.call(destinationRoute.GET, "GET", `/api/relay/destinations/${id}`, { params: { id } })).status).toBe(404);
  });

  it("preview and refuse replays clearly: nothing to replay, an unknown destination, a one-off URL inside the cloud", async () => {
    const created = await admin.call(destinationsRoute.POST, "POST", "/api/relay/destinations", { body: { name: "bot-prod", url: bot.url } });
    const destinationId = created.json.id as number;
    const preview = await admin.call(previewRoute.POST, "POST", "/api/relay/replays/preview", {
      body: { scope: { kind: "filter", filter: { type: "message" } }, target: { destinationId } },
    });
    expect(preview.json).toMatchObject({ target: "bot-prod", count: 0 });
    const empty = await admin.call(replaysRoute.POST, "POST", "/api/relay/replays", {
      body: { scope: { kind: "filter", filter: {} }, target: { destinationId } },
    });
    expect([empty.status, empty.json.code]).toEqual([422, "relay_replay_empty"]);
    const unknown = await admin.call(replaysRoute.POST, "POST", "/api/relay/replays", {
      body: { scope: { kind: "event", eventId: 1 }, target: { destinationId: 999 } },
    });
    expect(unknown.status).toBe(404);
    const metadata = await admin.call(replaysRoute.POST, "POST", "/api/relay/replays", {
      body: { scope: { kind: "event", eventId: 1 }, target: { url: "http://[fd00:ec2::254]/" } },
    });
    expect([metadata.status, metadata.json.code]).toEqual([422, "relay_url_metadata_address"]);
    expect(
      (await viewer.call(replaysRoute.POST, "POST", "/api/relay/replays", { body: { scope: { kind: "event", eventId: 1 }, target: { destinationId } } }))
        .status,
    ).toBe(403);
  });
});
