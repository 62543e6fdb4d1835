import { randomBytes, randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { sign } from "../helpers/webhook";

const BOT = "U58b2a2055bb55bcbb37d2f2a4276b0bd";
type Json = Record<string, unknown>;

/** POST a webhook body to the console as LINE would: signed over these exact bytes unless told otherwise. */
export async function postWebhook(request: APIRequestContext, events: Json[], opts: { signature?: string | null; headers?: Record<string, string> } = {}) {
  const body = JSON.stringify({ destination: BOT, events });
  const signature = opts.signature === undefined ? sign(body) : opts.signature;
  return request.post("/api/line/webhook", {
    data: body,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "user-agent": "LineBotWebhook/2.0",
      ...(signature ? { "x-line-signature": signature } : {}),
      ...opts.headers,
    },
  });
}

export function userId(): string {
  return `U${randomBytes(16).toString("hex")}`;
}

export function textEvent(text: string, opts: { user?: string; at?: number } = {}): Json {
  return {
    type: "message",
    mode: "active",
    timestamp: opts.at ?? Date.now(),
    source: { type: "user", userId: opts.user ?? userId() },
    webhookEventId: randomUUID(),
    deliveryContext: { isRedelivery: false },
    replyToken: randomBytes(16).toString("hex"),
    message: { type: "text", id: String(Date.now()), quoteToken: "q", text },
  };
}

export function followEvent(user: string): Json {
  return {
    type: "follow",
    mode: "active",
    timestamp: Date.now(),
    source: { type: "user", userId: user },
    webhookEventId: randomUUID(),
    deliveryContext: { isRedelivery: false },
    replyToken: randomBytes(16).toString("hex"),
    follow: { isUnblocked: false },
  };
}

// Text no other test (or earlier run) will have written, in the script under test.
const scripts = {
  han: "東京塔台北港灣夜景咖啡茶館書店花園山海風雲雪月星空",
  kana: "さくらもみじゆきつきほしそらうみやまかわはなかぜ",
  thai: "กขคงจฉชซญดตถทนบปผพฟภมยรลวสหอฮ",
};
export function uniqueText(script: keyof typeof scripts, length = 6): string {
  const chars = Array.from(scripts[script]);
  return Array.from(randomBytes(length), (b) => chars[b % chars.length]).join("");
}
