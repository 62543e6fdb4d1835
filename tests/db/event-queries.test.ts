import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PgDialect } from "drizzle-orm/pg-core";
import { eventConditions } from "@/db/queries/event-filters";
import { olderMatchesSql, searchEvents } from "@/db/queries/event-search";
import { getEventStats, listEvents, listEventsQuery, type ListEventsParams } from "@/db/queries/events";
import { generateEvents, SEARCH_TERMS } from "@/db/seed/generate-events";
import { normalizeSearchText, queryGrams } from "@/db/search-text";
import { ulid } from "@/lib/platform/ids";
import { GROUP, ROOM, USER, USER_2 } from "../fixtures/webhook-events";
import { storeEvents } from "../helpers/contacts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
const texts = [
  "你好，請問週日有營業嗎？",
  "東京タワーに行きたいです",
  "สวัสดีครับ ร้านเปิดกี่โมง",
  "Hello, is the shop open on Sunday?",
  "ＦＵＬＬ－ＷＩＤＴＨ Ｔｅｘｔ",
];
const base = Date.UTC(2026, 10, 1);

beforeAll(async () => {
  t = await createTestDatabase();
  // 400 events over 400 minutes: users, a group and a room; texts in four scripts; a few redeliveries.
  const events = Array.from({ length: 400 }, (_, i) => {
    const source =
      i % 10 === 0
        ? { type: "group", groupId: GROUP, userId: USER }
        : i % 10 === 1
          ? { type: "room", roomId: ROOM }
          : { type: "user", userId: i % 2 ? USER : USER_2 };
    const isText = i % 3 !== 2;
    return {
      type: i % 7 === 6 ? "follow" : "message",
      mode: "active",
      timestamp: base + i * 60_000,
      source,
      webhookEventId: ulid(base + i),
      deliveryContext: { isRedelivery: i % 50 === 0 },
      ...(i % 7 === 6
        ? {}
        : {
            message: isText
              ? { type: "text", id: String(i), text: `${texts[i % texts.length]} #${i}` }
              : { type: "sticker", id: String(i), packageId: "1", stickerId: "2", stickerResourceType: "STATIC" },
          }),
    };
  });
  for (let i = 0; i < events.length; i += 100) await storeEvents(t.handle.db, t.channelId, events.slice(i, i + 100));
  await t.handle.db.execute(sql`analyze`);
});
afterAll(() => t.close());

const list = (p: Omit<ListEventsParams, "channelId">) => listEvents(t.handle.db, { channelId: t.channelId, ...p });

describe("event queries", () => {
  it("lists newest first and pages without gaps or repeats", async () => {
    const seen: number[] = [];
    let cursor;
    do {
      const page = await list({ limit: 37, cursor });
      seen.push(...page.items.map((e) => e.timestamp.getTime()));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(400);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(400);
  });

  it.each([
    ["type", { type: "follow" }, (e: { type: string }) => e.type === "follow"],
    ["messageType", { messageType: "sticker" }, (e: { messageType: string | null }) => e.messageType === "sticker"],
    ["sourceType", { sourceType: "room" }, (e: { sourceType: string | null }) => e.sourceType === "room"],
    ["userId", { userId: USER_2 }, (e: { userId: string | null }) => e.userId === USER_2],
    ["groupId", { groupId: GROUP }, (e: { groupId: string | null }) => e.groupId === GROUP],
    ["redelivery", { redelivery: true }, (e: { isRedelivery: boolean }) => e.isRedelivery],
  ] as const)("filters by %s", async (_, filter, predicate) => {
    const { items } = await list({ limit: 200, ...filter });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every(predicate as (e: unknown) => boolean)).toBe(true);
  });

  it("filters by a time range, inclusive", async () => {
    const { items } = await list({ limit: 200, from: new Date(base + 10 * 60_000), to: new Date(base + 19 * 60_000) });
    expect(items).toHaveLength(10);
  });

  it.each([
    ["Chinese", "營業", "你好，請問週日有營業嗎？"],
    ["Japanese", "タワー", "東京タワーに行きたいです"],
    ["Thai", "เปิดกี่โมง", "สวัสดีครับ ร้านเปิดกี่โมง"],
    ["English, any case", "SHOP OPEN", "Hello, is the shop open on Sunday?"],
    ["a single CJK character", "京", "東京タワーに行きたいです"],
    ["full-width text with a half-width query", "full-width", "ＦＵＬＬ－ＷＩＤＴＨ Ｔｅｘｔ"],
  ])("finds %s text", async (_, q, expected) => {
    const { items } = await list({ limit: 200, q });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.text?.startsWith(expected))).toBe(true);
  });

  it("treats LIKE wildcards in a query as plain characters", async () => {
    expect((await list({ limit: 10, q: "%" })).items).toHaveLength(0);
    expect((await list({ limit: 10, q: "_" })).items).toHaveLength(0);
  });

  it("pages through search results", async () => {
    const first = await list({ limit: 5, q: "東京" });
    const second = await list({ limit: 5, q: "東京", cursor: first.nextCursor! });
    expect(second.items[0]!.timestamp.getTime()).toBeLessThan(first.items.at(-1)!.timestamp.getTime());
  });

  it("fetches exactly the events of an id range (live tail)", async () => {
    const { items } = await list({ limit: 200, idRange: { min: 5, max: 9 } });
    expect(items.map((e) => e.id).sort((a, b) => a - b)).toEqual([5, 6, 7, 8, 9]);
  });

  it("counts events per type from the hourly roll-up", async () => {
    const stats = await getEventStats(t.handle.db, { channelId: t.channelId, now: new Date(base + 400 * 60_000) });
    const total = stats.perType24h.reduce((n, r) => n + r.count, 0);
    expect(total).toBe(400);
    expect(stats.perType24h.find((r) => r.type === "follow")!.count).toBe(57);
  });

  describe("search beyond the newest window", () => {
    it("finds matches older than the window and pages through them in order", async () => {
      const full = await list({ limit: 200, q: "タワー" });
      const seen: number[] = [];
      let cursor;
      do {
        const page = await searchEvents(t.handle.db, { channelId: t.channelId, limit: 7, q: "タワー", cursor, window: 20 });
        seen.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(full.items.map((e) => e.id));
    });

    it("answers a grams-less query in windows, with a cursor to continue", async () => {
      const page = await searchEvents(t.handle.db, { channelId: t.channelId, limit: 50, q: "@", window: 30 });
      expect(page.items).toHaveLength(0);
      expect(page.nextCursor).not.toBeNull();
    });
  });
});

// Plans depend on table size, so they are checked on 30,000 generated events (bench/timeline.ts runs
// the same generator at a million).
describe("timeline query plans (EXPLAIN): every query is served by an index", () => {
  let big: TestDatabase;
  beforeAll(async () => {
    big = await createTestDatabase();
    await generateEvents(big.handle.db, { channelId: big.channelId, total: 30_000, chunk: 30_000 });
  });
  afterAll(() => big.close());

  const cursor = { timestamp: new Date(Date.now() - 45 * 86_400_000), id: 15_000 };
  const user = `U${(397).toString(16).padStart(32, "0")}`;
  const group = `C${(7).toString(16).padStart(32, "0")}`;
  it.each<[string, Omit<ListEventsParams, "channelId">, RegExp]>([
    ["first page", { limit: 50 }, /events_channel_ts_idx/],
    ["deep cursor page", { limit: 50, cursor }, /Index Cond: .*ROW\("timestamp", id\) < ROW/],
    ["type filter", { limit: 50, type: "follow", cursor }, /events_channel_type_ts_idx/],
    ["message type filter", { limit: 50, messageType: "sticker" }, /events_channel_message_type_ts_idx/],
    ["user filter", { limit: 50, userId: user, cursor }, /events_channel_user_ts_idx/],
    ["group filter", { limit: 50, groupId: group }, /events_channel_group_ts_idx/],
    ["redelivered only", { limit: 50, redelivery: true }, /events_channel_redelivery_ts_idx/],
  ])("%s", async (_, params, index) => {
    const q = listEventsQuery(big.handle.db, { channelId: big.channelId, ...params }).toSQL();
    const plan = await explainSql(big, q.sql, q.params);
    expect(plan).toMatch(index);
    expect(plan).not.toMatch(/Seq Scan on events/);
  });

  it("text search beyond the newest window goes through the bigram index", async () => {
    const needle = normalizeSearchText(SEARCH_TERMS.japanese);
    const [top] = (await listEvents(big.handle.db, { channelId: big.channelId, limit: 1 })).items;
    const q = new PgDialect().sqlToQuery(
      olderMatchesSql({
        base: eventConditions({ channelId: big.channelId, limit: 50 }),
        boundary: { timestamp: top!.timestamp, id: top!.id },
        grams: queryGrams(needle),
        pattern: `%${needle}%`,
        limit: 51,
      }),
    );
    const plan = await explainSql(big, q.sql, q.params);
    expect(plan).toMatch(/events_search_grams_idx/);
    expect(plan).not.toMatch(/Seq Scan on events/);
  });
});

async function explainSql(db: TestDatabase, text: string, params: unknown[]): Promise<string> {
  const inlined = text.replace(/\$(\d+)/g, (_, n) => literal(params[Number(n) - 1]));
  const res = (await db.handle.db.execute(sql.raw(`explain ${inlined}`))) as unknown as { rows: Array<Record<string, string>> };
  return res.rows.map((r) => Object.values(r)[0]).join("\n");
}

function literal(v: unknown): string {
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  return `'${String(v).replaceAll("'", "''")}'`;
}
