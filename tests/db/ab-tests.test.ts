import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apiKeysRoute from "@/app/api/api-keys/route";
import * as abTestsRoute from "@/app/api/campaigns/ab-tests/route";
import * as campaignRoute from "@/app/api/campaigns/[id]/route";
import * as winnerRoute from "@/app/api/campaigns/[id]/winner/route";
import * as draftsRoute from "@/app/api/drafts/route";
import * as segmentsRoute from "@/app/api/segments/route";
import * as setupRoute from "@/app/api/setup/route";
import { openDatabase, type Db } from "@/db/client";
import { startFakeLine, type FakeLine } from "@/fake-line/server";
import { campaignUnitName } from "@/lib/campaigns/aggregation-units";
import { decideDueAbTests } from "@/lib/campaigns/ab-test-job";
import { isHeldOut } from "@/lib/campaigns/ab-test-split";
import { fetchDueStatistics } from "@/lib/campaigns/statistics-job";
import { getRuntime } from "@/lib/runtime/runtime";
import { useProcessDatabase } from "../helpers/process-db";
import { RouteClient } from "../helpers/route-client";
import { engine } from "../helpers/test-db";
import { runSends } from "../helpers/two-channels";

// Issue 24's A/B tests, through their routes, with the fake LINE platform over HTTP: variants to
// random, disjoint shares of the friends (each variant a multicast measured by its own aggregation
// unit), a holdout that never gets anything, the results side by side, and the winner sent to the rest
// once only — by a person or, at the decision time, by the background task.

let fake: FakeLine;
let cleanup: () => Promise<void>;
const admin = new RouteClient("203.0.113.1");
let viewer: RouteClient;
let following: string[];
const HOUR = 3_600_000;

beforeAll(async () => {
  fake = await startFakeLine({ port: 0, friends: 1300, monthlyQuota: "none" });
  cleanup = await useProcessDatabase({
    LINE_CHANNEL_SECRET: fake.channelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
    LINE_API_BASE_URL: fake.url,
    LINE_DATA_API_BASE_URL: fake.url,
  });
  const res = await admin.call(setupRoute.POST, "POST", "/api/setup", {
    body: { name: "Aiko Admin", email: "aiko@example.com", password: "plum-blossom-42-tea" },
  });
  expect(res.status).toBe(201);
  const key = await admin.call(apiKeysRoute.POST, "POST", "/api/api-keys", { body: { name: "dashboard", role: "viewer" } });
  viewer = new RouteClient("203.0.113.2", key.json.key);
  // The console's friends: 1,200 of the fake's followers (the rest follow the account but are not known here yet).
  const list = (await (await fetch(`${fake.url}/__fake/friends?status=following&limit=1300`)).json()) as { users: Array<{ userId: string }> };
  following = list.users.map((u) => u.userId);
  await addFriends(following.slice(0, 1200));
}, 120_000);
afterAll(async () => {
  await cleanup();
  await fake.close();
});

async function db(): Promise<Db> {
  return (await getRuntime()).db;
}

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await (await db()).execute(query)) as unknown as { rows: T[] }).rows;
}

async function addFriends(ids: string[]) {
  const { firstChannelId } = await getRuntime();
  await (
    await db()
  ).execute(sql`
    insert into friends (channel_id, user_id, status, first_seen_at, last_active_at, name_key)
    select ${firstChannelId}, u, 'friend', now(), now(), u from unnest(${`{${ids.join(",")}}`}::text[]) u
    on conflict do nothing`);
}

const text = (t: string) => [{ type: "text", text: `${t} https://example.com/spring` }];
const later = (ms = HOUR) => new Date(Date.now() + ms).toISOString();

async function create(body: Record<string, unknown>, client = admin) {
  return client.call(abTestsRoute.POST, "POST", "/api/campaigns/ab-tests", {
    body: {
      name: "Spring headline",
      audience: { kind: "all" },
      variants: [
        { label: "A", messages: text("Spring sale") },
        { label: "B", messages: text("20 % off everything") },
      ],
      sharePercent: 10,
      decideAt: later(),
      metric: "open",
      ...body,
    },
  });
}

async function page(id: string) {
  const res = await viewer.call(campaignRoute.GET, "GET", `/api/campaigns/${id}`, { params: { id } });
  expect(res.status).toBe(200);
  return res.json;
}

async function winner(id: string, variant: string) {
  return admin.call(winnerRoute.POST, "POST", `/api/campaigns/${id}/winner`, { params: { id }, body: { variant } });
}

/** Each send of the campaign with its variant and every recipient of its requests. */
async function recipientsOf(campaignId: string) {
  const found = await rows<{ variant: string; aggregation_unit: string | null; user_id: string }>(sql`
    select s.variant, s.aggregation_unit, unnest(c.recipients) as user_id
    from send_chunks c join sends s on s.id = c.send_id where s.campaign_id = ${campaignId}`);
  const by = new Map<string, string[]>();
  for (const r of found) by.set(r.variant, [...(by.get(r.variant) ?? []), r.user_id]);
  return by;
}

async function seedOf(campaignId: string): Promise<string> {
  const [row] = await rows<{ seed: string }>(sql`select ab_test->>'seed' as seed from campaigns where id = ${campaignId}`);
  return row!.seed;
}

/** LINE's figures of the campaign's units, fetched as the statistics job would (after friends opened). */
async function fetchFigures(campaignId: string) {
  await (await db()).execute(sql`update send_statistics set next_fetch_at = now() where campaign_id = ${campaignId}`);
  const { line } = await getRuntime();
  await fetchDueStatistics(await db(), line, { limit: 10 });
}

describe("A/B tests", () => {
  it("send each variant to its own random share, as one multicast whose requests of 500 all carry the variant's unit", async () => {
    const res = await create({
      variants: [
        { label: "A", messages: text("Spring sale") },
        { label: "B", messages: text("20 % off everything") },
      ],
      sharePercent: 45,
      holdoutPercent: 5,
    });
    expect(res.status).toBe(201);
    const { id } = res.json;
    expect(res.json.variants.map((v: { size: number }) => v.size)).toEqual([540, 540]);
    expect(res.json.holdoutSize + res.json.restSize).toBe(1200 - 1080);
    await runSends();

    const by = await recipientsOf(id);
    const a = by.get("A")!;
    const b = by.get("B")!;
    expect(a).toHaveLength(540);
    expect(b).toHaveLength(540);
    expect(new Set([...a, ...b]).size).toBe(1080);
    const seed = await seedOf(id);
    expect([...a, ...b].filter((u) => isHeldOut(seed, u, 5))).toEqual([]);

    // LINE got two requests per variant (500 + 40), each with the variant's own unit.
    const sent = (await (await fetch(`${fake.url}/__fake/requests?path=${encodeURIComponent("/v2/bot/message/multicast")}&limit=1000`)).json()) as {
      requests: Array<{ body: { to: string[]; customAggregationUnits?: string[] } }>;
    };
    for (const [label, ids] of [
      ["A", a],
      ["B", b],
    ] as const) {
      const mine = sent.requests.filter((r) => ids.includes(r.body.to[0]!));
      expect(mine.map((r) => r.body.to.length).sort()).toEqual([40, 500]);
      for (const r of mine) expect(r.body.customAggregationUnits).toEqual([campaignUnitName(id, label)]);
    }

    // Friends open the messages (on their phones, in the fake): the page has each variant's figures, rates and a verdict.
    await open([...a.slice(0, 150), ...b.slice(0, 100)]);
    await fetchFigures(id);
    const { abTest } = await page(id);
    expect(abTest).toMatchObject({ metric: "open", audienceSize: 1200, holdoutSize: res.json.holdoutSize, winner: null, needsPerson: null });
    expect(abTest.restSize).toBe(res.json.restSize);
    for (const v of abTest.variants) {
      expect(v.sampleSize).toBe(540);
      expect(v.openRate).toBeCloseTo(v.opened.value / 540, 6);
      expect(v.delivered).toEqual({ value: null, notReported: true });
    }
    expect(abTest.variants[0].opened.value).toBeGreaterThanOrEqual(150);
    expect(abTest.variants[1].opened.value).toBeGreaterThanOrEqual(100);
    // 150 of 540 against 100 of 540: z ≈ 3.6.
    expect(abTest.verdict).toMatchObject({ kind: "clear", leader: "A", runnerUp: "B" });
    expect(abTest.verdict.text).toMatch(/^A leads on opens \(2\d\.\d % against 1\d\.\d % for B\), and the difference is clear at 95 % confidence\.$/);
  });

  it("show what LINE hides below 20 as hidden, with no rate and no verdict", async () => {
    const res = await create({ sharePercent: 1 });
    expect(res.status).toBe(201);
    const { id } = res.json;
    await runSends();
    await fetchFigures(id);
    const { abTest } = await page(id);
    expect(abTest.variants.map((v: { sampleSize: number }) => v.sampleSize)).toEqual([12, 12]);
    for (const v of abTest.variants) {
      expect(v.opened).toEqual({ value: null, hidden: true });
      expect(v.openRate).toBeNull();
    }
    expect(abTest.verdict).toMatchObject({ kind: "hidden", labels: ["A", "B"] });
  });

  it("send the winner once to the rest — not to anyone who got a variant, nor the holdout — even when asked twice at once", async () => {
    const res = await create({ sharePercent: 10, holdoutPercent: 20 });
    const { id } = res.json;
    await runSends();
    // Friends who came since the test was made: the winner goes to them too, unless drawn into the holdout.
    const newcomers = following.slice(1200);
    await addFriends(newcomers);
    expect((await page(id)).abTest.restSize).toBeGreaterThan(res.json.restSize);

    const [first, second] = await Promise.all([winner(id, "B"), winner(id, "B")]);
    expect([first.status, second.status].sort()).toEqual([202, 409]);
    const refused = first.status === 409 ? first : second;
    expect(refused.json.code).toBe("winner_already_sent");
    expect((await winner(id, "A")).status).toBe(409);
    await runSends();

    const by = await recipientsOf(id);
    const seed = await seedOf(id);
    const rest = by.get("winner")!;
    const got = new Set([...by.get("A")!, ...by.get("B")!]);
    expect(rest.filter((u) => got.has(u))).toEqual([]);
    expect(rest.filter((u) => isHeldOut(seed, u, 20))).toEqual([]);
    // Everyone else of the audience (every follower is a friend now) got it; the holdout got nothing at all.
    const everyone = following;
    const held = everyone.filter((u) => isHeldOut(seed, u, 20));
    expect(rest.length).toBe(everyone.length - got.size - held.length);
    expect(rest).toEqual(expect.arrayContaining(newcomers.filter((u) => !isHeldOut(seed, u, 20))));
    expect(held.filter((u) => got.has(u) || rest.includes(u))).toEqual([]);

    const [send] = await rows<{ client_key: string; request: { messages: Array<{ text: string }> } }>(
      sql`select client_key, request from sends where campaign_id = ${id} and variant = 'winner'`,
    );
    expect(send!.client_key).toBe(`ab:${id}:winner`);
    expect(send!.request.messages[0]!.text).toContain("20 % off everything");
    const { abTest } = await page(id);
    expect(abTest.winner).toMatchObject({ variant: "B", size: rest.length, by: "person" });
    const audits = await rows<{ action: string }>(sql`select action from audit_log where target = ${id} order by id`);
    expect(audits.map((a) => a.action)).toEqual(["campaign.ab_test_created", "campaign.winner_sent"]);
  });

  it("pick the leader by the metric at the decision time and send it once, with two tasks ticking", async () => {
    const res = await create({ sharePercent: 30, autoSendWinner: true });
    const { id } = res.json;
    await runSends();
    const by = await recipientsOf(id);
    await open([...by.get("A")!.slice(0, 100), ...by.get("B")!.slice(0, 160)]);
    await pastDecision(id);
    const { line } = await getRuntime();
    // On PostgreSQL the second task is another instance: a database handle of its own.
    const other = engine() === "postgres" ? await openDatabase({ kind: "postgres", url: process.env.DATABASE_URL!, migrate: false }) : null;
    const taken = await Promise.all([decideDueAbTests(await db(), line), decideDueAbTests(other?.db ?? (await db()), line)]);
    await other?.close();
    expect(taken.reduce((n, x) => n + x, 0)).toBe(1);
    expect(await rows(sql`select id from sends where campaign_id = ${id} and variant = 'winner'`)).toHaveLength(1);
    const { abTest } = await page(id);
    expect(abTest.winner).toMatchObject({ by: "auto" });
    // The leader by opens, of the figures fetched at the decision.
    expect(abTest.verdict).toMatchObject({ leader: "B" });
    expect(abTest.winner.variant).toBe("B");
    expect(abTest.variants[1].fetchedAt > abTest.decideAt).toBe(true);
    expect(await decideDueAbTests(await db(), line)).toBe(0);
    const [decided] = await rows<{ decide_at: string | null }>(sql`select decide_at from campaigns where id = ${id}`);
    expect(decided!.decide_at).toBeNull();
  });

  it("leave the decision to a person when LINE hides the figures, and say so", async () => {
    const res = await create({ sharePercent: 1, autoSendWinner: true });
    const { id } = res.json;
    await runSends();
    await pastDecision(id);
    const { line } = await getRuntime();
    expect(await decideDueAbTests(await db(), line)).toBe(1);
    expect(await rows(sql`select id from sends where campaign_id = ${id} and variant = 'winner'`)).toHaveLength(0);
    const { abTest } = await page(id);
    expect(abTest.winner).toBeNull();
    expect(abTest.needsPerson).toMatchObject({ reason: "hidden" });
    const audits = await rows<{ action: string; details: { reason: string } }>(sql`select action, details from audit_log where target = ${id} order by id`);
    expect(audits.at(-1)).toMatchObject({ action: "campaign.ab_test_needs_decision", details: { reason: "hidden" } });
    // A person can still send one.
    expect((await winner(id, "A")).status).toBe(202);
  });

  it("refuse a test with reasons, storing nothing: a missing draft or segment, too small an audience, shares over 100 %", async () => {
    const before = await rows(sql`select id from campaigns`);
    const draft = await admin.call(draftsRoute.POST, "POST", "/api/drafts", { body: { kind: "multicast", title: "Unfinished", body: { messages: [] } } });
    const missing = await create({
      audience: { kind: "segment", segmentId: crypto.randomUUID() },
      variants: [
        { label: "A", draftId: crypto.randomUUID() },
        { label: "B", draftId: draft.json.id },
      ],
    });
    expect(missing.status).toBe(400);
    expect(missing.json.details).toEqual([
      expect.objectContaining({ property: "variants[0].draftId", key: "validation.draftNotFound" }),
      expect.objectContaining({ property: "variants[1].draftId", key: "validation.draftNotReady" }),
    ]);
    // A segment of nobody (no friend speaks Klingon).
    const segment = await admin.call(segmentsRoute.POST, "POST", "/api/segments", { body: { name: "Klingon", filter: { languages: ["tlh"] } } });
    const tooSmall = await create({ audience: { kind: "segment", segmentId: segment.json.id } });
    expect(tooSmall.status).toBe(400);
    expect(tooSmall.json.details).toEqual([expect.objectContaining({ property: "audience", key: "validation.abAudienceTooSmall", values: { size: 0 } })]);
    const over = await create({ sharePercent: 40, holdoutPercent: 30 });
    expect(over.status).toBe(400);
    expect(over.json.details).toEqual([expect.objectContaining({ property: "sharePercent", key: "validation.abSharesOver" })]);
    const noSegment = await create({ audience: { kind: "segment", segmentId: crypto.randomUUID() } });
    expect(noSegment.status).toBe(400);
    expect(noSegment.json.details).toEqual([expect.objectContaining({ property: "audience.segmentId", key: "validation.segmentNotFound" })]);
    expect(await rows(sql`select id from campaigns`)).toHaveLength(before.length);
    expect((await create({}, viewer)).status).toBe(403);
  });
});

/** These friends open what they were sent, on their phones (the fake counts it in LINE's statistics at once). */
async function open(userIds: string[]) {
  for (let i = 0; i < userIds.length; i += 25) {
    await Promise.all(
      userIds
        .slice(i, i + 25)
        .map((u) => fetch(`${fake.url}/__fake/friends/${u}/open`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })),
    );
  }
}

/** The decision time has come (as if the test had been made earlier). */
async function pastDecision(id: string) {
  const at = new Date(Date.now() - 60_000).toISOString();
  await (
    await db()
  ).execute(sql`
    update campaigns set decide_at = ${at}::timestamptz, ab_test = jsonb_set(ab_test, '{decideAt}', to_jsonb(${at}::text)) where id = ${id}`);
}
