// Tallies what recipients did with one or more sends into LINE's statistics figures, before LINE's
// privacy rule hides the small ones (statistics-json.ts). Interactions count while LINE tracks them:
// 14 days (1,209,600 s) from the send, and only up to `asOf` (now, minus the configured lag).
import { DAY } from "../core/jst";
import type { Platform } from "../platform";
import { background, type Rates } from "./engagement";
import { merged, type Interaction, type Interactions } from "./interactions";
import type { TrackedSend } from "./tracked-sends";

export const TRACKED_FOR_MS = 14 * DAY;

export type Sources = { explicit: Interactions; rates: Rates; asOf: number };

/** Per level of a play: started, then 25, 50, 75 and 100 % of the way through. */
const LEVELS = [0, 25, 50, 75, 100] as const;

export type MessageFigures = { seq: number; impression: number; uniqueImpression: number; played: number[]; uniquePlayed: number[] };
export type ClickFigures = { seq: number; url: string; click: number; uniqueClick: number; uniqueClickOfRequest: number };
export type RawStatistics = {
  overview: { delivered: number; uniqueImpression: number; uniqueClick: number; uniqueMediaPlayed: number; uniqueMediaPlayed100Percent: number };
  messages: MessageFigures[];
  clicks: ClickFigures[];
};

export function sourcesOf(p: Platform): Sources {
  return {
    explicit: p.interactions,
    rates: { openRate: p.config.openRate, clickRate: p.config.clickRate },
    asOf: p.clock.now() - p.config.statisticsDelayMs,
  };
}

/** What one recipient did with a send, as far as statistics count it by `at`. */
export function interactionOf(send: TrackedSend, userId: string, sources: Sources, at = sources.asOf): Interaction {
  const until = Math.min(at, send.record.at + TRACKED_FOR_MS);
  const all = merged(background(send, userId, sources.rates), sources.explicit.of(send.record.requestId, userId));
  return { views: all.views.filter((t) => t <= until), clicks: all.clicks.filter((c) => c.at <= until), plays: all.plays.filter((p) => p.at <= until) };
}

/**
 * The figures of `sends` together: counts add up, and a person counts once in the unique figures
 * however many of the sends they interacted with. Bubbles are matched by position (`seq`), as LINE
 * aggregates a unit "regardless of message contents or the number and order of message bubbles".
 */
export function tally(sends: readonly TrackedSend[], sources: Sources): RawStatistics {
  const openers = new Set<string>();
  const clickers = new Set<string>();
  const players = new Set<string>();
  const fullPlayers = new Set<string>();
  const bubbles = new Map<number, { impressions: Counter; plays: Counter[] }>();
  const links = new Map<string, { seq: number; url: string; clicks: Counter }>();
  const linkUsers = new Map<string, Set<string>>();
  let delivered = 0;
  for (const send of sends) {
    for (const b of send.bubbles) {
      if (!bubbles.has(b.seq)) bubbles.set(b.seq, { impressions: new Counter(), plays: LEVELS.map(() => new Counter()) });
      for (const url of b.urls) {
        if (!links.has(`${b.seq} ${url}`)) links.set(`${b.seq} ${url}`, { seq: b.seq, url, clicks: new Counter() });
        if (!linkUsers.has(url)) linkUsers.set(url, new Set());
      }
    }
    delivered += send.record.deliveredTo.length;
    for (const userId of send.record.deliveredTo) {
      // Statistics are about people: a push to a group or room is delivered but opened by nobody here.
      if (!userId.startsWith("U")) continue;
      const act = interactionOf(send, userId, sources);
      if (act.views.length > 0) openers.add(userId);
      for (const b of send.bubbles) for (let i = 0; i < act.views.length; i++) bubbles.get(b.seq)?.impressions.add(userId);
      for (const click of act.clicks) {
        links.get(`${click.seq} ${click.url}`)?.clicks.add(userId);
        linkUsers.get(click.url)?.add(userId);
        clickers.add(userId);
      }
      for (const play of act.plays) {
        const counters = bubbles.get(play.seq)?.plays ?? [];
        LEVELS.forEach((level, i) => {
          if (play.percent >= level) counters[i]?.add(userId);
        });
        players.add(userId);
        if (play.percent >= 100) fullPlayers.add(userId);
      }
    }
  }
  return {
    overview: {
      delivered,
      uniqueImpression: openers.size,
      uniqueClick: clickers.size,
      uniqueMediaPlayed: players.size,
      uniqueMediaPlayed100Percent: fullPlayers.size,
    },
    messages: [...bubbles.entries()]
      .sort(([a], [b]) => a - b)
      .map(([seq, b]) => ({
        seq,
        impression: b.impressions.count,
        uniqueImpression: b.impressions.users.size,
        played: b.plays.map((c) => c.count),
        uniquePlayed: b.plays.map((c) => c.users.size),
      })),
    clicks: [...links.values()]
      .sort((a, b) => a.seq - b.seq)
      .map((l) => ({ seq: l.seq, url: l.url, click: l.clicks.count, uniqueClick: l.clicks.users.size, uniqueClickOfRequest: linkUsers.get(l.url)?.size ?? 0 })),
  };
}

/** Recipients of a send who opened it (imp) or opened a link in it (click; one URL, or any), by now. */
export function engagedUsers(send: TrackedSend, kind: "imp" | "click", sources: Sources, clickUrl?: string): string[] {
  return send.record.deliveredTo.filter((userId) => {
    if (!userId.startsWith("U")) return false;
    const act = interactionOf(send, userId, sources);
    return kind === "imp" ? act.views.length > 0 : act.clicks.some((c) => clickUrl === undefined || c.url === clickUrl);
  });
}

class Counter {
  count = 0;
  readonly users = new Set<string>();

  add(userId: string): void {
    this.count++;
    this.users.add(userId);
  }
}
