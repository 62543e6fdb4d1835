import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { statText } from "@/components/campaigns/stat-text";
import en from "@/i18n/catalogues/en.json";
import ja from "@/i18n/catalogues/ja.json";
import th from "@/i18n/catalogues/th.json";
import zhTW from "@/i18n/catalogues/zh-TW.json";
import { campaignUnitName } from "@/lib/campaigns/aggregation-units";
import { funnelOf, hasLinks, statOf, sumStats } from "@/lib/campaigns/figures";
import { nextFetchAt } from "@/lib/campaigns/statistics-job";
import { lineDate, lineMonth, lineMonthStart } from "@/lib/line/line-dates";
import { classifyError } from "@/lib/sends/classify";
import { HTTPFetchError } from "@line/bot-sdk";

const catalogues = { en, "zh-TW": zhTW, ja, th } as const;
const DAY = 86_400_000;

describe("LINE's figures", () => {
  it("keeps what LINE hid below 20 apart from 0 and from what is not fetched yet", () => {
    const body = { overview: { delivered: 320, uniqueImpression: null, uniqueClick: 0 } };
    expect(funnelOf({ body, byUnit: false, sent: { value: 330 }, hasLinks: true })).toEqual({
      sent: { value: 330 },
      delivered: { value: 320 },
      opened: { value: null, hidden: true },
      clicked: { value: 0 },
    });
    expect(statOf(null, null)).toEqual({ value: null });
    // A message without links has nothing to click: LINE's null there hides nothing.
    expect(funnelOf({ body: { overview: { uniqueClick: null } }, byUnit: false, sent: { value: 1 }, hasLinks: false }).clicked).toEqual({ value: null });
    // LINE reports no deliveries per aggregation unit.
    expect(funnelOf({ body: { overview: {} }, byUnit: true, sent: { value: 1 }, hasLinks: false }).delivered).toEqual({ value: null, notReported: true });
  });

  it("adds figures up, saying when hidden ones are left out", () => {
    expect(sumStats([{ value: 40 }, { value: null, hidden: true }])).toEqual({ value: 40, hidden: true });
    expect(sumStats([{ value: null, hidden: true }, { value: null }])).toEqual({ value: null, hidden: true });
    expect(sumStats([{ value: 5 }, { value: 100, estimate: true }])).toEqual({ value: 105, estimate: true });
  });

  it.each(Object.entries(catalogues))("says “fewer than 20 (hidden by LINE)” in %s, never 0", (locale, messages) => {
    const t = createTranslator({ locale, messages, namespace: "campaigns.figures" }) as unknown as Parameters<typeof statText>[1];
    const text = statText({ value: null, hidden: true }, t, String);
    expect(text).not.toMatch(/^0$/);
    expect(text).toContain("20");
    expect(text).toBe(messages.campaigns.figures.hidden);
    expect(statText({ value: null }, t, String)).toBe("—");
    expect(statText({ value: 42 }, t, String)).toBe("42");
  });

  it("finds links in texts and URI actions", () => {
    expect(hasLinks([{ type: "text", text: "see https://example.com" }])).toBe(true);
    expect(hasLinks([{ type: "template", template: { actions: [{ type: "uri", uri: "https://example.com" }] } }])).toBe(true);
    expect(
      hasLinks([
        { type: "text", text: "no link" },
        { type: "sticker", packageId: "1", stickerId: "1" },
      ]),
    ).toBe(false);
  });
});

describe("the statistics schedule", () => {
  const sent = Date.UTC(2026, 3, 1, 3, 0);
  const row = { keepUntil: new Date(sent + 14 * DAY) };
  it("looks an hour after the send, then every six hours, last just before LINE lets the figures go", () => {
    expect(nextFetchAt(row, sent + 20 * 60_000)?.getTime()).toBe(sent + 3_600_000);
    expect(nextFetchAt(row, sent + 2 * 3_600_000)?.getTime()).toBe(sent + 8 * 3_600_000);
    expect(nextFetchAt(row, sent + 14 * DAY - 3 * 3_600_000)?.getTime()).toBe(sent + 14 * DAY - 5 * 60_000);
    expect(nextFetchAt(row, sent + 14 * DAY - 60_000)).toBeNull();
  });
});

describe("aggregation units", () => {
  it("names one per campaign within LINE's pattern, a variant's apart", () => {
    const id = "3b241101-e2bb-4255-8caf-4136c566a962";
    expect(campaignUnitName(id)).toMatch(/^oa_[0-9a-f]{16}$/);
    expect(campaignUnitName(id)).toBe(campaignUnitName(id));
    expect(campaignUnitName(id, "B")).toBe(`${campaignUnitName(id)}_B`);
    expect(campaignUnitName(id, "winner")).toMatch(/^[a-zA-Z0-9_]{1,30}$/);
  });

  it("counts months and days in UTC+9, as LINE does", () => {
    // 2026-04-30 16:00 UTC is already May 1st in Japan.
    const at = Date.UTC(2026, 3, 30, 16, 0);
    expect(lineDate(at)).toBe("20260501");
    expect(lineMonth(at)).toBe("202605");
    expect(lineMonthStart(at).toISOString()).toBe("2026-04-30T15:00:00.000Z");
  });

  it("tells LINE's refusal of a unit from a rate limit or the message quota", () => {
    const refusal = (status: number, body: unknown) =>
      classifyError(new HTTPFetchError(`${status} - x`, { status, statusText: "x", headers: new Headers(), body: JSON.stringify(body) }));
    expect(
      refusal(400, { message: "The request body has 1 error(s)", details: [{ property: "customAggregationUnits[0]", message: "Invalid" }] }),
    ).toMatchObject({
      kind: "failed",
      reason: "aggregation_unit",
    });
    expect(refusal(429, { message: "The number of aggregation units exceeded the limit" })).toMatchObject({ kind: "failed", reason: "aggregation_unit" });
    expect(refusal(429, { message: "You have reached your monthly limit." })).toMatchObject({ reason: "monthly_quota" });
    expect(refusal(429, { message: "The API rate limit has been exceeded. Try again later." })).toMatchObject({ kind: "wait" });
  });
});
