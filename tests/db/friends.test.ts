import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chatMembersSeen, getChat, listChats } from "@/db/queries/chats";
import { getFriend } from "@/db/queries/friends";
import { advanceProjection, enqueueJob, getJob, getProjectionPosition } from "@/db/queries/jobs";
import { getLineSync } from "@/db/queries/line-syncs";
import { startFakeLine, type FakeLine } from "@/fake-line/server";
import { createFriendsProjection } from "@/lib/contacts/friends-projection";
import { CONTACT_JOBS } from "@/lib/contacts/job-kinds";
import { askProfileSoon } from "@/lib/contacts/profile-jobs";
import { act, control, fakeHandlers, projectAll, runJobs, sleep, storeEvents } from "../helpers/contacts";
import { createTestDatabase, engine, resetTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let fake: FakeLine;
const db = () => t.handle.db;

beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeLine({ port: 0, friends: 300, contentPreparingMs: 300, audienceReadyMs: 200 });
});
afterAll(async () => {
  await fake.close();
  await t.close();
});
beforeEach(async () => {
  await resetTestDatabase(t);
  await control(fake, "DELETE", "/__fake/requests");
  await control(fake, "DELETE", "/__fake/faults");
});

type FakeUser = { userId: string; displayName: string; status: string; language: string | null };
const users = async (status: string, n: number, offset = 0) =>
  (await control<{ users: FakeUser[] }>(fake, "GET", `/__fake/friends?status=${status}&limit=${n}&offset=${offset}`)).users;
const requests = async (path: string) =>
  (
    await control<{ requests: Array<{ time: string; path: string; status: number }> }>(
      fake,
      "GET",
      `/__fake/requests?path=${encodeURIComponent(path)}&limit=1000`,
    )
  ).requests;

describe("friends projection", () => {
  it("follows a friend through follow → block → unblock", async () => {
    const [follow] = await act(fake, db(), t.channelId, "/__fake/friends");
    const userId = (follow as { source: { userId: string } }).source.userId;
    await projectAll(db());
    expect(await getFriend(db(), { channelId: t.channelId, userId })).toMatchObject({ status: "friend" });

    await act(fake, db(), t.channelId, `/__fake/friends/${userId}/block`);
    await projectAll(db());
    const blocked = await getFriend(db(), { channelId: t.channelId, userId });
    expect(blocked).toMatchObject({ status: "blocked" });
    // Blocking is not activity.
    expect(blocked!.lastActiveAt.getTime()).toBe(blocked!.firstSeenAt.getTime());

    const [unblock] = await act(fake, db(), t.channelId, `/__fake/friends/${userId}/unblock`);
    expect((unblock as { follow: { isUnblocked: boolean } }).follow.isUnblocked).toBe(true);
    await projectAll(db());
    const back = await getFriend(db(), { channelId: t.channelId, userId });
    expect(back).toMatchObject({ status: "friend" });
    expect(back!.lastActiveAt.getTime()).toBe((unblock as { timestamp: number }).timestamp);
  });

  it("lets the newest status win when events arrive out of order", async () => {
    const userId = "U" + "a".repeat(32);
    const ev = (type: string, at: number) => ({
      type,
      mode: "active",
      timestamp: at,
      source: { type: "user", userId },
      webhookEventId: `01K${type}${at}`,
      deliveryContext: { isRedelivery: false },
    });
    const now = Date.now();
    await storeEvents(db(), t.channelId, [ev("unfollow", now - 1000)]);
    await projectAll(db());
    await storeEvents(db(), t.channelId, [ev("follow", now - 3000)]);
    await projectAll(db());
    expect(await getFriend(db(), { channelId: t.channelId, userId })).toMatchObject({
      status: "blocked",
      firstSeenAt: new Date(now - 3000),
      lastActiveAt: new Date(now - 3000),
    });
  });

  it("moves a friend's last activity on by the minute, not by every message", async () => {
    const userId = "U" + "b".repeat(32);
    const now = Date.now() - 3_600_000;
    let n = 0;
    const text = (at: number) => ({
      type: "message",
      mode: "active",
      timestamp: at,
      source: { type: "user", userId },
      webhookEventId: `01KMINUTE${++n}`,
      deliveryContext: { isRedelivery: false },
      replyToken: "r",
      message: { type: "text", id: String(n), text: "hi" },
    });
    const lastActive = async () => (await getFriend(db(), { channelId: t.channelId, userId }))!.lastActiveAt.getTime();
    await storeEvents(db(), t.channelId, [text(now)]);
    await projectAll(db());
    expect(await lastActive()).toBe(now);
    // Thirty seconds later: the row is left alone (rewriting it touches every index of friends).
    await storeEvents(db(), t.channelId, [text(now + 30_000)]);
    await projectAll(db());
    expect(await lastActive()).toBe(now);
    // Two minutes later: moved, to the exact time.
    await storeEvents(db(), t.channelId, [text(now + 120_000)]);
    await projectAll(db());
    expect(await lastActive()).toBe(now + 120_000);
  });

  it("records groups, members seen (joined, then left) and non-friends seen only there", async () => {
    const [speaker, leaver] = await users("none", 2);
    const [friend] = await users("following", 1);
    const [join] = await act(fake, db(), t.channelId, "/__fake/chats", { kind: "group", name: "讀書會 Book club", memberIds: [friend!.userId] });
    const chatId = (join as { source: { groupId: string } }).source.groupId;
    await act(fake, db(), t.channelId, `/__fake/chats/${chatId}/members`, { userIds: [speaker!.userId, leaver!.userId] });
    await act(fake, db(), t.channelId, `/__fake/friends/${friend!.userId}/messages`, { type: "text", text: "大家好", chatId });
    await act(fake, db(), t.channelId, `/__fake/friends/${speaker!.userId}/messages`, { type: "text", text: "สวัสดีค่ะ", chatId });
    await act(fake, db(), t.channelId, `/__fake/chats/${chatId}/members/leave`, { userIds: [leaver!.userId] });
    await projectAll(db());
    await runJobs(db(), fakeHandlers(fake));

    expect(await getChat(db(), { channelId: t.channelId, chatId })).toMatchObject({
      type: "group",
      name: "讀書會 Book club",
      status: "joined",
      membersSeen: 2,
    });
    // Another chat's members do not count here.
    const [other] = await act(fake, db(), t.channelId, "/__fake/chats", { kind: "room", memberIds: [friend!.userId] });
    await act(fake, db(), t.channelId, `/__fake/friends/${friend!.userId}/messages`, {
      type: "text",
      text: "hi",
      chatId: (other as { source: { roomId: string } }).source.roomId,
    });
    await projectAll(db());
    expect((await listChats(db(), { channelId: t.channelId, limit: 10 })).map((c) => [c.type, c.membersSeen])).toEqual([
      ["room", 1],
      ["group", 2],
    ]);
    const members = await chatMembersSeen(db(), { channelId: t.channelId, chatId, limit: 10 });
    expect(new Map(members.map((m) => [m.userId, m.leftAt === null || m.lastSeenAt > m.leftAt]))).toEqual(
      new Map([
        [friend!.userId, true],
        [speaker!.userId, true],
        [leaver!.userId, false],
      ]),
    );
    // Seen only in the group: status unknown, but the member profile still gave a name.
    expect(await getFriend(db(), { channelId: t.channelId, userId: speaker!.userId })).toMatchObject({ status: "unknown", displayName: speaker!.displayName });
    expect(await getFriend(db(), { channelId: t.channelId, userId: friend!.userId })).toMatchObject({ status: "friend", displayName: friend!.displayName });
  });

  it("comes back for a group member's name when the profile rate window is used up", async () => {
    const [speaker] = await users("none", 1, 5);
    const [join] = await act(fake, db(), t.channelId, "/__fake/chats", { kind: "group", name: "Rate club", memberIds: [speaker!.userId] });
    const chatId = (join as { source: { groupId: string } }).source.groupId;
    await act(fake, db(), t.channelId, `/__fake/friends/${speaker!.userId}/messages`, { type: "text", text: "hi", chatId });
    await projectAll(db());
    // One profile request a second: the friend profile (404) takes the window, the member profile must wait.
    const named = async () => Boolean((await getFriend(db(), { channelId: t.channelId, userId: speaker!.userId }))?.displayName);
    await runJobs(db(), fakeHandlers(fake, { rates: { profile: { limit: 1, windowMs: 1000 } } }), { until: named, timeoutMs: 15_000 });
    expect(await getFriend(db(), { channelId: t.channelId, userId: speaker!.userId })).toMatchObject({ status: "unknown", displayName: speaker!.displayName });
    expect((await requests(`/v2/bot/group/${chatId}/member/${speaker!.userId}`)).map((r) => r.status)).toEqual([200]);
  });

  it("fetches the profile of a friend an operator opens ahead of the queue", async () => {
    const [friend] = await users("following", 1, 7);
    await act(fake, db(), t.channelId, `/__fake/friends/${friend!.userId}/messages`, { type: "text", text: "在嗎？" });
    await projectAll(db());
    // As the start-up follower sync leaves it: queued, its turn an hour away.
    await db().execute(
      sql`update jobs set run_at = now() + interval '1 hour' where kind = ${CONTACT_JOBS.profile} and key = ${`${t.channelId}:${friend!.userId}`}`,
    );
    const named = async () => Boolean((await getFriend(db(), { channelId: t.channelId, userId: friend!.userId }))?.displayName);
    await runJobs(db(), fakeHandlers(fake));
    expect(await named()).toBe(false);

    // Others' profiles are overdue (the queue is behind): this one goes ahead of them all.
    await enqueueJob(db(), {
      kind: CONTACT_JOBS.profile,
      key: `${t.channelId}:Ubacklog`,
      payload: { channelId: t.channelId, userId: "U" + "b".repeat(32) },
      runAt: new Date(Date.now() - 600_000),
    });
    expect(await askProfileSoon(db(), { channelId: t.channelId, userId: friend!.userId })).toBe(true);
    const [mine, backlog] = [
      await getJob(db(), { kind: CONTACT_JOBS.profile, key: `${t.channelId}:${friend!.userId}` }),
      await getJob(db(), { kind: CONTACT_JOBS.profile, key: `${t.channelId}:Ubacklog` }),
    ];
    expect(mine!.runAt.getTime()).toBeLessThan(backlog!.runAt.getTime());
    await runJobs(db(), fakeHandlers(fake), { until: named, timeoutMs: 5000 });
    expect(await getFriend(db(), { channelId: t.channelId, userId: friend!.userId })).toMatchObject({ displayName: friend!.displayName, profileStatus: "ok" });
    // Done: nothing to bring forward, and nothing asked of LINE again.
    expect(await askProfileSoon(db(), { channelId: t.channelId, userId: friend!.userId })).toBe(false);
  });

  it("never lets two instances apply the same batch", async () => {
    const evs = (await users("following", 40)).map((u, i) => ({
      type: "message",
      mode: "active",
      timestamp: 5000 + i,
      source: { type: "user", userId: u.userId },
      webhookEventId: `01KTWO${i}`,
      deliveryContext: { isRedelivery: false },
      message: { type: "text", id: String(900 + i), text: "hi" },
    }));
    await storeEvents(db(), t.channelId, evs);
    const a = createFriendsProjection({ db: db(), batchSize: 7 });
    const b = createFriendsProjection({ db: db(), batchSize: 7 });
    await projectAll(db(), { tick: async () => (await Promise.all([a.tick(), b.tick()])).reduce((x, y) => x + y, 0), name: "friends" });
    const rows = (await db().execute(sql`select count(*)::int as n, count(distinct user_id)::int as d from friends`)) as unknown as {
      rows: Array<{ n: number; d: number }>;
    };
    expect(rows.rows[0]).toEqual({ n: 40, d: 40 });
    const jobs = (await db().execute(sql`select count(*)::int as n from jobs where kind = ${CONTACT_JOBS.profile}`)) as unknown as {
      rows: Array<{ n: number }>;
    };
    expect(jobs.rows[0]!.n).toBe(40);
  });

  it("moves the position only from where a batch was read, so a stale batch is never written", async () => {
    expect(await advanceProjection(db(), { name: "friends", from: 0, to: 10 })).toBe(true);
    // Another instance read from 0 too, and finishes second: refused, the position stays.
    expect(await advanceProjection(db(), { name: "friends", from: 0, to: 7 })).toBe(false);
    expect(await getProjectionPosition(db(), { name: "friends" })).toBe(10);
    expect(await advanceProjection(db(), { name: "friends", from: 10, to: 20 })).toBe(true);
    expect(await getProjectionPosition(db(), { name: "friends" })).toBe(20);
  });

  // PostgreSQL hands out ids at insert time, so a later event can commit first. Only PostgreSQL has
  // concurrent transactions (PGlite runs one at a time), so only there can this be shown.
  it.runIf(engine() === "postgres")("never steps over an event whose transaction commits late", async () => {
    const [early, late] = await users("following", 2);
    const message = (userId: string, i: number, timestamp = Date.now()) => ({
      type: "message",
      mode: "active",
      timestamp,
      source: { type: "user", userId },
      webhookEventId: `01KLATE${i}${userId}`,
      deliveryContext: { isRedelivery: false },
      message: { type: "text", id: `9${i}`, text: "hi" },
    });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const held = db().transaction(async (tx) => {
      // An hour earlier: its hourly count is another row, so the open transaction cannot hold up the later
      // store on that row's lock (both batches would otherwise share one in 16 counter shards).
      await storeEvents(tx, t.channelId, [message(early!.userId, 1, Date.now() - 3_600_000)]);
      await gate;
    });
    await sleep(200);
    await storeEvents(db(), t.channelId, [message(late!.userId, 2)]);
    const projection = createFriendsProjection({ db: db() });
    for (let i = 0; i < 6; i++) {
      await projection.tick();
      await sleep(80);
    }
    // The later event is committed, but the earlier id is still open: the projection waits for it.
    expect(await getFriend(db(), { channelId: t.channelId, userId: late!.userId })).toBeUndefined();
    release();
    await held;
    await projectAll(db(), projection);
    expect(await getFriend(db(), { channelId: t.channelId, userId: early!.userId })).toBeDefined();
    expect(await getFriend(db(), { channelId: t.channelId, userId: late!.userId })).toBeDefined();
  });
});

describe("profiles and followers from LINE", () => {
  it("syncs follower ids page by page, then fetches profiles within the rate limit", async () => {
    await enqueueJob(db(), { kind: CONTACT_JOBS.followersSync, key: String(t.channelId), payload: { channelId: t.channelId } });
    const limit = 40;
    await runJobs(db(), fakeHandlers(fake, { rates: { profile: { limit, windowMs: 1000 } } }), { timeoutMs: 30_000 });

    const following = await users("following", 1000);
    const stored = (await db().execute(sql`select status, count(*)::int as n, count(display_name)::int as named from friends group by status`)) as unknown as {
      rows: Array<{ status: string; n: number; named: number }>;
    };
    expect(stored.rows).toEqual([{ status: "friend", n: following.length, named: following.length }]);
    expect(await getLineSync(db(), { channelId: t.channelId, name: "followers" })).toMatchObject({ status: "ok", details: { listed: following.length } });

    // Never more than `limit` profile requests started in any one second window.
    const perWindow = new Map<number, number>();
    for (const r of await requests("/v2/bot/profile/*"))
      perWindow.set(Math.floor(Date.parse(r.time) / 1000), (perWindow.get(Math.floor(Date.parse(r.time) / 1000)) ?? 0) + 1);
    expect(Math.max(...perWindow.values())).toBeLessThanOrEqual(limit);
    expect([...perWindow.values()].reduce((a, b) => a + b, 0)).toBe(following.length);
    // The job comes back tomorrow.
    const job = await getJob(db(), { kind: CONTACT_JOBS.followersSync, key: String(t.channelId) });
    expect(job!.runAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
  });

  it("survives 404s: a blocked user's profile is asked for once, and they are marked blocked", async () => {
    const [blockedUser] = await users("blocked", 1);
    const [friend] = await users("following", 1);
    // Both wrote to the account (the blocked one before blocking).
    for (const u of [blockedUser!, friend!]) {
      await storeEvents(db(), t.channelId, [
        {
          type: "message",
          mode: "active",
          timestamp: Date.now() - 60_000,
          source: { type: "user", userId: u.userId },
          webhookEventId: `01K404${u.userId}`,
          deliveryContext: { isRedelivery: false },
          message: { type: "text", id: `1${u.userId.slice(1, 8)}`, text: "hello" },
        },
      ]);
    }
    await projectAll(db());
    await runJobs(db(), fakeHandlers(fake));
    expect(await getFriend(db(), { channelId: t.channelId, userId: friend!.userId })).toMatchObject({
      status: "friend",
      profileStatus: "ok",
      displayName: friend!.displayName,
      language: friend!.language,
    });
    expect(await getFriend(db(), { channelId: t.channelId, userId: blockedUser!.userId })).toMatchObject({
      status: "unknown",
      profileStatus: "not_found",
      displayName: null,
    });
    expect(await requests(`/v2/bot/profile/${blockedUser!.userId}`)).toHaveLength(1);
    const job = await getJob(db(), { kind: CONTACT_JOBS.profile, key: `${t.channelId}:${blockedUser!.userId}` });
    expect(job).toMatchObject({ attempts: 1, failedAt: null });
    expect(job!.doneAt).not.toBeNull();
  });

  it("retries a profile after LINE's 500 and records 'not available' when the follower list is refused", async () => {
    const [friend] = await users("following", 1);
    await control(fake, "POST", "/__fake/faults", { path: `/v2/bot/profile/${friend!.userId}`, kind: "error", status: 500, count: 1 });
    await control(fake, "POST", "/__fake/faults", {
      path: "/v2/bot/followers/ids",
      kind: "error",
      status: 403,
      count: 1,
      body: { message: "Access to this API is not available for your account" },
    });
    await storeEvents(db(), t.channelId, [
      {
        type: "follow",
        mode: "active",
        timestamp: Date.now(),
        source: { type: "user", userId: friend!.userId },
        webhookEventId: "01KRETRY",
        deliveryContext: { isRedelivery: false },
        follow: { isUnblocked: false },
      },
    ]);
    await projectAll(db());
    await enqueueJob(db(), { kind: CONTACT_JOBS.followersSync, key: String(t.channelId), payload: { channelId: t.channelId } });
    // The retry backs off ~2 s: let the jobs run until the profile has arrived.
    await runJobs(db(), fakeHandlers(fake), {
      until: async () => (await getFriend(db(), { channelId: t.channelId, userId: friend!.userId }))?.profileStatus === "ok",
      timeoutMs: 15_000,
    });
    expect(await getLineSync(db(), { channelId: t.channelId, name: "followers" })).toMatchObject({ status: "not_available" });
    expect(await requests(`/v2/bot/profile/${friend!.userId}`)).toHaveLength(2);
  });
});
