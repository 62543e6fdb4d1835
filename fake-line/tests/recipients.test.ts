import { describe, expect, it } from "vitest";
import { compileRecipient, isThaiMinor, matchesFilter, RecipientError } from "../domain/recipients";
import type { FilterExpr } from "../validation/narrowcast";
import type { User } from "../world/types";

const NOW = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

function user(overrides: Partial<User>): User {
  return {
    id: "U1",
    displayName: "x",
    language: "ja",
    nativeLanguage: "ja",
    hasPicture: false,
    statusMessage: null,
    gender: "female",
    age: 30,
    appType: "ios",
    areaCode: "jp_13",
    status: "following",
    friendSince: NOW - 100 * DAY,
    blockedAt: null,
    lastMessagedAt: null,
    ...overrides,
  };
}

describe("demographic filter evaluation", () => {
  const male: FilterExpr = { type: "gender", oneOf: ["male"] };
  const tokyo: FilterExpr = { type: "area", oneOf: ["jp_13"] };

  it("never matches an unknown attribute, even under not", () => {
    expect(matchesFilter(male, user({ gender: null }), NOW)).toBe(false);
    expect(matchesFilter({ type: "operator", not: male }, user({ gender: null }), NOW)).toBe(false);
    expect(matchesFilter({ type: "operator", not: male }, user({ gender: "female" }), NOW)).toBe(true);
  });

  it("lets a known match win an `or` over an unknown", () => {
    expect(matchesFilter({ type: "operator", or: [male, tokyo] }, user({ gender: null }), NOW)).toBe(true);
    expect(matchesFilter({ type: "operator", and: [male, tokyo] }, user({ gender: null }), NOW)).toBe(false);
  });

  it("uses half-open ranges for age and friendship duration", () => {
    const age: FilterExpr = { type: "age", gte: "age_20", lt: "age_30" };
    expect(matchesFilter(age, user({ age: 20 }), NOW)).toBe(true);
    expect(matchesFilter(age, user({ age: 30 }), NOW)).toBe(false);
    const period: FilterExpr = { type: "subscriptionPeriod", gte: "day_7", lt: "day_30" };
    expect(matchesFilter(period, user({ friendSince: NOW - 7 * DAY }), NOW)).toBe(true);
    expect(matchesFilter(period, user({ friendSince: NOW - 6 * DAY - 1 }), NOW)).toBe(false);
  });

  it("excludes Thai users under 20 whenever attributes are used", () => {
    const thaiTeen = user({ areaCode: "th_01", age: 17 });
    expect(isThaiMinor(thaiTeen)).toBe(true);
    expect(matchesFilter({ type: "appType", oneOf: ["ios"] }, thaiTeen, NOW)).toBe(false);
    expect(matchesFilter({ type: "appType", oneOf: ["ios"] }, user({ areaCode: "jp_13", age: 17 }), NOW)).toBe(true);
  });
});

describe("recipient expressions", () => {
  const sets = {
    audience: (id: number) => (id === 1 ? new Set(["Ua", "Ub"]) : { error: `Invalid audience group id: ${id}` }),
    redelivery: () => new Set(["Ub"]),
  };

  it("combines audiences and redeliveries with and / or / not", () => {
    const f = compileRecipient(
      {
        type: "operator",
        and: [
          { type: "audience", audienceGroupId: 1 },
          { type: "operator", not: { type: "redelivery", requestId: "r" } },
        ],
      },
      sets,
    );
    expect(["Ua", "Ub", "Uc"].filter(f)).toEqual(["Ua"]);
  });

  it("throws LINE's message for an unusable audience", () => {
    expect(() => compileRecipient({ type: "audience", audienceGroupId: 2 }, sets)).toThrow(new RecipientError("Invalid audience group id: 2"));
  });
});
