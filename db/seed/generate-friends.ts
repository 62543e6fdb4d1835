import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { normalizeSearchText, textGrams } from "@/db/search-text";

// A realistic friend list for benchmarks and plan tests: names in Traditional Chinese, Japanese, Thai
// and English (as an account in Taiwan, Japan or Thailand has them), languages, statuses (most are
// friends, some blocked, a few seen only in groups), a year of first-seen and last-active times, and
// tags of very different sizes (a rare "vip", a common "newsletter"). Deterministic for a given count.

const names = {
  "zh-TW": {
    family: ["陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "許", "鄭"],
    given: ["家豪", "志明", "俊傑", "建宏", "淑芬", "美玲", "雅婷", "怡君", "宗翰", "佳穎", "欣怡", "冠宇", "詩涵", "柏翰"],
  },
  ja: {
    family: ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"],
    given: ["さくら", "陽菜", "結衣", "翔太", "大翔", "蓮", "ゆうと", "美咲", "はると", "あおい", "健太", "直子"],
  },
  th: {
    family: ["ใจดี", "สุขสันต์", "ศรีสุข", "วงศ์ใหญ่", "ทองดี", "แก้วมณี", "บุญมา", "รัตนพันธ์"],
    given: ["สมชาย", "สมศรี", "วิภาวดี", "ณัฐพล", "กิตติพงษ์", "ปิยะนุช", "ศิริพร", "อรุณี", "ธนากร", "พิมพ์ชนก"],
  },
  en: {
    family: ["Smith", "Chen", "Wong", "Brown", "Tanaka", "Garcia", "Lee", "Taylor", "Nguyen", "Miller"],
    given: ["Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Ethan", "Sophia", "Mason", "Chloe", "Ryan"],
  },
};
const languages = ["zh-TW", "zh-TW", "zh-TW", "ja", "ja", "th", "th", "en"] as const;

/** Names the benchmark searches for, and how common they are in the generated list. */
export const FRIEND_SEARCH_TERMS = { chineseCommon: "雅婷", chinese: "陳雅婷", japanese: "佐藤さくら", thai: "สมชาย", english: "olivia", rare: "xylophone" };
export const FRIEND_TAGS = [
  { name: "vip", every: 200 },
  { name: "newsletter", every: 3 },
  { name: "台北店", every: 7 },
  { name: "campaign-2026", every: 11 },
];

export function friendUserId(i: number): string {
  return `U${(0x5eed0000 + i).toString(16).padStart(32, "0")}`;
}

export async function generateFriends(db: Db, params: { channelId: number; total: number; now?: Date; onProgress?: (n: number) => void }) {
  const now = (params.now ?? new Date()).getTime();
  const BATCH = 2000;
  for (let start = 0; start < params.total; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(params.total, start + BATCH); i++) {
      const language = languages[i % languages.length]!;
      const pool = names[language];
      const family = pool.family[(i * 7) % pool.family.length]!;
      const given = pool.given[(i * 13 + Math.floor(i / 97)) % pool.given.length]!;
      const name =
        i === Math.floor(params.total / 2)
          ? "Xylophone Collector"
          : language === "en"
            ? `${given} ${family}`
            : language === "th"
              ? `${given} ${family}`
              : `${family}${given}`;
      const search = normalizeSearchText(name);
      const status = i % 23 === 0 ? "blocked" : i % 31 === 0 ? "unknown" : "friend";
      const firstSeen = now - ((i * 7919) % (365 * 86_400)) * 1000;
      const lastActive = i % 5 === 1 ? 0 : Math.min(now, firstSeen + ((i * 104_729) % (200 * 86_400)) * 1000);
      rows.push({
        user_id: friendUserId(i),
        display_name: name,
        language: status === "unknown" ? null : language,
        status,
        first_seen: new Date(firstSeen).toISOString(),
        last_active: new Date(lastActive).toISOString(),
        name_key: search,
        search_text: search,
        search_grams: `{${textGrams(search).join(",")}}`,
      });
    }
    await db.execute(sql`
      insert into friends (channel_id, user_id, display_name, language, status, status_at, first_seen_at, last_active_at, name_key, search_text, search_grams, profile_status, profile_fetched_at)
      select ${params.channelId}, x.user_id, x.display_name, x.language, x.status, x.first_seen, x.first_seen, x.last_active, x.name_key, x.search_text, x.search_grams::int[], 'ok', now()
      from json_to_recordset(${JSON.stringify(rows)}::json) as x(user_id text, display_name text, language text, status text, first_seen timestamptz, last_active timestamptz, name_key text, search_text text, search_grams text)
      on conflict do nothing`);
    params.onProgress?.(Math.min(params.total, start + BATCH));
  }
  for (const tag of FRIEND_TAGS) {
    await db.execute(sql`
      insert into friend_tags (channel_id, tag, user_id)
      select ${params.channelId}, ${tag.name}, 'U' || lpad(to_hex(${0x5eed0000} + i), 32, '0') from generate_series(0, ${params.total - 1}) as i where i % ${tag.every} = 0
      on conflict do nothing`);
    await db.execute(sql`
      insert into tags (channel_id, name, friend_count) values (${params.channelId}, ${tag.name}, (select count(*) from friend_tags where channel_id = ${params.channelId} and tag = ${tag.name}))
      on conflict (channel_id, name) do update set friend_count = excluded.friend_count`);
  }
  await db.execute(sql`analyze friends`);
  await db.execute(sql`analyze friend_tags`);
}
