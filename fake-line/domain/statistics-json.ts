// LINE's answers of the two statistics endpoints (insight.yml), with LINE's privacy rule: a figure is
// null when it is below 20, or when the people behind it are fewer than 20 (30 video starts by 15
// people: both null). `delivered` is never hidden, but is null until a narrowcast has finished sending.
import type { ClickFigures, MessageFigures, RawStatistics } from "./statistics";

const THRESHOLD = 20;

/** GET /v2/bot/insight/message/event (narrowcast and broadcast request ids). */
export function messageEventJson(raw: RawStatistics, send: { requestId: string; at: number; complete: boolean }) {
  return {
    overview: {
      requestId: send.requestId,
      timestamp: Math.floor(send.at / 1000),
      delivered: send.complete ? raw.overview.delivered : null,
      ...uniqueOverview(raw),
    },
    messages: raw.messages.map((m) => ({ seq: m.seq, impression: hidden(m.impression, m.uniqueImpression), ...media(m) })),
    clicks: raw.clicks.map(clickJson),
  };
}

/** GET /v2/bot/insight/message/event/aggregation (one custom aggregation unit over a date range). */
export function perUnitJson(raw: RawStatistics) {
  return {
    overview: uniqueOverview(raw),
    messages: raw.messages.map((m) => ({
      seq: m.seq,
      impression: hidden(m.impression, m.uniqueImpression),
      uniqueImpression: hidden(m.uniqueImpression, m.uniqueImpression),
      ...media(m),
    })),
    clicks: raw.clicks.map(clickJson),
  };
}

function uniqueOverview(raw: RawStatistics) {
  const o = raw.overview;
  return {
    uniqueImpression: hidden(o.uniqueImpression, o.uniqueImpression),
    uniqueClick: hidden(o.uniqueClick, o.uniqueClick),
    uniqueMediaPlayed: hidden(o.uniqueMediaPlayed, o.uniqueMediaPlayed),
    uniqueMediaPlayed100Percent: hidden(o.uniqueMediaPlayed100Percent, o.uniqueMediaPlayed100Percent),
  };
}

function media(m: MessageFigures) {
  const [p0, p25, p50, p75, p100] = m.played.map((count, i) => hidden(count, m.uniquePlayed[i] ?? 0));
  const [u0, u25, u50, u75, u100] = m.uniquePlayed.map((users) => hidden(users, users));
  return {
    mediaPlayed: p0 ?? null,
    mediaPlayed25Percent: p25 ?? null,
    mediaPlayed50Percent: p50 ?? null,
    mediaPlayed75Percent: p75 ?? null,
    mediaPlayed100Percent: p100 ?? null,
    uniqueMediaPlayed: u0 ?? null,
    uniqueMediaPlayed25Percent: u25 ?? null,
    uniqueMediaPlayed50Percent: u50 ?? null,
    uniqueMediaPlayed75Percent: u75 ?? null,
    uniqueMediaPlayed100Percent: u100 ?? null,
  };
}

function clickJson(c: ClickFigures) {
  return {
    seq: c.seq,
    url: c.url,
    click: hidden(c.click, c.uniqueClick),
    uniqueClick: hidden(c.uniqueClick, c.uniqueClick),
    uniqueClickOfRequest: hidden(c.uniqueClickOfRequest, c.uniqueClickOfRequest),
  };
}

function hidden(count: number, people: number): number | null {
  return count < THRESHOLD || people < THRESHOLD ? null : count;
}
