import { randomUUID } from "node:crypto";

// What the webhook benchmarks send: text messages in Chinese, Japanese, Thai and English, as LINE
// delivers them, from `users` distinct senders.
const TEXTS = [
  "請問今天有營業嗎？",
  "明日の予約を変更したいです",
  "สั่งกาแฟลาเต้สองแก้วครับ",
  "Is the spring sale still on?",
  "謝謝！",
  "了解しました🙏",
  "ขอบคุณค่ะ",
  "Thanks!",
];

export const BENCH_DESTINATION = "U58b2a2055bb55bcbb37d2f2a4276b0bd";

/** The `seq`-th text message event, from user `seq % users`. */
export function textMessageEvent(seq: number, users: number) {
  return {
    type: "message",
    mode: "active",
    timestamp: Date.now(),
    source: { type: "user", userId: `U${(seq % users).toString(16).padStart(32, "0")}` },
    webhookEventId: randomUUID().replaceAll("-", "").slice(0, 26).toUpperCase(),
    deliveryContext: { isRedelivery: false },
    replyToken: randomUUID().replaceAll("-", ""),
    message: { type: "text", id: String(1e17 + seq), quoteToken: "q", text: `${TEXTS[seq % TEXTS.length]} #${seq}` },
  };
}
