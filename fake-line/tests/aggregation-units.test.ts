import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FriendsJson } from "./helpers/control-types";
import { httpError, lineFetch, startTestFake, type TestFake } from "./helpers/start-fake";

const DAY = 24 * 60 * 60 * 1000;
const text = (t: string) => [{ type: "text" as const, text: t }];

describe("custom aggregation units", () => {
  let t: TestFake;
  let ids: string[];
  beforeAll(async () => {
    t = await startTestFake({ friends: 200, openRate: 0, aggregationUnitLimit: 4 });
    ids = (await t.control.get<FriendsJson>("/__fake/friends?status=following&limit=60")).users.map((u) => u.userId);
  });
  afterAll(() => t.close());

  it("records the unit of each push and multicast and sums the statistics per unit", async () => {
    // Two multicasts and a push under one unit, one multicast under another (case-sensitive names).
    await t.api.multicast({ to: ids.slice(0, 15), messages: text("a"), customAggregationUnits: ["spring_sale"] });
    await t.api.multicast({ to: ids.slice(15, 30), messages: text("b"), customAggregationUnits: ["spring_sale"] });
    await t.api.pushMessage({ to: ids[30] ?? "", messages: text("c"), customAggregationUnits: ["spring_sale"] });
    await t.api.multicast({ to: ids.slice(31, 60), messages: text("d"), customAggregationUnits: ["Spring_sale"] });
    for (const id of ids) await t.control.post(`/__fake/friends/${id}/open`);

    const today = jst(Date.now());
    const spring = await t.insight.getStatisticsPerUnit("spring_sale", today, today);
    expect(spring.overview.uniqueImpression).toBe(31);
    expect(spring.messages).toEqual([expect.objectContaining({ seq: 1, impression: 31, uniqueImpression: 31 })]);
    expect((await t.insight.getStatisticsPerUnit("Spring_sale", today, today)).overview.uniqueImpression).toBe(29);
    expect(await t.api.getAggregationUnitUsage()).toEqual({ numOfCustomAggregationUnits: 2 });
    expect(await t.api.getAggregationUnitNameList()).toEqual({ customAggregationUnits: ["spring_sale", "Spring_sale"] });
  });

  it("answers a unit never used with empty statistics", async () => {
    const today = jst(Date.now());
    expect(await t.insight.getStatisticsPerUnit("never_used", today, today)).toEqual({
      overview: { uniqueImpression: null, uniqueClick: null, uniqueMediaPlayed: null, uniqueMediaPlayed100Percent: null },
      messages: [],
      clicks: [],
    });
  });

  it("refuses a new unit once the month's budget is spent, keeps accepting the units already used", async () => {
    await t.api.pushMessage({ to: ids[0] ?? "", messages: text("x"), customAggregationUnits: ["third"] });
    await t.api.pushMessage({ to: ids[0] ?? "", messages: text("x"), customAggregationUnits: ["fourth"] });
    const before = (await t.control.get<{ totalUsage: number }>("/__fake/quota")).totalUsage;
    const refused = await httpError(t.api.multicast({ to: ids.slice(0, 3), messages: text("x"), customAggregationUnits: ["fifth"] }));
    expect(refused.status).toBe(400);
    expect(refused.json.message).toBe("The number of custom aggregation units used this month has reached the limit (4)");
    expect(refused.json.details).toEqual([{ message: "No more unit names can be used this month", property: "customAggregationUnits[0]" }]);
    // Nothing was sent: no quota used, no unit recorded.
    expect((await t.control.get<{ totalUsage: number }>("/__fake/quota")).totalUsage).toBe(before);
    expect((await t.api.getAggregationUnitUsage()).numOfCustomAggregationUnits).toBe(4);
    await expect(t.api.pushMessage({ to: ids[0] ?? "", messages: text("x"), customAggregationUnits: ["spring_sale"] })).resolves.toBeDefined();
    await expect(t.api.pushMessage({ to: ids[0] ?? "", messages: text("no unit") })).resolves.toBeDefined();

    // The budget starts again with the next UTC+9 month.
    await t.control.post("/__fake/clock/advance", { ms: 32 * DAY });
    await expect(t.api.pushMessage({ to: ids[0] ?? "", messages: text("x"), customAggregationUnits: ["fifth"] })).resolves.toBeDefined();
    expect(await t.api.getAggregationUnitUsage()).toEqual({ numOfCustomAggregationUnits: 1 });
    expect((await t.api.getAggregationUnitNameList()).customAggregationUnits).toEqual(["fifth"]);
  });

  it("pages the month's unit names with limit and next", async () => {
    await t.control.patch("/__fake/config", { aggregationUnitLimit: 1000 });
    for (const unit of ["u2", "u3", "u4", "u5"]) await t.api.pushMessage({ to: ids[0] ?? "", messages: text("x"), customAggregationUnits: [unit] });
    const first = await t.api.getAggregationUnitNameList("2");
    expect(first.customAggregationUnits).toEqual(["fifth", "u2"]);
    const second = await t.api.getAggregationUnitNameList("2", first.next);
    expect(second.customAggregationUnits).toEqual(["u3", "u4"]);
    const last = await t.api.getAggregationUnitNameList("2", second.next);
    expect(last).toEqual({ customAggregationUnits: ["u5"] });
    expect((await lineFetch(t.fake, "GET", "/v2/bot/message/aggregation/list?limit=101")).json).toEqual({
      message: "The value for the 'limit' parameter is invalid",
    });
    expect((await lineFetch(t.fake, "GET", "/v2/bot/message/aggregation/list?start=bogus")).json).toEqual({ message: "Invalid start param" });
  });
});

function jst(ms: number): string {
  return new Date(ms + 9 * 3600 * 1000).toISOString().slice(0, 10).replaceAll("-", "");
}
