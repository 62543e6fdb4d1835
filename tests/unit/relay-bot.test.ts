import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { startRelayBot, type RelayBot } from "@/bench/lib/relay-bot";

// The relay benchmark's bot (bench/lib/relay-bot.ts) on a real port: signatures, and going down the
// way a crashed bot does.

const secret = "test_secret";
let bot: RelayBot | undefined;

afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

describe("relay benchmark bot", () => {
  it("accepts LINE's signature over the exact bytes and records the delivery", async () => {
    bot = await startRelayBot({ secret });
    // LINE's published test vector.
    expect((await post(bot.url, '{"hello":"world"}', "t7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM=")).status).toBe(200);

    const body = JSON.stringify({ destination: "U0", events: [{ webhookEventId: "01KA" }, { webhookEventId: "01KB" }, { text: "ไม่มี id" }] });
    const before = performance.timeOrigin + performance.now();
    const res = await post(bot.url, body, sign(body));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    expect(bot.received).toHaveLength(2);
    const delivery = bot.received[1]!;
    expect(delivery).toMatchObject({ webhookEventIds: ["01KA", "01KB"], bytes: Buffer.byteLength(body) });
    expect(delivery.at).toBeGreaterThanOrEqual(before);
    expect(delivery.at).toBeLessThanOrEqual(performance.timeOrigin + performance.now());
    expect(bot.badSignatures).toBe(0);
  });

  it("answers 401 to a wrong, re-serialised or missing signature and counts it", async () => {
    bot = await startRelayBot({ secret });
    const body = '{"destination":"U0", "events":[]}';
    expect((await post(bot.url, body, sign(body, "another_secret"))).status).toBe(401);
    expect((await post(bot.url, body, sign(JSON.stringify(JSON.parse(body))))).status).toBe(401);
    expect((await post(bot.url, body, `${sign(body)}x`)).status).toBe(401);
    expect((await post(bot.url, body)).status).toBe(401);
    expect(bot.badSignatures).toBe(4);
    expect(bot.received).toEqual([]);
  });

  it("refuses connections while down, and serves on the same URL when back up", async () => {
    bot = await startRelayBot({ secret });
    const body = '{"events":[{"webhookEventId":"01KC"}]}';
    expect((await post(bot.url, body, sign(body))).status).toBe(200);

    await bot.setDown(true);
    // The connection fetch kept alive was dropped too: a new one is refused.
    await expect(post(bot.url, body, sign(body))).rejects.toMatchObject({ cause: { code: "ECONNREFUSED" } });
    await bot.setDown(true);

    await bot.setDown(false);
    expect((await post(bot.url, body, sign(body))).status).toBe(200);
    expect(bot.received.map((d) => d.webhookEventIds)).toEqual([["01KC"], ["01KC"]]);
  });
});

function sign(body: string, key = secret): string {
  return createHmac("sha256", key).update(body).digest("base64");
}

function post(url: string, body: string, signature?: string): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(signature === undefined ? {} : { "x-line-signature": signature }) },
    body,
  });
}
