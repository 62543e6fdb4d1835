import { validateSignature } from "@line/bot-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpError, startTestFake, type TestFake } from "./helpers/start-fake";
import { startReceiver, type Receiver } from "./helpers/webhook-receiver";

const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe("webhook endpoint API", () => {
  let t: TestFake;
  let rx: Receiver;
  beforeAll(async () => {
    rx = await startReceiver();
    t = await startTestFake();
  });
  afterAll(async () => {
    await t.close();
    await rx.close();
  });

  it("sets and reads the endpoint", async () => {
    expect(await t.api.getWebhookEndpoint()).toEqual({ endpoint: "", active: false });
    await t.api.setWebhookEndpoint({ endpoint: rx.url });
    expect(await t.api.getWebhookEndpoint()).toEqual({ endpoint: rx.url, active: true });
  });

  it("requires HTTPS except on loopback hosts", async () => {
    const err = await httpError(t.api.setWebhookEndpoint({ endpoint: "http://example.com/webhook" }));
    expect(err.json).toEqual({ message: "The request body has 1 error(s)", details: [{ message: "Must be a valid HTTPS URL", property: "endpoint" }] });
    await expect(t.api.setWebhookEndpoint({ endpoint: "https://example.com/webhook" })).resolves.toEqual({});
    await t.api.setWebhookEndpoint({ endpoint: rx.url });
  });

  it("tests the endpoint with a signed request carrying no events", async () => {
    const result = await t.api.testWebhookEndpoint({});
    expect(result).toMatchObject({ success: true, statusCode: 200, reason: "OK", detail: "200" });
    expect(String(result.timestamp)).toMatch(ISO_RE);
    const req = rx.requests.at(-1);
    expect(req?.body).toEqual({ destination: t.fake.botUserId, events: [] });
    expect(validateSignature(req?.rawBody ?? "", t.fake.channelSecret, String(req?.headers["x-line-signature"]))).toBe(true);
  });

  it("reports error statuses, timeouts and refused connections as LINE does", async () => {
    rx.respond(() => 500);
    expect(await t.api.testWebhookEndpoint({ endpoint: rx.url })).toMatchObject({
      success: false,
      statusCode: 500,
      reason: "ERROR_STATUS_CODE",
      detail: "500",
    });
    await t.control.patch("/__fake/config", { webhookTimeoutMs: 100 });
    rx.respond(() => "hang");
    expect(await t.api.testWebhookEndpoint({ endpoint: rx.url })).toMatchObject({ success: false, statusCode: 0, reason: "REQUEST_TIMEOUT" });
    expect(await t.api.testWebhookEndpoint({ endpoint: "http://127.0.0.1:1/webhook" })).toMatchObject({
      success: false,
      reason: "COULD_NOT_CONNECT",
      detail: "ECONNREFUSED",
    });
    rx.respond(() => 200);
  });
});
