// Fills a running console with a realistic week of webhook traffic: texts in Chinese, Japanese, Thai and
// English, stickers, image sets, follows, postbacks, group mentions, redeliveries, plus a few refused
// deliveries. Usage: npx tsx scripts/seed-events.ts [--url http://localhost:3300] [--count 300]
// [--channel <key> --secret <that channel's secret>]: without --channel, the first channel's URL
// (/api/line/webhook); with it, that channel's own (/api/line/webhook/<key>).
import { createHmac, randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { eventBuilders } from "../tests/fixtures/webhook-events";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: process.env.SEED_URL ?? "http://localhost:3300" },
    count: { type: "string", default: "300" },
    secret: { type: "string", default: process.env.LINE_CHANNEL_SECRET ?? "0123456789abcdef0123456789abcdef" },
    channel: { type: "string" },
  },
});
const endpoint = new URL(values.channel ? `/api/line/webhook/${encodeURIComponent(values.channel)}` : "/api/line/webhook", values.url).toString();
const secret = values.secret!;
const total = Number(values.count);

const BOT = "U58b2a2055bb55bcbb37d2f2a4276b0bd";
const users = Array.from({ length: 14 }, () => `U${hex(32)}`);
const groups = Array.from({ length: 3 }, () => `C${hex(32)}`);
const rooms = [`R${hex(32)}`];

const texts = [
  "請問週末有營業嗎？",
  "我想預約明天晚上七點，四位大人一位小孩，謝謝",
  "訂單 #A1024 什麼時候出貨？",
  "可以開發票嗎？統編 24536806",
  "台北信義店的停車場在哪裡？",
  "明日の予約を変更できますか？",
  "クーポンはまだ使えますか",
  "東京タワー店の営業時間を教えてください",
  "お世話になっております。先日注文した商品がまだ届いていないのですが、配送状況を確認していただけますでしょうか。注文番号はJP-88213です。",
  "สวัสดีค่ะ อยากสอบถามเรื่องโปรโมชั่นเดือนนี้",
  "ร้านเปิดกี่โมงคะ",
  "สวัสดีครับ ผมสั่งสินค้าไปตั้งแต่วันจันทร์ที่แล้ว หมายเลขคำสั่งซื้อ TH-20260412-8891 แต่จนถึงตอนนี้ยังไม่ได้รับของเลย รบกวนช่วยตรวจสอบสถานะการจัดส่งให้หน่อยได้ไหมครับ",
  "มีสาขาที่เชียงใหม่ไหม",
  "Is the spring sale still on?",
  "Can I change my delivery address to 12 Nanjing E Rd?",
  "order #1001 please",
];

const stickers = [
  { packageId: "446", stickerId: "1988", stickerResourceType: "ANIMATION", keywords: ["happy", "ดีใจ"] },
  { packageId: "11537", stickerId: "52002734", stickerResourceType: "STATIC", keywords: ["OK", "了解"] },
  { packageId: "789", stickerId: "10855", stickerResourceType: "ANIMATION_SOUND", keywords: ["thanks", "ありがとう"] },
  { packageId: "12287", stickerId: "738839", stickerResourceType: "MESSAGE", keywords: ["Thinking"], text: "See you\nat 7!" },
];

const now = Date.now();
let messageId = 500000000000000000n;

type Json = Record<string, unknown>;

function event(type: string, source: Json | undefined, extra: Json, at: number, opts: { redelivery?: boolean } = {}): Json {
  return {
    type,
    mode: "active",
    timestamp: at,
    ...(source ? { source } : {}),
    webhookEventId: ulid(at),
    deliveryContext: { isRedelivery: opts.redelivery ?? false },
    replyToken: hex(32),
    ...extra,
  };
}

function message(source: Json, at: number, content: Json, opts?: { redelivery?: boolean }): Json {
  messageId++;
  return event("message", source, { message: { id: String(messageId), quoteToken: hex(20), ...content } }, at, opts);
}

function randomEvent(at: number): Json {
  const user = pick(users);
  const dm = { type: "user", userId: user };
  const group = { type: "group", groupId: pick(groups), userId: user };
  const roll = Math.random();
  if (roll < 0.38) return message(Math.random() < 0.75 ? dm : group, at, { type: "text", text: pick(texts) });
  if (roll < 0.44) {
    return message(group, at, {
      type: "text",
      text: "@All @Bot 今天幾點開門？",
      mention: {
        mentionees: [
          { index: 0, length: 4, type: "all" },
          { index: 5, length: 4, type: "user", userId: BOT, isSelf: true },
        ],
      },
    });
  }
  if (roll < 0.48) {
    return message(dm, at, {
      type: "text",
      text: "Hello (love) do you open on Sunday? (moon grin)",
      emojis: [
        { index: 6, length: 6, productId: "5ac1bfd5040ab15980c9b435", emojiId: "001" },
        { index: 36, length: 11, productId: "5ac1bfd5040ab15980c9b435", emojiId: "002" },
      ],
    });
  }
  if (roll < 0.56) return message(Math.random() < 0.8 ? dm : { type: "room", roomId: rooms[0], userId: user }, at, { type: "sticker", ...pick(stickers) });
  if (roll < 0.6) {
    const setId = hex(32).toUpperCase();
    return message(dm, at, { type: "image", contentProvider: { type: "line" }, imageSet: { id: setId, index: 1 + Math.floor(Math.random() * 3), total: 3 } });
  }
  if (roll < 0.62) return message(dm, at, { type: "image", contentProvider: { type: "line" } });
  if (roll < 0.63) return message(dm, at, { type: "video", duration: 15000 + Math.floor(Math.random() * 90000), contentProvider: { type: "line" } });
  if (roll < 0.64) return message(dm, at, { type: "audio", duration: 4000 + Math.floor(Math.random() * 60000), contentProvider: { type: "line" } });
  if (roll < 0.65)
    return message(dm, at, {
      type: "file",
      fileName: pick(["見積書_2026.pdf", "ใบเสนอราคา-มีนาคม.xlsx", "menu-spring.pdf"]),
      fileSize: Math.floor(Math.random() * 5_000_000),
    });
  if (roll < 0.66)
    return message(dm, at, {
      type: "location",
      title: pick(["台北101", "東京タワー", "สยามพารากอน"]),
      address: pick(["臺北市信義區信義路五段7號", "東京都港区芝公園4丁目2-8", "991 ถนนพระรามที่ 1 แขวงปทุมวัน เขตปทุมวัน กรุงเทพมหานคร 10330"]),
      latitude: 25.033964,
      longitude: 121.564468,
    });
  if (roll < 0.74) return event("follow", dm, { follow: { isUnblocked: Math.random() < 0.3 } }, at);
  if (roll < 0.77) return event("unfollow", dm, {}, at);
  if (roll < 0.84)
    return event(
      "postback",
      dm,
      {
        postback: {
          data: pick(["action=reserve&table=4", "action=coupon&id=SPRING25", "lang=th"]),
          ...(Math.random() < 0.5 ? { params: { datetime: "2026-12-24T19:00" } } : {}),
        },
      },
      at,
    );
  if (roll < 0.86) return event("postback", dm, { postback: { data: "switch-menu", params: { newRichMenuAliasId: "menu-b", status: "SUCCESS" } } }, at);
  if (roll < 0.88)
    return event(
      "memberJoined",
      { type: "group", groupId: pick(groups) },
      {
        joined: {
          members: [
            { type: "user", userId: pick(users) },
            { type: "user", userId: pick(users) },
          ],
        },
      },
      at,
    );
  if (roll < 0.89) return event("memberLeft", { type: "group", groupId: pick(groups) }, { left: { members: [{ type: "user", userId: pick(users) }] } }, at);
  if (roll < 0.9) return event("join", { type: "group", groupId: pick(groups) }, {}, at);
  if (roll < 0.91) return event("beacon", dm, { beacon: { hwid: "d41d8cd98f", type: pick(["enter", "stay", "banner"]) } }, at);
  if (roll < 0.92) return event("videoPlayComplete", dm, { videoPlayComplete: { trackingId: "track-spring-sale" } }, at);
  if (roll < 0.93) return event("unsend", dm, { unsend: { messageId: String(messageId - 3n) } }, at);
  if (roll < 0.94) return event("messageEdited", group, { message: { type: "text", id: String(messageId), text: "修正：明日は休みです" } }, at);
  if (roll < 0.95) return event("membership", dm, { membership: { type: pick(["joined", "left", "renewed"]), membershipId: 3189 } }, at);
  if (roll < 0.96) return event("accountLink", dm, { link: { result: "ok", nonce: hex(16) } }, at);
  return message(dm, at, { type: "text", text: pick(texts) }, { redelivery: true });
}

async function post(body: string, signature: string | null = sign(body)) {
  const res = await fetch(endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/json; charset=utf-8",
      "user-agent": "LineBotWebhook/2.0",
      ...(signature ? { "x-line-signature": signature } : {}),
    },
    body,
  });
  return res.status;
}

async function main() {
  const times = Array.from({ length: total }, () => {
    // Busier recently: two thirds within the last day, the rest spread over the week.
    const span = Math.random() < 0.66 ? 24 * 3_600_000 : 7 * 24 * 3_600_000;
    return now - Math.floor(Math.random() ** 1.4 * span);
  }).sort((a, b) => a - b);

  let sent = 0;
  while (sent < times.length) {
    const n = Math.min(times.length - sent, 1 + Math.floor(Math.random() * 4));
    const batch = times.slice(sent, sent + n).map(randomEvent);
    await post(JSON.stringify({ destination: BOT, events: batch }));
    sent += n;
  }
  // One of every fixture type, so every summary shows up at least once (newest, near the top).
  const fixtures = Object.values(eventBuilders).map((build, i) => ({ ...build(), timestamp: now - 60_000 + i * 1000 }));
  await post(JSON.stringify({ destination: BOT, events: fixtures }));
  // A verify ping and refused deliveries, as LINE's console and a misconfigured proxy would send them.
  await post(JSON.stringify({ destination: BOT, events: [] }));
  await post(JSON.stringify({ destination: BOT, events: [randomEvent(now)] }), "bm90IHRoZSByaWdodCBzaWduYXR1cmU=");
  await post(JSON.stringify({ destination: BOT, events: [] }), null);
  const broken = '{"destination":"U58b2a2055bb55bcbb37d2f2a4276b0bd","events":[{"type":"message"';
  await post(broken);
  console.log(`seeded ${total + fixtures.length} events and 4 extra deliveries into ${endpoint}`);
}

function sign(body: string): string {
  return createHmac("sha256", secret).update(body).digest("base64");
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

function hex(length: number): string {
  return randomBytes(Math.ceil(length / 2))
    .toString("hex")
    .slice(0, length);
}

function ulid(at: number): string {
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  let time = "";
  for (let t = at, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = alphabet[t % 32] + time;
  let rand = "";
  for (const b of randomBytes(16)) rand += alphabet[b % 32];
  return time + rand;
}

await main();
