// LINE's statistics as the console shows them. LINE reports a figure below 20 as null ("hidden"): it is
// carried as `{ value: null, hidden: true }` and shown as "fewer than 20 (hidden by LINE)", never as 0.
// A figure not known yet (not fetched, or one LINE does not report) has `value: null` and no `hidden`.

export interface Stat {
  value: number | null;
  /** LINE hid it: fewer than 20. With a value (a sum), some of what was added up was hidden. */
  hidden?: true;
  /** Our own estimate (a broadcast's recipients), not a count. */
  estimate?: true;
  /** LINE does not report it for this kind of send (deliveries per aggregation unit). */
  notReported?: true;
}

export interface Funnel {
  sent: Stat;
  delivered: Stat;
  opened: Stat;
  clicked: Stat;
}

export interface UrlClicks {
  seq: number;
  url: string;
  clicks: Stat;
  uniqueClicks: Stat;
}

/** A video's or audio's plays: how many started it and how many got to 25, 50, 75 and 100 %. */
export interface MediaPlays {
  seq: number;
  played: Stat;
  p25: Stat;
  p50: Stat;
  p75: Stat;
  p100: Stat;
}

type Body = {
  overview?: Record<string, unknown>;
  messages?: Array<Record<string, unknown>>;
  clicks?: Array<Record<string, unknown>>;
} | null;

const UNKNOWN: Stat = { value: null };

/** A figure of a fetched answer: a number, or hidden (null); unknown when nothing was fetched. */
export function statOf(body: unknown, value: unknown): Stat {
  if (body === null || body === undefined) return UNKNOWN;
  return typeof value === "number" ? { value } : { value: null, hidden: true };
}

/**
 * A send's (or a unit's sends') funnel: sent is ours (the recipients we sent to, or a broadcast's
 * estimate), the rest LINE's. `hasLinks`: whether the messages have anything to click (LINE's null for
 * clicks of a message without links is no hidden figure).
 */
export function funnelOf(params: { body: unknown; byUnit: boolean; sent: Stat; hasLinks: boolean }): Funnel {
  const body = params.body as Body;
  const o = body?.overview ?? {};
  return {
    sent: params.sent,
    delivered: params.byUnit ? { value: null, notReported: true } : statOf(body, o.delivered),
    opened: statOf(body, o.uniqueImpression),
    clicked: !params.hasLinks && typeof o.uniqueClick !== "number" ? UNKNOWN : statOf(body, o.uniqueClick),
  };
}

export function clicksOf(body: unknown): UrlClicks[] {
  return ((body as Body)?.clicks ?? []).map((c) => ({
    seq: Number(c.seq ?? 0),
    url: String(c.url ?? ""),
    clicks: statOf(body, c.click),
    uniqueClicks: statOf(body, c.uniqueClick),
  }));
}

/** Plays of the video and audio messages among `messages` (by their place in the send, from 1). */
export function mediaOf(body: unknown, messages: unknown[]): MediaPlays[] {
  const perMessage = new Map(((body as Body)?.messages ?? []).map((m) => [Number(m.seq), m]));
  return messages.flatMap((m, i) => {
    const type = (m as { type?: string })?.type;
    if (type !== "video" && type !== "audio") return [];
    const row = perMessage.get(i + 1) ?? {};
    const known = perMessage.has(i + 1) ? body : null;
    return [
      {
        seq: i + 1,
        played: statOf(known, row.uniqueMediaPlayed),
        p25: statOf(known, row.uniqueMediaPlayed25Percent),
        p50: statOf(known, row.uniqueMediaPlayed50Percent),
        p75: statOf(known, row.uniqueMediaPlayed75Percent),
        p100: statOf(known, row.uniqueMediaPlayed100Percent),
      },
    ];
  });
}

/** Figures added up: the known ones summed; hidden when some were hidden (all of them: no value). */
export function sumStats(stats: Stat[]): Stat {
  const known = stats.filter((s) => s.value !== null);
  const hidden = stats.some((s) => s.hidden);
  if (known.length === 0) return hidden ? { value: null, hidden: true } : UNKNOWN;
  const sum: Stat = { value: known.reduce((n, s) => n + (s.value ?? 0), 0) };
  if (hidden) sum.hidden = true;
  if (known.some((s) => s.estimate)) sum.estimate = true;
  return sum;
}

/** Whether messages have something to click: a URI action anywhere, or a link in a text. */
export function hasLinks(messages: unknown[]): boolean {
  const walk = (v: unknown, key: string): boolean => {
    if (Array.isArray(v)) return v.some((item) => walk(item, key));
    if (v && typeof v === "object") return Object.entries(v).some(([k, inner]) => walk(inner, k));
    if (typeof v !== "string") return false;
    if ((key === "uri" || key === "linkUri") && /^https?:/i.test(v)) return true;
    return key === "text" && /https?:\/\//i.test(v);
  };
  return walk(messages, "");
}
