import { describe, expect, it } from "vitest";
import { ID_PATTERNS } from "../core/ids";
import { AREAS } from "../world/areas";
import { generateWorld } from "../world/generate-world";

const NOW = Date.UTC(2026, 0, 15, 3, 0, 0);

describe("the seeded world", () => {
  it("is the same for the same seed and different for another", () => {
    const a = generateWorld({ seed: 42, friends: 500, now: NOW });
    const b = generateWorld({ seed: 42, friends: 500, now: NOW });
    const c = generateWorld({ seed: 43, friends: 500, now: NOW });
    expect(b).toEqual(a);
    expect(c.bot.userId).not.toBe(a.bot.userId);
    expect(c.users.map((u) => u.id)).not.toEqual(a.users.map((u) => u.id));
  });

  it("keeps the first friends when the world grows (one stream per purpose)", () => {
    const small = generateWorld({ seed: 9, friends: 100, now: NOW });
    const large = generateWorld({ seed: 9, friends: 200, now: NOW });
    expect(large.users.slice(0, 100)).toEqual(small.users.slice(0, 100));
  });

  it("uses LINE's id formats", () => {
    const world = generateWorld({ seed: 1, friends: 300, now: NOW });
    expect(world.bot.userId).toMatch(ID_PATTERNS.user);
    for (const u of world.users) expect(u.id).toMatch(ID_PATTERNS.user);
    for (const c of world.chats) expect(c.id).toMatch(c.kind === "group" ? ID_PATTERNS.group : ID_PATTERNS.room);
    expect(new Set(world.users.map((u) => u.id)).size).toBe(world.users.length);
  });

  it("has the mix of people a real account has", () => {
    const { users, chats } = generateWorld({ seed: 42, friends: 3000, now: NOW });
    const share = (pred: (u: (typeof users)[number]) => boolean) => users.filter(pred).length / users.length;
    for (const lang of ["zh-TW", "ja", "th", "en", "id"]) expect(share((u) => u.nativeLanguage === lang)).toBeGreaterThan(0.03);
    expect(share((u) => u.status === "blocked")).toBeGreaterThan(0.03);
    expect(share((u) => u.status === "none")).toBeGreaterThan(0.02);
    expect(share((u) => u.gender === null)).toBeGreaterThan(0.05);
    expect(share((u) => u.age === null)).toBeGreaterThan(0.05);
    expect(share((u) => u.areaCode === null)).toBeGreaterThan(0.05);
    expect(share((u) => u.language === null)).toBeGreaterThan(0.02);
    expect(share((u) => !u.hasPicture)).toBeGreaterThan(0.05);
    const countries = new Set(users.map((u) => u.areaCode?.slice(0, 2)).filter(Boolean));
    expect(countries).toEqual(new Set(["jp", "tw", "th", "id"]));
    expect(users.some((u) => /[\u0e00-\u0e7f]/.test(u.displayName))).toBe(true);
    expect(users.some((u) => /[\u3040-\u30ff]/.test(u.displayName))).toBe(true);
    expect(users.some((u) => /[陳林黃張李王]/.test(u.displayName))).toBe(true);
    expect(users.some((u) => u.friendSince !== null && NOW - u.friendSince < 7 * 86_400_000)).toBe(true);
    expect(chats.filter((c) => c.kind === "group").length).toBeGreaterThanOrEqual(2);
    expect(chats.filter((c) => c.kind === "room").length).toBe(3);
    // Users who never added the account are known only from chats the bot is in.
    for (const stranger of users.filter((u) => u.status === "none")) {
      expect(chats.some((c) => c.botIsMember && c.memberIds.includes(stranger.id))).toBe(true);
    }
  });

  it("knows LINE's 89 narrowcast area codes", () => {
    expect(AREAS).toHaveLength(89);
    expect(AREAS.filter((a) => a.country === "JP")).toHaveLength(47);
    expect(AREAS.filter((a) => a.country === "TW")).toHaveLength(22);
    expect(AREAS.filter((a) => a.country === "TH")).toHaveLength(8);
    expect(AREAS.filter((a) => a.country === "ID")).toHaveLength(12);
    expect(AREAS.find((a) => a.code === "jp_13")).toEqual({ code: "jp_13", country: "JP", name: "Tokyo", localName: "東京都" });
    expect(AREAS.find((a) => a.code === "id_05")?.name).toBe("Lainnya");
    expect(AREAS.find((a) => a.code === "tw_22")?.name).toBe("Lienchiang County");
  });
});
