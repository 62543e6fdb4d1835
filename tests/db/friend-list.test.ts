import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PgDialect } from "drizzle-orm/pg-core";
import { olderMatchesSql } from "@/db/queries/friend-search";
import { countFriends, friendConditions, listFriends, listFriendsQuery, saveProfile } from "@/db/queries/friends";
import { normalizeSearchText, queryGrams } from "@/db/search-text";
import { listTags } from "@/db/queries/friend-tags";
import { applyFriendChanges } from "@/db/queries/friends-projection";
import { FRIEND_SEARCH_TERMS, friendUserId, generateFriends } from "@/db/seed/generate-friends";
import type { FriendFilter, FriendSort } from "@/db/queries/friend-filter";
import { friendsCsvResponse } from "@/lib/contacts/export-friends";
import { friendsPage } from "@/lib/contacts/list-friends";
import { tagFriends } from "@/lib/contacts/tag-friends";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

// A small list with hand-picked names for behaviour, and a 50,000-friend list for query plans.

let t: TestDatabase;
const db = () => t.handle.db;
const id = (n: number) => `U${createHash("md5").update(String(n)).digest("hex")}`;
const people = [
  { name: "陳雅婷", language: "zh-TW" },
  { name: "林雅婷", language: "zh-TW" },
  { name: "佐藤さくら", language: "ja" },
  { name: "東京タワー好き", language: "ja" },
  { name: "สมชาย ใจดี", language: "th" },
  { name: "สมศรี ใจดี", language: "th" },
  { name: "Olivia Chen", language: "en" },
  { name: "ＦＵＬＬ Width", language: "en" },
  { name: '=HYPERLINK("x"), "quoted"\nnewline', language: "en" },
];

beforeAll(async () => {
  t = await createTestDatabase();
  const now = Date.now();
  await applyFriendChanges(
    db(),
    people.map((_, i) => ({
      channelId: t.channelId,
      userId: id(i + 1),
      firstSeen: new Date(now - (i + 10) * 86_400_000),
      lastActive: new Date(now - i * 3_600_000),
      status: i === 5 ? "blocked" : "friend",
      statusAt: new Date(now - 86_400_000),
      followed: false,
    })),
  );
  for (const [i, p] of people.entries()) {
    await saveProfile(db(), {
      channelId: t.channelId,
      userId: id(i + 1),
      askedAt: new Date(now - 2 * 86_400_000),
      profile: { displayName: p.name, language: p.language },
      friend: i !== 5,
    });
  }
});
afterAll(() => t.close());

const names = async (filter: FriendFilter, sort: FriendSort = "lastActive") =>
  (await friendsPage(db(), { channelId: t.channelId, filter, sort, limit: 50 })).items.map((f) => f.displayName);

describe("friend list", () => {
  it.each([
    ["雅婷", ["陳雅婷", "林雅婷"]],
    ["さくら", ["佐藤さくら"]],
    ["東京", ["東京タワー好き"]],
    ["ใจดี", ["สมชาย ใจดี", "สมศรี ใจดี"]],
    ["สมชาย", ["สมชาย ใจดี"]],
    ["olivia", ["Olivia Chen"]],
    ["full", ["ＦＵＬＬ Width"]],
    ["ＯＬＩＶＩＡ", ["Olivia Chen"]],
    ["陳", ["陳雅婷"]],
    [id(3), ["佐藤さくら"]],
    [id(3).slice(0, 9).toLowerCase(), ["佐藤さくら"]],
  ])("finds %s by name in any script (or by user id)", async (q, expected) => {
    expect(await names({ q })).toEqual(expected);
  });

  it("filters by status and language, and keeps the newest status over an older profile", async () => {
    expect(await names({ statuses: ["blocked"] })).toEqual(["สมศรี ใจดี"]);
    expect(await names({ languages: ["th"], statuses: ["friend"] })).toEqual(["สมชาย ใจดี"]);
  });

  it("pages by keyset in every sort without gaps or repeats", async () => {
    for (const sort of ["lastActive", "firstSeen", "name"] as const) {
      const seen: string[] = [];
      let cursor;
      do {
        const page = await listFriends(db(), { channelId: t.channelId, filter: {}, sort, limit: 2, cursor });
        seen.push(...page.items.map((f) => f.userId));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(new Set(seen).size).toBe(people.length);
      const all = (await listFriends(db(), { channelId: t.channelId, filter: {}, sort, limit: 50 })).items.map((f) => f.userId);
      expect(seen).toEqual(all);
    }
    expect((await names({}, "name")).slice(0, 3)).toEqual(
      ['=hyperlink("x"), "quoted"\nnewline', "full width", "olivia chen"].map(
        (n) => people.find((p) => p.name.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ") === n.replace(/\s+/gu, " "))!.name,
      ),
    );
  });

  it("tags in bulk, counts per tag, and filters by tag", async () => {
    const result = await tagFriends(db(), { channelId: t.channelId, userIds: [id(1), id(2), id(3), id(1)], add: ["VIP", "台北店"], remove: [] });
    expect(result.added).toEqual({ VIP: 3, 台北店: 3 });
    await tagFriends(db(), { channelId: t.channelId, userIds: [id(2), id(99)], add: [], remove: ["VIP"] });
    expect(await listTags(db(), { channelId: t.channelId })).toEqual([
      { name: "台北店", count: 3 },
      { name: "VIP", count: 2 },
    ]);
    expect(await names({ tagsAll: ["VIP"] })).toEqual(["陳雅婷", "佐藤さくら"]);
    expect(await names({ tagsAll: ["VIP", "台北店"], q: "さくら" })).toEqual(["佐藤さくら"]);
    expect(await names({ tagsNone: ["台北店"], languages: ["zh-TW", "ja"] })).toEqual(["東京タワー好き"]);
  });

  it("exports CSV that spreadsheets read back: commas, quotes, newlines, CJK and formula-looking names", async () => {
    const res = friendsCsvResponse(db(), { channelId: t.channelId, filter: { q: "hyperlink" }, filename: "x.csv" });
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads the file as UTF-8
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("user_id,display_name,")).toBe(true);
    expect(text).toContain(`${id(9)},"'=HYPERLINK(""x""), ""quoted""\nnewline",friend,en,,`);
    const cjk = await friendsCsvResponse(db(), { channelId: t.channelId, filter: { tagsAll: ["台北店"] }, filename: "x.csv" }).text();
    expect(cjk.split("\r\n").filter(Boolean)).toHaveLength(1 + 3);
    expect(cjk).toContain(`${id(1)},陳雅婷,friend,zh-TW,"VIP, 台北店",`);
  });
});

// Plans depend on table size: checked on 50,000 generated friends (npm run bench:contacts uses 100,000).
describe("friend list query plans (EXPLAIN): served by indexes at realistic size", () => {
  let big: TestDatabase;
  beforeAll(async () => {
    big = await createTestDatabase();
    await generateFriends(big.handle.db, { channelId: big.channelId, total: 50_000 });
  }, 120_000);
  afterAll(() => big.close());

  const deep = { v: new Date(Date.now() - 100 * 86_400_000).toISOString(), u: friendUserId(25_000) };
  it.each<[string, FriendFilter, FriendSort, { v: string; u: string } | undefined, RegExp]>([
    ["first page", {}, "lastActive", undefined, /friends_channel_active_idx/],
    ["deep page", {}, "lastActive", deep, /Index Cond: .*ROW\(last_active_at, user_id\) < ROW/],
    ["status filter", { statuses: ["blocked"] }, "lastActive", deep, /friends_channel_status_active_idx/],
    ["language filter", { languages: ["th"] }, "lastActive", undefined, /friends_channel_language_active_idx|friends_channel_active_idx/],
    ["by first seen", {}, "firstSeen", undefined, /friends_channel_first_seen_idx/],
    ["by name", {}, "name", { v: "林", u: friendUserId(1) }, /friends_channel_name_idx/],
    ["search: user id", { q: friendUserId(123) }, "lastActive", undefined, /friends_channel_id_user_id_pk/],
    ["tag filter (rare)", { tagsAll: ["vip"] }, "lastActive", undefined, /friend_tags_channel_id_tag_user_id_pk/],
    ["tag filter (common)", { tagsAll: ["newsletter"] }, "lastActive", undefined, /friend_tags_(channel_id_tag_user_id_pk|user_idx)/],
  ])("%s", async (_, filter, sort, cursor, index) => {
    const q = listFriendsQuery(big.handle.db, { channelId: big.channelId, filter, sort, limit: 50, cursor }).toSQL();
    const plan = await explainSql(big, q.sql, q.params);
    expect(plan).toMatch(index);
    expect(plan).not.toMatch(/Seq Scan on friends/);
  });

  it.each([
    ["Chinese", FRIEND_SEARCH_TERMS.chinese],
    ["Japanese", FRIEND_SEARCH_TERMS.japanese],
    ["Thai", FRIEND_SEARCH_TERMS.thai],
    ["rare", FRIEND_SEARCH_TERMS.rare],
  ])("name search (%s): the window scan uses the sort index, the rest the bigram index", async (_, term) => {
    const needle = normalizeSearchText(term);
    const base = friendConditions(big.channelId, {});
    const boundary = { v: new Date(Date.now() - 30 * 86_400_000).toISOString(), u: friendUserId(1) };
    const q = new PgDialect().sqlToQuery(olderMatchesSql({ base, sort: "lastActive", boundary, grams: queryGrams(needle), pattern: `%${needle}%`, limit: 51 }));
    const plan = await explainSql(big, q.sql, q.params);
    expect(plan).toMatch(/friends_search_grams_idx/);
    expect(plan).not.toMatch(/Seq Scan on friends/);
    const page = await friendsPage(big.handle.db, { channelId: big.channelId, filter: { q: term }, sort: "lastActive", limit: 50 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((f) => normalizeSearchText(f.displayName ?? "").includes(needle))).toBe(true);
  });

  it("a common name fills its page from the window scan (no second step)", async () => {
    const page = await friendsPage(big.handle.db, {
      channelId: big.channelId,
      filter: { q: FRIEND_SEARCH_TERMS.chineseCommon },
      sort: "lastActive",
      limit: 20,
    });
    expect(page.items).toHaveLength(20);
    expect(page.nextCursor).not.toBeNull();
  });

  it("counts a tag-and-activity segment without reading the whole table row by row", async () => {
    const size = await countFriends(big.handle.db, {
      channelId: big.channelId,
      filter: { statuses: ["friend"], tagsAll: ["vip"], activeSince: new Date(Date.now() - 90 * 86_400_000) },
    });
    expect(size).toBeGreaterThan(0);
    expect(size).toBeLessThan(250);
  });
});

async function explainSql(d: TestDatabase, text: string, params: unknown[]): Promise<string> {
  const inlined = text.replace(/\$(\d+)/g, (_, n) => literal(params[Number(n) - 1]));
  const res = (await d.handle.db.execute(sql.raw(`explain ${inlined}`))) as unknown as { rows: Array<Record<string, string>> };
  return res.rows.map((r) => Object.values(r)[0]).join("\n");
}

function literal(v: unknown): string {
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  return `'${String(v).replaceAll("'", "''")}'`;
}
