// Builds the seeded world: the bot, a few thousand users with LINE-like demographics, and a few group
// and room chats. The same seed always yields the same ids, names and attributes; absolute dates are
// anchored at `now` (friendships are "N days ago").
import { DAY } from "../core/jst";
import { groupId, roomId, userId } from "../core/ids";
import { createRng, type Rng } from "../core/prng";
import { areasOf, type Country } from "./areas";
import { displayName, type Language } from "./name-pools";
import { GROUP_NAMES, STATUS_MESSAGES } from "./phrases";
import type { AppType, Bot, Chat, Gender, User } from "./types";

export type WorldSeed = {
  bot: Bot;
  users: User[];
  chats: Chat[];
};

/** How often each language appears among users (weights); channels of the demo preset shift it. */
export type LanguageMix = readonly (readonly [Language, number])[];

export const DEFAULT_LANGUAGE_MIX: LanguageMix = [
  ["zh-TW", 35],
  ["ja", 30],
  ["th", 20],
  ["en", 8],
  ["id", 7],
];

export type WorldOptions = { seed: number; friends: number; now: number; languages?: LanguageMix; botName?: string };

export function generateWorld(options: WorldOptions): WorldSeed {
  const { seed, friends, now } = options;
  const languages = options.languages ?? DEFAULT_LANGUAGE_MIX;
  const botRng = createRng(seed, "bot");
  const bot: Bot = {
    userId: userId(botRng),
    basicId: `@${botRng.int(100, 999)}${Array.from({ length: 5 }, () => botRng.pick([..."abcdefghijklmnopqrstuvwxyz"])).join("")}`,
    displayName: options.botName ?? "OA Console Demo Shop",
  };

  const userRng = createRng(seed, "users");
  const users: User[] = [];
  for (let i = 0; i < friends; i++) users.push(generateUser(userRng, now, "friend", languages));
  const strangerCount = Math.max(5, Math.round(friends * 0.05));
  const strangers: User[] = [];
  for (let i = 0; i < strangerCount; i++) strangers.push(generateUser(userRng, now, "stranger", languages));
  users.push(...strangers);

  const chats = generateChats(createRng(seed, "chats"), users, strangers, now);
  return { bot, users, chats };
}

/** One user; also used at run time when the control API adds a brand-new friend. */
export function generateUser(rng: Rng, now: number, kind: "friend" | "stranger" | "new", languages: LanguageMix = DEFAULT_LANGUAGE_MIX): User {
  const language = rng.weighted<Language>(languages.map(([l, w]) => [l, w]));
  const country = countryOf(rng, language);
  const areaCode = rng.chance(0.12) ? null : pickArea(rng, country);
  const friendSince = kind === "friend" ? now - friendshipDaysAgo(rng) * DAY - rng.int(0, DAY - 1) : kind === "new" ? now : null;
  const blocked = kind === "friend" && rng.chance(0.07);
  const user: User = {
    id: userId(rng),
    displayName: displayName(rng, language),
    language: rng.chance(0.92) ? language : null,
    nativeLanguage: language,
    hasPicture: rng.chance(0.85),
    statusMessage: rng.chance(0.55) ? rng.pick(STATUS_MESSAGES[language]) : null,
    gender: rng.weighted<Gender | null>([
      ["male", 44],
      ["female", 44],
      [null, 12],
    ]),
    age: rng.chance(0.12) ? null : pickAge(rng),
    appType: pickAppType(rng, country),
    areaCode,
    status: kind === "stranger" ? "none" : blocked ? "blocked" : "following",
    friendSince,
    blockedAt: null,
    lastMessagedAt: null,
  };
  if (blocked && friendSince !== null) user.blockedAt = friendSince + Math.floor(rng.next() * (now - friendSince));
  return user;
}

function generateChats(rng: Rng, users: User[], strangers: User[], now: number): Chat[] {
  const pool = users.filter((u) => u.status !== "blocked");
  const groupCount = Math.min(GROUP_NAMES.length, Math.max(2, Math.min(6, Math.floor(pool.length / 20))));
  const chats: Chat[] = [];
  for (let i = 0; i < groupCount; i++) {
    const size = Math.min(pool.length, rng.int(4, 30));
    chats.push({
      id: groupId(rng),
      kind: "group",
      name: GROUP_NAMES[i] ?? `Group ${i + 1}`,
      hasPicture: rng.chance(0.7),
      memberIds: sample(rng, pool, size).map((u) => u.id),
      // The last group is one the bot has left, so "not a member" paths can be exercised.
      botIsMember: i < groupCount - 1,
      createdAt: now - rng.int(30, 900) * DAY,
    });
  }
  for (let i = 0; i < 3; i++) {
    chats.push({
      id: roomId(rng),
      kind: "room",
      name: null,
      hasPicture: false,
      memberIds: sample(rng, pool, Math.min(pool.length, rng.int(3, 8))).map((u) => u.id),
      botIsMember: true,
      createdAt: now - rng.int(1, 200) * DAY,
    });
  }
  // Every stranger is seen in at least one chat the bot is in, which is how the bot knows them.
  const visible = chats.filter((c) => c.botIsMember);
  for (const s of strangers) {
    if (visible.some((c) => c.memberIds.includes(s.id))) continue;
    const chat = rng.pick(visible);
    chat.memberIds.push(s.id);
  }
  return chats;
}

function countryOf(rng: Rng, language: Language): Country {
  switch (language) {
    case "zh-TW":
      return "TW";
    case "ja":
      return "JP";
    case "th":
      return "TH";
    case "id":
      return "ID";
    case "en":
      return rng.pick<Country>(["JP", "TW", "TH", "ID"]);
  }
}

// Big cities are over-represented, as in any real friend list.
const HEAVY: Record<Country, string[]> = {
  JP: ["jp_13", "jp_27", "jp_14", "jp_23", "jp_40", "jp_01", "jp_11"],
  TW: ["tw_01", "tw_02", "tw_04", "tw_06", "tw_03", "tw_05"],
  TH: ["th_01", "th_01", "th_03", "th_07"],
  ID: ["id_04", "id_04", "id_11", "id_02"],
};

function pickArea(rng: Rng, country: Country): string {
  if (rng.chance(0.6)) return rng.pick(HEAVY[country]);
  return rng.pick(areasOf(country)).code;
}

function pickAge(rng: Rng): number {
  const [from, to] = rng.weighted<[number, number]>([
    [[13, 14], 3],
    [[15, 19], 8],
    [[20, 24], 12],
    [[25, 29], 14],
    [[30, 34], 14],
    [[35, 39], 12],
    [[40, 44], 10],
    [[45, 49], 8],
    [[50, 54], 7],
    [[55, 59], 5],
    [[60, 64], 4],
    [[65, 69], 2],
    [[70, 82], 1],
  ]);
  return rng.int(from, to);
}

function pickAppType(rng: Rng, country: Country): AppType {
  const iosShare = country === "JP" || country === "TW" ? 60 : 30;
  return rng.weighted<AppType>([
    ["ios", iosShare],
    ["android", 95 - iosShare],
    ["others", 5],
  ]);
}

function friendshipDaysAgo(rng: Rng): number {
  const [from, to] = rng.weighted<[number, number]>([
    [[0, 6], 5],
    [[7, 29], 8],
    [[30, 89], 12],
    [[90, 179], 12],
    [[180, 364], 18],
    [[365, 1500], 45],
  ]);
  return rng.int(from, to);
}

function sample<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const picked = new Set<number>();
  while (picked.size < Math.min(n, items.length)) picked.add(rng.int(0, items.length - 1));
  return [...picked].sort((a, b) => a - b).map((i) => items[i] as T);
}
