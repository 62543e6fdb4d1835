// Steady random traffic: friends writing (mostly text in their language, some stickers, photos,
// locations, voice), tapping postbacks, chatting in groups, new friends arriving and a few blocking
// or unblocking. Events of one tick are queued together, so bursts arrive as multi-event webhooks.
import type { Platform } from "../platform";
import { LINE_EMOJI, type SendSpec } from "./message-content";
import { ActionError, block, follow, postback, sendMessage, unblock } from "./user-actions";

export type TrafficStatus = {
  running: boolean;
  ratePerSecond: number;
  startedAt: string | null;
  endsAt: string | null;
  generatedEvents: number;
};

const TICK_MS = 100;

type Kind = "text" | "sticker" | "image" | "imageSet" | "location" | "audio" | "video" | "file" | "postback" | "groupText" | "follow" | "block" | "unblock";

const MIX: [Kind, number][] = [
  ["text", 50],
  ["sticker", 14],
  ["image", 6],
  ["imageSet", 2],
  ["location", 2],
  ["audio", 1],
  ["video", 1],
  ["file", 1],
  ["postback", 6],
  ["groupText", 9],
  ["follow", 4],
  ["block", 2],
  ["unblock", 2],
];

export class Traffic {
  #timer: NodeJS.Timeout | null = null;
  #status: TrafficStatus = { running: false, ratePerSecond: 0, startedAt: null, endsAt: null, generatedEvents: 0 };
  #carry = 0;
  #endsAtReal = 0;

  constructor(private readonly platform: Platform) {}

  start(ratePerSecond: number, durationMs: number): TrafficStatus {
    this.stop();
    const now = this.platform.clock.now();
    this.#status = {
      running: true,
      ratePerSecond,
      startedAt: new Date(now).toISOString(),
      endsAt: new Date(now + durationMs).toISOString(),
      generatedEvents: 0,
    };
    this.#endsAtReal = Date.now() + this.platform.clock.toRealMs(durationMs);
    this.#carry = 0;
    this.#timer = setInterval(() => this.#tick(), TICK_MS);
    this.#timer.unref();
    return this.status();
  }

  stop(): TrafficStatus {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#status.running = false;
    return this.status();
  }

  status(): TrafficStatus {
    return { ...this.#status };
  }

  #tick(): void {
    if (Date.now() >= this.#endsAtReal) {
      this.stop();
      return;
    }
    // Spread the rate over ticks, with jitter so that some ticks carry bursts of several events.
    const rng = this.platform.runtimeRng;
    this.#carry += (this.#status.ratePerSecond * TICK_MS) / 1000;
    let n = Math.floor(this.#carry * (0.5 + rng.next()));
    n = Math.min(n, Math.ceil(this.#carry * 2));
    this.#carry = Math.max(0, this.#carry - n);
    for (let i = 0; i < n; i++) {
      try {
        this.#status.generatedEvents += this.#one(rng.weighted(MIX));
      } catch (err) {
        if (!(err instanceof ActionError)) throw err;
      }
    }
  }

  #one(kind: Kind): number {
    const p = this.platform;
    const rng = p.runtimeRng;
    // A random friend, picked without sorting the follower list (rebuilt after every follow/block).
    const who = p.world.randomUser(rng, "following");
    if (!who && kind !== "follow") return 0;
    const someone = () => who?.id ?? "";
    const send = (spec: SendSpec) => sendMessage(p, someone(), spec).length;
    switch (kind) {
      case "text":
        return sendMessage(p, someone(), rng.chance(0.15) ? withEmoji() : { type: "text" }).length;
      case "sticker":
        return send({ type: "sticker" });
      case "image":
        return send({ type: "image" });
      case "imageSet":
        return send({ type: "image", count: rng.int(2, 4) });
      case "location":
        return send({ type: "location" });
      case "audio":
        return send({ type: "audio", durationMs: rng.int(2, 30) * 1000 });
      case "video":
        return send({ type: "video", durationMs: rng.int(3, 60) * 1000 });
      case "file":
        return send({ type: "file" });
      case "postback":
        return postback(
          p,
          someone(),
          rng.chance(0.3)
            ? { data: "action=book", params: { datetime: "2025-12-24T19:30" } }
            : { data: rng.pick(["action=menu", "action=coupon&id=42", "action=hours"]) },
        ).length;
      case "groupText": {
        const chats = p.world.chats().filter((c) => c.botIsMember && c.memberIds.length > 0);
        if (chats.length === 0) return 0;
        const chat = rng.pick(chats);
        return sendMessage(p, rng.pick(chat.memberIds), { type: "text", mentionBot: rng.chance(0.2) }, chat.id).length;
      }
      case "follow":
        return follow(p).length;
      case "block":
        return block(p, someone()).length;
      case "unblock": {
        const blocked = p.world.randomUser(rng, "blocked");
        return blocked ? unblock(p, blocked.id).length : 0;
      }
    }
  }
}

/** LINE emoji arrive as alt text in the message ("(love)") with their position in `emojis`. */
function withEmoji(): SendSpec {
  const text = `Thank you ${LINE_EMOJI.alt}`;
  return {
    type: "text",
    text,
    emojis: [{ index: text.indexOf(LINE_EMOJI.alt), length: LINE_EMOJI.alt.length, productId: LINE_EMOJI.productId, emojiId: LINE_EMOJI.emojiId }],
  };
}
