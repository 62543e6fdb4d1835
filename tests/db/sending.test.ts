import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { claimDueChunks, getSend, getSendRecipients, listSends } from "@/db/queries/sends";
import { startFakeLine, type FakeLine } from "@/fake-line/server";
import type { Actor } from "@/lib/auth/require-actor";
import { createLineClients, type LineClients } from "@/lib/line/clients";
import { createSend } from "@/lib/sends/create-send";
import { callLine } from "@/lib/sends/line-request";
import { startSendRunner } from "@/lib/sends/runner";
import type { SendBody } from "@/lib/sends/send-schemas";
import { createTestDatabase, resetTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let fake: FakeLine;
let clients: LineClients;
let runner: ReturnType<typeof startSendRunner> | undefined;
const actor: Actor = {
  kind: "user",
  id: "u1",
  name: "Otto",
  email: "otto@example.com",
  role: "operator",
  consoleRole: "operator",
  sessionId: "s",
  locale: null,
  timeZone: null,
};

beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeLine({ port: 0, friends: 1500, narrowcastPhaseMs: 50, monthlyQuota: "none" });
  clients = createLineClients({ accessToken: fake.channelAccessToken, apiBaseUrl: fake.url, dataApiBaseUrl: fake.url });
});
afterAll(async () => {
  await fake.close();
  await t.close();
});
beforeEach(async () => {
  await resetTestDatabase(t);
  await control("DELETE", "/__fake/faults");
  await control("DELETE", "/__fake/requests");
  await control("DELETE", "/__fake/inbox");
});
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
});

async function control(method: string, path: string, body?: unknown) {
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.status === 204 ? null : res.json();
}

async function friends(n: number, offset = 0): Promise<string[]> {
  const res = (await control("GET", `/__fake/friends?status=following&limit=${n}&offset=${offset}`)) as { users: Array<{ userId: string }> };
  return res.users.map((u) => u.userId);
}

function run() {
  runner = startSendRunner({ handle: t.handle, clients: () => clients, idleMs: 20 });
  return runner;
}

async function send(kind: "push" | "multicast" | "broadcast" | "narrowcast", body: Record<string, unknown>) {
  const { send } = await createSend(t.handle.db, {
    channelId: t.channelId,
    kind,
    body: { messages: [{ type: "text", text: "Spring sale 🌸" }], ...body } as SendBody,
    actor,
  });
  return send.id;
}

async function settled(id: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await getSend(t.handle.db, { channelId: t.channelId, id });
    if (s && ["sent", "partially_sent", "failed"].includes(s.send.status)) return s;
    if (Date.now() > deadline)
      throw new Error(
        `send ${id} still ${s?.send.status}: ${JSON.stringify(s?.chunks.map((c) => [c.status, c.attempts, c.nextAttemptAt, c.lastError]))} ${JSON.stringify(s?.attempts.map((a) => a.outcome))}`,
      );
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function inboxCount(userId: string) {
  const res = (await control("GET", `/__fake/inbox/${userId}`)) as { entries: unknown[] };
  return res.entries.length;
}

async function requestsTo(path: string) {
  return (
    (await control("GET", `/__fake/requests?path=${encodeURIComponent(path)}&limit=1000`)) as {
      requests: Array<{ headers: Record<string, string>; body: { to?: string[] }; status: number }>;
    }
  ).requests;
}

describe("sending", () => {
  it("pushes to a friend and records LINE's request id and message ids", async () => {
    const [to] = await friends(1);
    run();
    const s = await settled(await send("push", { to }));
    expect(s.send.status).toBe("sent");
    expect(s.chunks[0]).toMatchObject({ status: "accepted", lineRequestId: expect.any(String) });
    expect((s.chunks[0]!.sentMessages as unknown[]).length).toBe(1);
    expect(await inboxCount(to!)).toBe(1);
  });

  it("splits a multicast of 1,200 ids into three requests of at most 500, removing duplicates", async () => {
    const ids = await friends(1100);
    const to = [...ids, ...ids.slice(0, 100)];
    run();
    const s = await settled(await send("multicast", { to }));
    expect(s.send).toMatchObject({ status: "sent", recipientCount: 1100, chunkCount: 3 });
    const requests = await requestsTo("/v2/bot/message/multicast");
    // Sent concurrently: they may reach LINE in any order.
    expect(requests.map((r) => r.body.to!.length).sort((a, b) => b - a)).toEqual([500, 500, 100]);
    expect(new Set(requests.map((r) => r.headers["x-line-retry-key"])).size).toBe(3);
    const counts = await Promise.all(ids.slice(0, 20).map(inboxCount));
    expect(counts.every((n) => n === 1)).toBe(true);
    // The history lists LINE's request ids of the send, in request order.
    const [listed] = (await listSends(t.handle.db, { channelId: t.channelId, limit: 5 })).items;
    expect(listed!.lineRequestIds).toEqual(s.chunks.map((c) => c.lineRequestId));
    // Duplicating the send brings back its ids, once each and in the order given; another channel sees none.
    expect(await getSendRecipients(t.handle.db, { channelId: t.channelId, id: s.send.id })).toEqual(ids);
    expect(await getSendRecipients(t.handle.db, { channelId: t.channelId + 1, id: s.send.id })).toBeUndefined();
  });

  it("retries a 500 with the same retry key and delivers once", async () => {
    const [to] = await friends(1);
    await control("POST", "/__fake/faults", { path: "/v2/bot/message/push", method: "POST", kind: "error", status: 500, count: 2 });
    run();
    const s = await settled(await send("push", { to }));
    expect(s.send.status).toBe("sent");
    const keys = (await requestsTo("/v2/bot/message/push")).map((r) => r.headers["x-line-retry-key"]);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(s.attempts.map((a) => a.outcome)).toEqual(["retry", "retry", "accepted"]);
    expect(await inboxCount(to!)).toBe(1);
  });

  it("counts a 409 (delivered, answer lost) as sent and never delivers twice", async () => {
    const [to] = await friends(1);
    await control("POST", "/__fake/faults", { path: "/v2/bot/message/push", method: "POST", kind: "error", status: 500, count: 1, phase: "after" });
    run();
    const s = await settled(await send("push", { to }));
    expect(s.send.status).toBe("sent");
    expect(s.chunks[0]!.acceptedRequestId).toEqual(expect.any(String));
    expect(s.attempts.map((a) => a.outcome)).toEqual(["retry", "duplicate"]);
    expect(await inboxCount(to!)).toBe(1);
  });

  it("resumes after a crash mid-request without sending anything twice", async () => {
    const ids = await friends(600);
    const id = await send("multicast", { to: ids });
    // A worker leases both requests, makes the first one, and dies before recording anything.
    const leased = await claimDueChunks(t.handle.db, { worker: "doomed", limit: 10, leaseMs: 200 });
    expect(leased).toHaveLength(2);
    const outcome = await callLine(clients, leased[0]!, leased[0]!);
    expect(outcome.kind).toBe("accepted");
    await new Promise((r) => setTimeout(r, 250));
    run();
    const s = await settled(id);
    expect(s.send.status).toBe("sent");
    expect((await Promise.all(ids.slice(0, 30).map(inboxCount))).every((n) => n === 1)).toBe(true);
    expect((await Promise.all(ids.slice(500, 530).map(inboxCount))).every((n) => n === 1)).toBe(true);
    expect(s.attempts.find((a) => a.chunkId === leased[0]!.id)!.outcome).toBe("duplicate");
  });

  it("fails on other 4xx with LINE's own message, without retrying", async () => {
    run();
    const s = await settled(await send("push", { to: "C" + "0".repeat(32) }));
    expect(s.send.status).toBe("failed");
    expect(s.send.error).toMatchObject({ status: 400, reason: "invalid_request", message: expect.any(String) });
    expect(s.attempts).toHaveLength(1);
  });

  it("waits out a rate limit instead of failing", async () => {
    const [to] = await friends(1);
    await control("POST", "/__fake/faults", { path: "/v2/bot/message/push", method: "POST", kind: "error", status: 429, count: 1 });
    run();
    const s = await settled(await send("push", { to }));
    expect(s.send.status).toBe("sent");
    expect(s.attempts.map((a) => a.outcome)).toEqual(["wait", "accepted"]);
  });

  it("fails a send when the monthly quota has run out, and says so", async () => {
    const [to] = await friends(1);
    await control("PATCH", "/__fake/quota", { monthlyQuota: 10, totalUsage: 10 });
    try {
      run();
      const s = await settled(await send("push", { to }));
      expect(s.send.status).toBe("failed");
      expect(s.send.error).toMatchObject({ status: 429, reason: "monthly_quota" });
    } finally {
      await control("PATCH", "/__fake/config", { monthlyQuota: "none" });
    }
  });

  it("marks a multicast partially sent when one of its requests fails", async () => {
    const ids = await friends(700);
    await control("POST", "/__fake/faults", { path: "/v2/bot/message/multicast", method: "POST", kind: "error", status: 400, count: 1 });
    run();
    const s = await settled(await send("multicast", { to: ids }));
    expect(s.send.status).toBe("partially_sent");
    expect(s.chunks.map((c) => c.status).sort()).toEqual(["accepted", "failed"]);
  });

  it("follows a narrowcast to succeeded and records its counts", async () => {
    run();
    const s = await settled(await send("narrowcast", { filter: { demographic: { type: "gender", oneOf: ["female"] } } }));
    expect(s.send.status).toBe("sent");
    expect(s.send.progress).toMatchObject({ phase: "succeeded", successCount: expect.any(Number) });
    const females = (await control("GET", "/__fake/friends?status=following&gender=female&limit=1")) as { total: number };
    expect((s.send.progress as { targetCount: number }).targetCount).toBeLessThanOrEqual(females.total);
    expect(s.send.recipientCount).toBe((s.send.progress as { successCount: number }).successCount);
  });

  it("stores one send for a repeated client retry key", async () => {
    const [to] = await friends(1);
    const key = crypto.randomUUID();
    const a = await createSend(t.handle.db, {
      channelId: t.channelId,
      kind: "push",
      body: { to: to!, messages: [{ type: "text", text: "once" }], retryKey: key },
      actor,
    });
    const b = await createSend(t.handle.db, {
      channelId: t.channelId,
      kind: "push",
      body: { to: to!, messages: [{ type: "text", text: "once" }], retryKey: key },
      actor,
    });
    expect(b.send.id).toBe(a.send.id);
    expect(b.created).toBe(false);
  });
});
