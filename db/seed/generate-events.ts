import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { normalizeSearchText, textGrams } from "@/db/search-text";

// A realistic million: 90 days of traffic from 20,000 friends, 200 groups and 50 rooms, texts drawn from
// a few thousand sentences in Traditional Chinese, Japanese, Thai and English, so a search term is as
// common or as rare as it would be in a real shop's inbox. Generated inside the database (INSERT …
// SELECT over generate_series) because a million round trips would take an hour.

const fragments = {
  zh: [
    ["請問", "你好，", "不好意思，", "老闆，", "想問一下"],
    ["今天有營業嗎", "週末可以訂位嗎", "這個還有貨嗎", "運費怎麼算", "可以用 LINE Pay 嗎", "台北店在哪裡", "會員點數怎麼查", "優惠券過期了"],
    ["？", "！", "，謝謝", "～"],
  ],
  ja: [
    ["すみません、", "こんにちは！", "お世話になります。", ""],
    [
      "明日の予約を変更したいです",
      "東京タワーの近くに店舗はありますか",
      "クーポンが使えません",
      "配送状況を教えてください",
      "営業時間は何時までですか",
      "ポイントの有効期限は",
    ],
    ["。", "？", "🙏", "！"],
  ],
  th: [
    ["สวัสดีครับ ", "สวัสดีค่ะ ", "ขอถามหน่อย ", ""],
    ["ร้านเปิดกี่โมง", "สั่งกาแฟลาเต้สองแก้ว", "มีโปรโมชั่นไหม", "ส่งของถึงกรุงเทพกี่วัน", "ใช้คูปองไม่ได้", "สาขาเชียงใหม่อยู่ที่ไหน"],
    ["ครับ", "ค่ะ", "", "นะคะ"],
  ],
  en: [
    ["Hi, ", "Hello! ", "Quick question: ", ""],
    [
      "is the spring sale still on",
      "can I change my delivery address",
      "do you ship to Osaka",
      "my coupon code does not work",
      "what time do you close today",
      "where is the Bangkok branch",
    ],
    ["?", "!", " thanks", "."],
  ],
};

export const SEARCH_TERMS = {
  common: "營業",
  japanese: "東京タワー",
  thai: "กรุงเทพ",
  english: "coupon",
  rare: "xylophone-7",
  singleCjk: "貨",
};

function vocabulary(): string[] {
  const out: string[] = [];
  let i = 0;
  for (const [lang, [a, b, c]] of Object.entries(fragments)) {
    for (const x of a!) for (const y of b!) for (const z of c!) out.push(`${x}${y}${z}${lang === "en" && i++ % 7 === 0 ? " #" + i : ""}`);
  }
  // A handful of rare sentences, so a needle-in-a-haystack search is part of the benchmark.
  for (let k = 0; k < 5; k++) out.push(`order xylophone-${k + 3} please`);
  return out;
}

export async function generateEvents(
  db: Db,
  params: {
    /** The one channel that receives everything; or `channelIds`. */
    channelId?: number;
    /**
     * Several channels sharing the history: each delivery (and its events) goes to one of them, picked by
     * a hash of the delivery's number, so every channel has deliveries throughout the 90 days (about
     * total / channels events each, give or take a few per cent) and the rare sentences are spread too.
     */
    channelIds?: number[];
    total: number;
    chunk?: number;
    onProgress?: (n: number) => void;
    /** Events per delivery: 1,000 by default (the timeline benchmark's shape); LINE usually sends one or two. */
    eventsPerDelivery?: number;
    /**
     * Each delivery as LINE would have sent it: received just after its events, its body their JSON. By
     * default deliveries are placeholders (received now, body "{}"), which is all the timeline reads.
     */
    deliveryBodies?: boolean;
  },
) {
  const per = params.eventsPerDelivery ?? 1000;
  const channelIds = params.channelIds ?? (params.channelId === undefined ? [] : [params.channelId]);
  if (channelIds.length === 0) throw new Error("generateEvents: give channelId or channelIds");
  // The channel of delivery number `d` (an SQL expression); one channel: a constant.
  const channelOf = (d: SQL) =>
    channelIds.length === 1
      ? sql`${channelIds[0]!}::int`
      : sql`(${sql.raw(`'{${channelIds.map((id) => id | 0).join(",")}}'::int[]`)})[(1 + ((${d})::bigint * 2654435761 % 1000003) % ${channelIds.length})::int]`;
  const texts = vocabulary();
  await db.execute(sql`drop table if exists bench_texts`);
  await db.execute(sql`create table bench_texts (idx int primary key, text text, search_text text, search_grams int[])`);
  for (let i = 0; i < texts.length; i += 200) {
    const rows = texts.slice(i, i + 200).map((t, j) => {
      const n = normalizeSearchText(t);
      return sql`(${i + j}, ${t}, ${n}, ${sql.raw(`'{${textGrams(n).join(",")}}'::int[]`)})`;
    });
    await db.execute(sql`insert into bench_texts values ${sql.join(rows, sql`, `)}`);
  }
  const nTexts = texts.length;
  const deliveryCount = Math.ceil(params.total / per);
  if (!params.deliveryBodies) {
    await db.execute(sql`
      insert into webhook_deliveries (id, channel_id, received_at, status_code, signature, event_count, body, body_bytes)
      select 'BENCH' || lpad(g::text, 21, '0'), ${channelOf(sql`g`)}, now(), 200, 'valid', ${per}, '{}', 2
      from generate_series(1, ${deliveryCount}) g`);
  }
  // Whole deliveries per chunk (a delivery's events are made together).
  const chunk = Math.ceil((params.chunk ?? 100_000) / per) * per;
  const start = Date.now() - 90 * 86_400_000;
  const step = (90 * 86_400_000) / params.total;
  for (let from = 1; from <= params.total; from += chunk) {
    const to = Math.min(params.total, from + chunk - 1);
    await db.execute(sql`
      with g as (
        select n, (n * 2654435761::bigint) % 1000003 as r from generate_series(${from}::bigint, ${to}::bigint) n
      ), shaped as (
        select n, r,
          case when r % 100 < 85 then 'message' when r % 100 < 90 then 'follow' when r % 100 < 93 then 'unfollow'
               when r % 100 < 97 then 'postback' when r % 100 < 98 then 'join' else 'memberJoined' end as type,
          case when r % 13 < 10 then 'text' when r % 13 < 12 then 'sticker' else 'image' end as mtype,
          case when r % 50 = 0 then 'group' when r % 97 = 0 then 'room' else 'user' end as stype,
          'U' || lpad(to_hex((r % 20000)::int), 32, '0') as uid,
          'C' || lpad(to_hex((r % 200)::int), 32, '0') as gid,
          'R' || lpad(to_hex((r % 50)::int), 32, '0') as rid,
          to_timestamp((${start} + n * ${step} + (r % 1000)) / 1000.0) as ts
        from g
      )
      insert into events (channel_id, delivery_id, dedupe_key, webhook_event_id, type, message_type, message_id, source_type,
        user_id, group_id, room_id, "timestamp", received_at, is_redelivery, mode, reply_token, text, search_text, search_grams, payload)
      select ${channelOf(sql`1 + (n - 1) / ${per}`)}, 'BENCH' || lpad((1 + (n - 1) / ${per})::text, 21, '0'),
        'B' || lpad(n::text, 25, '0'), 'B' || lpad(n::text, 25, '0'),
        s.type,
        case when s.type = 'message' then s.mtype end,
        case when s.type = 'message' then (100000000000000000 + n)::text end,
        s.stype,
        case when s.stype = 'room' and s.type <> 'message' then null else s.uid end,
        case when s.stype = 'group' then s.gid end,
        case when s.stype = 'room' then s.rid end,
        s.ts, s.ts, r % 200 = 0, 'active', md5(n::text),
        case when s.type = 'message' and s.mtype = 'text' then t.text end,
        case when s.type = 'message' and s.mtype = 'text' then t.search_text end,
        case when s.type = 'message' and s.mtype = 'text' then t.search_grams end,
        json_build_object('type', s.type, 'mode', 'active', 'timestamp', (extract(epoch from s.ts) * 1000)::bigint,
          'source', json_build_object('type', s.stype, 'userId', s.uid),
          'webhookEventId', 'B' || lpad(n::text, 25, '0'),
          'deliveryContext', json_build_object('isRedelivery', r % 200 = 0),
          'replyToken', md5(n::text),
          'message', case when s.type = 'message' and s.mtype = 'text'
            then json_build_object('type', 'text', 'id', (100000000000000000 + n)::text, 'text', t.text)
            when s.type = 'message' then json_build_object('type', s.mtype, 'id', (100000000000000000 + n)::text) end)
      from shaped s join bench_texts t on t.idx = case when s.n % 50000 = 7 then ${nTexts - 1} else (s.r / 7) % ${nTexts - 5} end`);
    if (params.deliveryBodies) {
      const first = `BENCH${String(1 + Math.floor((from - 1) / per)).padStart(21, "0")}`;
      const last = `BENCH${String(1 + Math.floor((to - 1) / per)).padStart(21, "0")}`;
      await db.execute(sql`
        insert into webhook_deliveries (id, channel_id, received_at, status_code, signature, destination, event_count, body, body_bytes, user_agent)
        select d.id, d.channel_id, d.received_at, 200, 'valid', 'U58b2a2055bb55bcbb37d2f2a4276b0bd', d.n, d.body, octet_length(d.body), 'LineBotWebhook/2.0'
        from (
          select delivery_id as id, min(channel_id) as channel_id, max(received_at) + interval '150 milliseconds' as received_at, count(*)::int as n,
            '{"destination":"U58b2a2055bb55bcbb37d2f2a4276b0bd","events":[' || string_agg(payload::text, ',' order by id) || ']}' as body
          from events where delivery_id between ${first} and ${last} group by delivery_id
        ) d`);
    }
    params.onProgress?.(to);
  }
  await db.execute(sql`
    insert into event_counts (channel_id, hour, type, shard, count)
    select channel_id, date_trunc('hour', "timestamp" at time zone 'UTC') at time zone 'UTC', type, 0, count(*)
    from events group by 1, 2, 3
    on conflict (channel_id, hour, type, shard) do update set count = excluded.count`);
  await db.execute(sql`drop table bench_texts`);
  await db.execute(sql`analyze`);
}
