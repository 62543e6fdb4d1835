import { describe, expect, it } from "vitest";
import { AREA_NAMES } from "@/lib/line/area-names";
import { areaMatches, areaNameIn } from "@/lib/line/area-search";
import { AREAS } from "@/lib/line/areas";

const find = (q: string) => AREAS.filter((a) => areaMatches(a, q)).map((a) => a.code);

describe("area search", () => {
  it("finds 臺北市 when the operator types 台北, as the composer's own placeholder does", () => {
    expect(find("台北")).toEqual(["tw_01"]);
    expect(find("臺北")).toEqual(["tw_01"]);
    expect(find("台中")).toEqual(["tw_04"]);
  });

  it("finds Jabodetabek by Jakarta and the other cities it is made of", () => {
    for (const q of ["Jakarta", "jakarta", "Bekasi", "雅加達", "ジャカルタ", "จาการ์ตา"]) expect(find(q), q).toContain("id_04");
    expect(find("Bekasi")).toEqual(["id_04"]);
  });

  it("finds an area by its name in English, Chinese, Japanese and Thai, and by its kana reading", () => {
    for (const q of ["Tokyo", "東京", "とうきょう", "トウキョウ", "โตเกียว", "ＴＯＫＹＯ"]) expect(find(q), q).toContain("jp_13");
    for (const q of ["鹿兒島", "鹿児島", "かごしま", "Kagoshima"]) expect(find(q), q).toEqual(["jp_46"]);
    for (const q of ["Bangkok", "曼谷", "バンコク", "กรุงเทพ"]) expect(find(q), q).toEqual(["th_01"]);
    expect(find("ไทเป")).toEqual(["tw_01", "tw_02"]);
  });

  it("accepts other romanisations and simplified characters", () => {
    expect(find("Hyogo")).toEqual(["jp_28"]);
    expect(find("Kochi")).toEqual(["jp_39"]);
    expect(find("广岛")).toEqual(["jp_34"]);
    expect(find("New Taipei")).toEqual(["tw_02"]);
    expect(find("newtaipei")).toEqual(["tw_02"]);
  });

  it("has names in every language for every area LINE knows", () => {
    for (const a of AREAS) {
      const n = AREA_NAMES.get(a.code);
      expect(n, a.code).toBeDefined();
      expect(n!.zh && n!.ja && n!.th, a.code).toBeTruthy();
    }
  });

  it("names an area in the console's language only when people there write it differently", () => {
    const tokyo = AREAS.find((a) => a.code === "jp_13")!;
    const taipei = AREAS.find((a) => a.code === "tw_01")!;
    expect(areaNameIn(tokyo, "th")).toBe("โตเกียว");
    expect(areaNameIn(tokyo, "zh-TW")).toBeNull();
    expect(areaNameIn(taipei, "ja")).toBeNull();
    expect(areaNameIn(taipei, "en")).toBe("Taipei City");
  });
});
