import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FriendsJson, InboxJson } from "./helpers/control-types";
import { httpError, lineFetch, startTestFake, type TestFake } from "./helpers/start-fake";

describe("X-Line-Retry-Key", () => {
  let t: TestFake;
  let to: string;
  const text = [{ type: "text" as const, text: "Your order has shipped" }];

  beforeAll(async () => {
    t = await startTestFake();
    to = (await t.control.get<FriendsJson>("/__fake/friends?status=following&limit=1")).users[0]?.userId ?? "";
  });
  afterAll(() => t.close());
  beforeEach(() => t.control.del("/__fake/faults"));

  it("answers a repeated push with 409, the accepted request id and the original sentMessages", async () => {
    const key = randomUUID();
    const first = await t.api.pushMessageWithHttpInfo({ to, messages: text }, key);
    const err = await httpError(t.api.pushMessage({ to, messages: text }, key));
    expect(err.status).toBe(409);
    expect(err.json).toEqual({ message: "The retry key is already accepted", sentMessages: first.body.sentMessages });
    expect(err.headers.get("x-line-accepted-request-id")).toBe(first.httpResponse.headers.get("x-line-request-id"));
    expect(err.headers.get("x-line-request-id")).not.toBe(first.httpResponse.headers.get("x-line-request-id"));
    const inbox = await t.control.get<InboxJson>(`/__fake/inbox/${to}?kind=push`);
    expect(inbox.entries.filter((e) => e.requestId === first.httpResponse.headers.get("x-line-request-id"))).toHaveLength(1);
    expect(inbox.entries.filter((e) => e.requestId === err.headers.get("x-line-request-id"))).toHaveLength(0);
  });

  it("answers repeated multicast, broadcast and narrowcast with 409 and no sentMessages", async () => {
    const calls = [
      (key: string) => t.api.multicastWithHttpInfo({ to: [to], messages: text }, key),
      (key: string) => t.api.broadcastWithHttpInfo({ messages: text }, key),
      (key: string) => t.api.narrowcastWithHttpInfo({ messages: text }, key),
    ];
    for (const call of calls) {
      const key = randomUUID();
      const first = await call(key);
      const err = await httpError(call(key));
      expect(err.status).toBe(409);
      expect(err.json).toEqual({ message: "The retry key is already accepted" });
      expect(err.headers.get("x-line-accepted-request-id")).toBe(first.httpResponse.headers.get("x-line-request-id"));
    }
  });

  it("rejects a retry key on endpoints that do not support it, and keys that are not UUIDs", async () => {
    const reply = await lineFetch(t.fake, "POST", "/v2/bot/message/reply", {
      body: JSON.stringify({ replyToken: "0".repeat(32), messages: text }),
      headers: { "x-line-retry-key": randomUUID() },
    });
    expect(reply.status).toBe(400);
    expect(reply.json.message).toBe("X-Line-Retry-Key is not supported for this API");
    const info = await lineFetch(t.fake, "GET", "/v2/bot/info", { headers: { "x-line-retry-key": randomUUID() } });
    expect(info.status).toBe(400);
    const err = await httpError(t.api.pushMessage({ to, messages: text }, "not-a-uuid"));
    expect(err.status).toBe(400);
    expect(err.json.message).toBe("The value for the 'X-Line-Retry-Key' header is invalid");
  });

  it("does not consume the key of a request that fails", async () => {
    const key = randomUUID();
    const invalid = await httpError(t.api.pushMessage({ to, messages: [] }, key));
    expect(invalid.status).toBe(400);
    await t.control.post("/__fake/faults", { path: "/v2/bot/message/push", kind: "error", status: 500, count: 1 });
    expect((await httpError(t.api.pushMessage({ to, messages: text }, key))).status).toBe(500);
    await expect(t.api.pushMessage({ to, messages: text }, key)).resolves.toHaveProperty("sentMessages");
  });

  it("turns a retry after a lost response into a 409 instead of a duplicate", async () => {
    const key = randomUUID();
    // LINE accepts the push, but the answer is lost (500 after the fact).
    await t.control.post("/__fake/faults", { path: "/v2/bot/message/push", kind: "error", status: 500, count: 1, phase: "after" });
    // Count pushes only: the narrowcast of an earlier test may still be landing in this inbox.
    const before = (await t.control.get<InboxJson>(`/__fake/inbox/${to}?kind=push`)).entries.length;
    expect((await httpError(t.api.pushMessage({ to, messages: text }, key))).status).toBe(500);
    const retry = await httpError(t.api.pushMessage({ to, messages: text }, key));
    expect(retry.status).toBe(409);
    expect((await t.control.get<InboxJson>(`/__fake/inbox/${to}?kind=push`)).entries.length).toBe(before + 1);
  });

  it("forgets keys after 24 hours", async () => {
    const key = randomUUID();
    await t.api.pushMessage({ to, messages: text }, key);
    await t.control.post("/__fake/clock/advance", { ms: 24 * 60 * 60 * 1000 });
    await expect(t.api.pushMessage({ to, messages: text }, key)).resolves.toHaveProperty("sentMessages");
  });
});
