import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeLine, type FakeLine } from "@/fake-line/server";
import * as apiKeysRoute from "@/app/api/api-keys/route";
import * as webhookRoute from "@/app/api/line/webhook/route";
import * as quotaRoute from "@/app/api/messages/quota/route";
import * as metricsRoute from "@/app/api/metrics/route";
import * as overviewRoute from "@/app/api/overview/route";
import * as destinationsRoute from "@/app/api/relay/destinations/route";
import * as setupRoute from "@/app/api/setup/route";
import { callbackBody, eventBuilders } from "../fixtures/webhook-events";
import { useProcessDatabase } from "../helpers/process-db";
import { RouteClient } from "../helpers/route-client";
import { webhookRequest } from "../helpers/webhook";

// /api/metrics as a monitoring system reads it: only with a metrics key (or as an admin), in
// Prometheus' text format, and counting what the console did — webhook deliveries by outcome, events
// stored and duplicated, LINE's answers by status — with backlogs read from the database.

let fake: FakeLine;
let cleanup: () => Promise<void>;
const admin = new RouteClient("203.0.113.1");
let scraper: RouteClient;
let viewer: RouteClient;

beforeAll(async () => {
  fake = await startFakeLine({ port: 0, friends: 5 });
  cleanup = await useProcessDatabase({
    LINE_CHANNEL_SECRET: fake.channelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
    LINE_API_BASE_URL: fake.url,
    LINE_DATA_API_BASE_URL: fake.url,
    RELAY_ALLOW_PRIVATE_URLS: "1",
  });
  const setup = { name: "Aiko Admin", email: "aiko@example.com", password: "plum-blossom-42-tea" };
  expect((await admin.call(setupRoute.POST, "POST", "/api/setup", { body: setup })).status).toBe(201);
  const metricsKey = await admin.call(apiKeysRoute.POST, "POST", "/api/api-keys", { body: { name: "prometheus", role: "metrics" } });
  expect(metricsKey.status).toBe(201);
  expect(metricsKey.json.role).toBe("metrics");
  scraper = new RouteClient("198.51.100.9", metricsKey.json.key as string);
  const viewerKey = await admin.call(apiKeysRoute.POST, "POST", "/api/api-keys", { body: { name: "dashboards", role: "viewer" } });
  viewer = new RouteClient("198.51.100.7", viewerKey.json.key as string);
});
afterAll(async () => {
  await cleanup();
  await fake.close();
});

async function scrape() {
  const res = await scraper.send(metricsRoute.GET, "GET", "/api/metrics");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** A sample's value (0 when absent), e.g. value(text, 'oa_webhook_deliveries_total{outcome="accepted"}'). */
function value(text: string, sample: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${sample} `));
  return line ? Number(line.slice(sample.length + 1)) : 0;
}

async function deliver(body: string, secret = fake.channelSecret) {
  return webhookRoute.POST(webhookRequest(body, { secret }));
}

describe("metrics", () => {
  it("are read with a metrics key or as an admin; a metrics key reads nothing else, and other keys cannot read them", async () => {
    expect((await new RouteClient("192.0.2.1").call(metricsRoute.GET, "GET", "/api/metrics")).status).toBe(401);
    expect((await viewer.call(metricsRoute.GET, "GET", "/api/metrics")).status).toBe(403);
    expect((await admin.call(metricsRoute.GET, "GET", "/api/metrics")).status).toBe(200);
    expect((await scraper.call(overviewRoute.GET, "GET", "/api/overview")).status).toBe(403);
    expect((await scraper.call(apiKeysRoute.GET, "GET", "/api/api-keys")).status).toBe(403);
    const text = await scrape();
    for (const name of [
      "oa_webhook_deliveries_total",
      "oa_webhook_ack_seconds",
      "oa_relay_forwards_total",
      "oa_jobs_backlog",
      "oa_send_backlog",
      "oa_db_connections",
      "oa_process_resident_memory_bytes",
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
    // Nothing secret in what a monitoring system stores.
    expect(text).not.toContain(fake.channelAccessToken);
    expect(text).not.toContain(fake.channelSecret);
  });

  it("count webhook deliveries by outcome and events stored or duplicated, with the acknowledgement time", async () => {
    const before = await scrape();
    const body = callbackBody([eventBuilders["message/text"]!(), eventBuilders.follow!()]);
    expect((await deliver(body)).status).toBe(200);
    expect((await deliver(body)).status).toBe(200); // LINE's redelivery: stored once
    expect((await deliver(body, "not-the-channel-secret")).status).toBe(401);
    const after = await scrape();
    const delta = (sample: string) => value(after, sample) - value(before, sample);
    expect(delta('oa_webhook_deliveries_total{outcome="accepted"}')).toBe(2);
    expect(delta('oa_webhook_deliveries_total{outcome="invalid_signature"}')).toBe(1);
    expect(delta('oa_webhook_events_total{outcome="stored"}')).toBe(2);
    expect(delta('oa_webhook_events_total{outcome="duplicate"}')).toBe(2);
    expect(delta("oa_webhook_ack_seconds_count")).toBe(3);
  });

  it("count LINE's answers by API and status", async () => {
    const before = await scrape();
    expect((await admin.call(quotaRoute.GET, "GET", "/api/messages/quota")).status).toBe(200);
    const after = await scrape();
    expect(value(after, 'oa_line_api_responses_total{api="messaging",status="200"}')).toBeGreaterThan(
      value(before, 'oa_line_api_responses_total{api="messaging",status="200"}'),
    );
  });

  it("show each relay destination's backlog and the age of its oldest delivery", async () => {
    // Nothing forwards in this process (no background work), so what is queued stays queued.
    const created = await admin.call(destinationsRoute.POST, "POST", "/api/relay/destinations", {
      body: { name: "bot-prod", url: "http://127.0.0.1:9/webhook" },
    });
    expect(created.status).toBe(201);
    expect((await deliver(callbackBody([eventBuilders["message/text"]!()]))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    const text = await scrape();
    expect(value(text, 'oa_relay_backlog{destination="bot-prod"}')).toBe(1);
    expect(value(text, 'oa_relay_oldest_pending_seconds{destination="bot-prod"}')).toBeGreaterThanOrEqual(1);
  });
});
