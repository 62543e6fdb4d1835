// The simulated friends' own behaviour with a message, stable per request and recipient: whether and
// when they open it (most within a few hours of delivery, some the next day or later), whether they
// come back to it, tap a link, play its video or audio. It unfolds on the fake clock, so statistics
// grow as time passes. Explicit actions from the simulator are added on top (interactions.ts).
import { hashString } from "../core/prng";
import { NO_INTERACTION, type Interaction, type LinkClick, type MediaPlay } from "./interactions";
import type { TrackedSend } from "./tracked-sends";

export type Rates = {
  /** Share of recipients who open a message by themselves (0 = only the simulator's opens). */
  openRate: number;
  /** Share of those openers who tap a link in it (when it has one). */
  clickRate: number;
};

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

// Delay between delivery and the first look: log-normal, median 40 min, σ 1.3 → ≈ 88 % within 3 hours,
// ≈ 99.7 % within a day. A third of the openers look again hours later (more impressions than people).
const OPEN_DELAY = { medianMs: 40 * MINUTE, sigma: 1.3 };
const LOOK_AGAIN = { share: 0.3, medianMs: 6 * HOUR, sigma: 1 };
const SECOND_CLICK = 0.25;
const PLAY_SHARE = 0.5;
/** How far a play gets: [share of plays, percent reached]. */
const PLAY_DEPTH: readonly (readonly [number, number])[] = [
  [0.2, 10],
  [0.2, 30],
  [0.15, 60],
  [0.15, 85],
  [0.3, 100],
];

export function background(send: TrackedSend, userId: string, rates: Rates): Interaction {
  const key = `${send.record.requestId}:${userId}`;
  if (draw(key, "open") >= Math.min(1, rates.openRate * send.appeal)) return NO_INTERACTION;
  const openAt = send.record.at + logNormal(key, "open-delay", OPEN_DELAY);
  const views = [openAt];
  if (draw(key, "again") < LOOK_AGAIN.share) views.push(openAt + logNormal(key, "again-delay", LOOK_AGAIN));

  const links = send.bubbles.flatMap((b) => b.urls.map((url) => ({ seq: b.seq, url })));
  const clicks: LinkClick[] = [];
  if (links.length > 0 && draw(key, "click") < Math.min(1, rates.clickRate * send.appeal)) {
    clicks.push({ ...pick(links, draw(key, "link")), at: openAt + 5 * SECOND + Math.floor(draw(key, "click-delay") * 10 * MINUTE) });
    if (draw(key, "click-again") < SECOND_CLICK) clicks.push({ ...pick(links, draw(key, "link-again")), at: (views[1] ?? openAt + HOUR) + 30 * SECOND });
  }

  const plays: MediaPlay[] = send.bubbles
    .filter((b) => b.media && draw(key, `play:${b.seq}`) < PLAY_SHARE)
    .map((b) => ({ seq: b.seq, percent: depth(draw(key, `depth:${b.seq}`)), at: openAt + 3 * SECOND }));
  return { views, clicks, plays };
}

/** Uniform in [0, 1) from a key: FNV-1a, then murmur3's finaliser so that similar keys spread evenly. */
function draw(key: string, purpose: string): number {
  let h = hashString(`${key}:${purpose}`);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** A log-normal delay (Box–Muller from two draws). */
function logNormal(key: string, purpose: string, shape: { medianMs: number; sigma: number }): number {
  const u1 = Math.max(draw(key, `${purpose}:1`), 1e-12);
  const u2 = draw(key, `${purpose}:2`);
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return Math.round(shape.medianMs * Math.exp(shape.sigma * z));
}

function pick<T>(items: readonly T[], u: number): T {
  return items[Math.min(items.length - 1, Math.floor(u * items.length))] as T;
}

function depth(u: number): number {
  let r = u;
  for (const [share, percent] of PLAY_DEPTH) {
    if (r < share) return percent;
    r -= share;
  }
  return 100;
}
