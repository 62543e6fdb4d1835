import { createFormatter, createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { segmentFilterChips } from "@/components/segments/segment-filter-chips";
import { segmentFilterSchema } from "@/lib/segments/segment-schema";
import { catalogues, type CatalogueLocale } from "../helpers/catalogues";

function chips(locale: CatalogueLocale, input: unknown) {
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: "segments.summary" });
  const tStatus = createTranslator({ locale, messages: catalogues[locale], namespace: "contacts.status" });
  const format = createFormatter({ locale, timeZone: "Asia/Tokyo" });
  return segmentFilterChips(segmentFilterSchema.parse(input), {
    t: (key, values) => t(key, values as never),
    status: (s) => tStatus(s),
    list: (items, type) => format.list(items, { type }),
    date: (iso) => format.dateTime(new Date(iso), { dateStyle: "medium" }),
    languageName: (code) => code,
  });
}

describe("segment chips", () => {
  it("join CJK lists the way the language does, not with spaced words", () => {
    const filter = { tags: { mode: "any", values: ["vip", "台北店"] }, excludeTags: ["測試", "員工", "廠商"] };
    expect(chips("ja", filter)).toEqual(["タグ：vipまたは台北店", "除外タグ：測試、員工、または廠商"]);
    expect(chips("zh-TW", filter)).toEqual(["標籤：vip或台北店", "排除標籤：測試、員工或廠商"]);
    expect(chips("en", filter)).toEqual(["Tag: vip or 台北店", "Not tagged: 測試, 員工, or 廠商"]);
    expect(chips("th", filter)[0]).toBe("แท็ก: vip หรือ 台北店");
  });

  it("say that every tag is needed when the tags are combined with AND", () => {
    const filter = { tags: { mode: "all", values: ["vip", "台北店"] } };
    expect(chips("ja", filter)).toEqual(["すべてのタグ：vip、台北店"]);
    expect(chips("zh-TW", filter)).toEqual(["全部標籤：vip和台北店"]);
    expect(chips("en", filter)).toEqual(["All of the tags: vip and 台北店"]);
    // One tag is the same condition either way.
    expect(chips("en", { tags: { mode: "all", values: ["vip"] } })).toEqual(["Tag: vip"]);
  });

  it("list statuses, windows and dates, or say all friends when nothing narrows it", () => {
    expect(chips("en", {})).toEqual(["All friends"]);
    expect(chips("en", { statuses: ["friend", "blocked"], lastActive: { withinDays: 30 }, firstSeen: { after: "2026-01-05" } })).toEqual([
      `Status: ${catalogues.en.contacts.status.friend} or ${catalogues.en.contacts.status.blocked}`,
      "Active in the last 30 days",
      "First seen from Jan 5, 2026",
    ]);
  });
});
