import { describe, expect, it } from "vitest";
import { holidayName } from "@/lib/client/schedules";

describe("a holiday's name in the schedule warnings", () => {
  const newYear = { name: "New Year's Day", localName: "元日" };
  it("is the country's own name for a reader of its language", () => {
    expect(holidayName(newYear, "JP", "ja")).toBe("元日");
    expect(holidayName({ name: "Chakri Day", localName: "วันจักรี" }, "TH", "th")).toBe("วันจักรี");
    expect(holidayName({ name: "Republic Day", localName: "中華民國開國紀念日" }, "TW", "zh-TW")).toBe("中華民國開國紀念日");
  });
  it("is English for anyone else, and when no local name is known", () => {
    expect(holidayName(newYear, "JP", "th")).toBe("New Year's Day");
    expect(holidayName(newYear, "JP", "en")).toBe("New Year's Day");
    expect(holidayName({ name: "New Year's Day" }, "JP", "ja")).toBe("New Year's Day");
  });
});
