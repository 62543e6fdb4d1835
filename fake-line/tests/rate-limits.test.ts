import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FriendsJson } from "./helpers/control-types";
import { httpError, startTestFake, type TestFake } from "./helpers/start-fake";

const hello = [{ type: "text" as const, text: "hello" }];

describe("rate limits", () => {
  let t: TestFake;
  let to: string;
  beforeAll(async () => {
    t = await startTestFake({ friends: 100, monthlyQuota: "none" });
    to = (await t.control.get<FriendsJson>("/__fake/friends?status=following&limit=1")).users[0]?.userId ?? "";
  });
  afterAll(() => t.close());

  it("allows broadcast 60 times an hour by default, then answers 429 until the hour is over", async () => {
    for (let i = 0; i < 60; i++) await t.api.broadcast({ messages: hello });
    const err = await httpError(t.api.broadcast({ messages: hello }));
    expect(err.status).toBe(429);
    expect(err.json).toEqual({ message: "The API rate limit has been exceeded. Try again later." });
    expect(err.headers.get("x-line-request-id")).toBeTruthy();
    // Other endpoints have their own counters.
    await expect(t.api.pushMessage({ to, messages: hello })).resolves.toBeDefined();
    await t.control.post("/__fake/clock/advance", { ms: 60 * 60 * 1000 });
    await expect(t.api.broadcast({ messages: hello })).resolves.toEqual({});
  });

  it("can be tightened through the control API so tests hit limits quickly", async () => {
    await t.control.patch("/__fake/config", { rateLimits: { multicast: { limit: 3, windowMs: 60_000 }, insight: { limit: 1, windowMs: 60_000 } } });
    for (let i = 0; i < 3; i++) await t.api.multicast({ to: [to], messages: hello });
    expect((await httpError(t.api.multicast({ to: [to], messages: hello }))).status).toBe(429);
    await t.insight.getFriendsDemographics();
    expect((await httpError(t.insight.getFriendsDemographics())).status).toBe(429);
    // Each endpoint counts separately, even within one class.
    await expect(t.insight.getNumberOfFollowers()).resolves.toHaveProperty("status");
  });

  it("does not count requests rejected for a missing token", async () => {
    await t.control.patch("/__fake/config", { rateLimits: { default: { limit: 2, windowMs: 60_000 } } });
    for (let i = 0; i < 5; i++) await fetch(`${t.fake.url}/v2/bot/info`);
    await expect(t.api.getBotInfo()).resolves.toBeDefined();
    await expect(t.api.getBotInfo()).resolves.toBeDefined();
    expect((await httpError(t.api.getBotInfo())).status).toBe(429);
  });

  it("can be switched off", async () => {
    await t.control.patch("/__fake/config", { rateLimiting: false, rateLimits: { default: { limit: 1, windowMs: 60_000 } } });
    for (let i = 0; i < 5; i++) await t.api.getBotInfo();
    await t.control.patch("/__fake/config", { rateLimiting: true, rateLimits: { default: { limit: 2000, windowMs: 1000 } } });
  });
});
