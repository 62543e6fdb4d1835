import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { countFriends, friendUserIds } from "@/db/queries/friends";
import { applyFriendChanges } from "@/db/queries/friends-projection";
import { enqueueJob } from "@/db/queries/jobs";
import { createAudience, createSegment, getAudience } from "@/db/queries/segments";
import { getSend } from "@/db/queries/sends";
import { startFakeLine, type FakeLine } from "@/fake-line/server";
import type { Actor } from "@/lib/auth/require-actor";
import { AUDIENCE_JOB } from "@/lib/segments/jobs";
import { tagFriends } from "@/lib/contacts/tag-friends";
import { createLineClients } from "@/lib/line/clients";
import { multicastBodySchema } from "@/lib/sends/send-schemas";
import { segmentFilterSchema, segmentToFriendFilter, type SegmentFilterInput } from "@/lib/segments/segment-schema";
import { resolveSegmentRecipients } from "@/lib/segments/segment-recipients";
import { createSend } from "@/lib/sends/create-send";
import { startSendRunner } from "@/lib/sends/runner";
import { control, fakeHandlers, runJobs } from "../helpers/contacts";
import { createTestDatabase, resetTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let fake: FakeLine;
const db = () => t.handle.db;
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
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeLine({ port: 0, friends: 1400, audienceReadyMs: 300, monthlyQuota: "none" });
});
afterAll(async () => {
  await fake.close();
  await t.close();
});
beforeEach(async () => {
  await resetTestDatabase(t);
});

const uid = (n: number) => `U${n.toString(16).padStart(4, "0")}${"a".repeat(28)}`;

/** Twelve friends with known tags, statuses, languages and times. */
async function seedTwelve(now: number) {
  await applyFriendChanges(
    db(),
    Array.from({ length: 12 }, (_, i) => ({
      channelId: t.channelId,
      userId: uid(i),
      firstSeen: new Date(now - (i + 1) * 10 * DAY), // 10, 20, … 120 days ago
      lastActive: i % 3 === 0 ? null : new Date(now - i * DAY), // 0,3,6,9 never active
      status: i === 11 ? "blocked" : i === 10 ? null : "friend",
      statusAt: new Date(now - 5 * DAY),
      followed: false,
    })),
  );
  await tagFriends(db(), { channelId: t.channelId, userIds: [0, 1, 2, 3, 4, 5].map(uid), add: ["newsletter"], remove: [] });
  await tagFriends(db(), { channelId: t.channelId, userIds: [4, 5, 6, 11].map(uid), add: ["vip"], remove: [] });
  await tagFriends(db(), { channelId: t.channelId, userIds: [5].map(uid), add: ["opted-out"], remove: [] });
}

describe("segment filters", () => {
  it.each<[string, SegmentFilterInput, number[]]>([
    ["friends by default", {}, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
    ["any of two tags", { tags: { mode: "any", values: ["newsletter", "vip"] } }, [0, 1, 2, 3, 4, 5, 6]],
    ["all of two tags", { tags: { mode: "all", values: ["newsletter", "vip"] } }, [4, 5]],
    ["excluding a tag", { tags: { mode: "any", values: ["vip"] }, excludeTags: ["opted-out"] }, [4, 6]],
    ["blocked included when asked", { statuses: ["friend", "blocked"], tags: { mode: "any", values: ["vip"] } }, [4, 5, 6, 11]],
    ["seen only in groups", { statuses: ["unknown"] }, [10]],
    ["active in the last 5 days", { lastActive: { withinDays: 5 } }, [1, 2, 4, 5]],
    ["not active for 5 days (never active counts too)", { lastActive: { notWithinDays: 5 } }, [0, 3, 6, 7, 8, 9]],
    ["first seen in the last 45 days", { firstSeen: { withinDays: 45 } }, [0, 1, 2, 3]],
    [
      "first seen in a date range",
      { firstSeen: { after: new Date(Date.now() - 65 * DAY).toISOString(), before: new Date(Date.now() - 35 * DAY).toISOString() } },
      [3, 4, 5],
    ],
  ])("%s", async (_, input, expected) => {
    const now = Date.now();
    await seedTwelve(now);
    const filter = segmentToFriendFilter(segmentFilterSchema.parse(input), new Date(now));
    expect(await friendUserIds(db(), { channelId: t.channelId, filter, limit: 100 })).toEqual(expected.map(uid).sort());
    expect(await countFriends(db(), { channelId: t.channelId, filter })).toBe(expected.length);
  });
});

describe("multicast to a segment", () => {
  it("accepts exactly one of to and segmentId", () => {
    const messages = [{ type: "text", text: "hi" }];
    expect(multicastBodySchema.safeParse({ messages, segmentId: "3b241101-e2bb-4255-8caf-4136c566a962" }).success).toBe(true);
    expect(multicastBodySchema.safeParse({ messages, to: [uid(1)] }).success).toBe(true);
    expect(multicastBodySchema.safeParse({ messages }).success).toBe(false);
    expect(multicastBodySchema.safeParse({ messages, to: [uid(1)], segmentId: "3b241101-e2bb-4255-8caf-4136c566a962" }).success).toBe(false);
  });

  it("sends to exactly the friends the segment matches, 500 a request, and records the segment", async () => {
    // 1,200 friends from the fake; 620 of them tagged: more than one request of 500.
    const users = (await control<{ users: Array<{ userId: string }> }>(fake, "GET", "/__fake/friends?status=following&limit=1200")).users.map((u) => u.userId);
    await applyFriendChanges(
      db(),
      users.map((userId) => ({
        channelId: t.channelId,
        userId,
        firstSeen: new Date(),
        lastActive: new Date(),
        status: "friend",
        statusAt: new Date(),
        followed: false,
      })),
    );
    const tagged = users.filter((_, i) => i % 3 !== 0).slice(0, 620);
    await tagFriends(db(), { channelId: t.channelId, userIds: tagged, add: ["spring-sale"], remove: [] });
    const segment = await createSegment(db(), {
      channelId: t.channelId,
      name: "春季 sale",
      filter: segmentFilterSchema.parse({ tags: { mode: "any", values: ["spring-sale"] } }),
      createdBy: "Otto",
    });

    const body = multicastBodySchema.parse({ messages: [{ type: "text", text: "🌸 Spring sale" }], segmentId: segment.id });
    const resolved = await resolveSegmentRecipients(db(), t.channelId, body);
    expect(resolved.segment).toEqual({ id: segment.id, name: "春季 sale", size: 620 });
    const { send } = await createSend(db(), { channelId: t.channelId, kind: "multicast", body: resolved.body, actor, segment: resolved.segment });
    expect(send.request).toMatchObject({ segment: { id: segment.id, size: 620 }, toCount: 620 });
    expect(send.request).not.toHaveProperty("segmentId");
    const clients = createLineClients({ accessToken: fake.channelAccessToken, apiBaseUrl: fake.url, dataApiBaseUrl: fake.url });
    const runner = startSendRunner({ handle: t.handle, clients: () => clients, idleMs: 20 });
    try {
      for (let i = 0; i < 400; i++) {
        const s = await getSend(db(), { channelId: t.channelId, id: send.id });
        if (s?.send.status === "sent") break;
        await new Promise((r) => setTimeout(r, 25));
      }
    } finally {
      await runner.stop();
    }
    const detail = await getSend(db(), { channelId: t.channelId, id: send.id });
    expect(detail!.send.status).toBe("sent");
    expect(detail!.chunks.map((c) => c.recipientCount)).toEqual([500, 120]);
    const delivered = new Set<string>();
    for (const c of detail!.chunks) {
      const record = await control<{ deliveredTo: string[] }>(fake, "GET", `/__fake/sends/${c.lineRequestId}`);
      record.deliveredTo.forEach((u) => delivered.add(u));
    }
    expect([...delivered].sort()).toEqual([...tagged].sort());
  });

  it("refuses an empty segment", async () => {
    const segment = await createSegment(db(), {
      channelId: t.channelId,
      name: "nobody",
      filter: segmentFilterSchema.parse({ tags: { mode: "any", values: ["none"] } }),
      createdBy: "Otto",
    });
    await expect(
      resolveSegmentRecipients(db(), t.channelId, multicastBodySchema.parse({ messages: [{ type: "text", text: "x" }], segmentId: segment.id })),
    ).rejects.toMatchObject({ status: 400, code: "segment_empty" });
  });
});

describe("segment as a LINE audience", () => {
  it("uploads the segment and follows the audience from IN_PROGRESS to READY", async () => {
    const users = (await control<{ users: Array<{ userId: string }> }>(fake, "GET", "/__fake/friends?status=following&limit=60")).users.map((u) => u.userId);
    await applyFriendChanges(
      db(),
      users.map((userId) => ({
        channelId: t.channelId,
        userId,
        firstSeen: new Date(),
        lastActive: new Date(),
        status: "friend",
        statusAt: new Date(),
        followed: false,
      })),
    );
    const segment = await createSegment(db(), { channelId: t.channelId, name: "All", filter: segmentFilterSchema.parse({}), createdBy: "Otto" });
    const audience = await createAudience(db(), { channelId: t.channelId, segmentId: segment.id, description: "Spring 春", createdBy: "Otto" });
    await enqueueJob(db(), { kind: AUDIENCE_JOB, key: audience.id, payload: { audienceId: audience.id } });
    const seen: string[] = [];
    await runJobs(db(), fakeHandlers(fake), {
      timeoutMs: 15_000,
      until: async () => {
        const a = await getAudience(db(), { id: audience.id });
        if (a && seen.at(-1) !== a.status) seen.push(a.status);
        return a?.status === "ready";
      },
    });
    expect(seen).toContain("in_progress");
    expect(seen.at(-1)).toBe("ready");
    const done = await getAudience(db(), { id: audience.id });
    expect(done).toMatchObject({ uploadedCount: 60, audienceCount: 60 });
    const uploads = await control<{ requests: Array<{ body: { description: string; audiences: unknown[] } }> }>(
      fake,
      "GET",
      "/__fake/requests?path=/v2/bot/audienceGroup/upload",
    );
    expect(uploads.requests.map((r) => [r.body.description, r.body.audiences.length])).toEqual([["Spring 春", 60]]);
  });
});
