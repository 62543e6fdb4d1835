import type { StatisticsRow } from "@/db/queries/send-statistics";
import type { SendRow } from "@/db/schema/sends";
import { clicksOf, funnelOf, hasLinks, mediaOf, sumStats, type Funnel, type MediaPlays, type Stat, type UrlClicks } from "./figures";

// How each send of a campaign is measured, from its sends and the statistics fetched for them: a
// broadcast or narrowcast by its own request, a push or multicast by its campaign's aggregation unit
// (sends sharing a unit share its figures: LINE adds them up).

/** Why a send has no statistics. */
export type NotMeasured =
  /** A push or multicast sent without a unit: the month's units were used up (or LINE refused it). */
  | "units_used_up"
  /** Nothing reached LINE. */
  | "not_sent"
  /** Not accepted by LINE yet. */
  | "pending";

export interface SendMeasure {
  /** The statistics row (`request:<id>` or `unit:<unit>`), or null. */
  subject: string | null;
  notMeasured: NotMeasured | null;
  funnel: Funnel;
  clicks: UrlClicks[];
  media: MediaPlays[];
  /** The other sends of the campaign measured with the same unit (their figures are these too). */
  sharedWith: string[];
  fetchedAt: string | null;
  nextFetchAt: string | null;
  /** The last fetch's failure (LINE's status and words), while no later one succeeded. */
  error: { status: number | null; message: string } | null;
}

type MeasuredSend = Pick<SendRow, "id" | "kind" | "status" | "recipientCount" | "estimatedRecipients" | "aggregationUnit" | "request">;

/** Each send's measure, and the campaign's totals (each statistic counted once). */
export function measureSends(sends: MeasuredSend[], rows: StatisticsRow[]) {
  const bySend = new Map(rows.filter((r) => r.sendId).map((r) => [r.sendId!, r]));
  const bySubject = new Map(rows.map((r) => [r.subject, r]));
  const unitSends = new Map<string, MeasuredSend[]>();
  for (const s of sends) if (s.aggregationUnit) unitSends.set(s.aggregationUnit, [...(unitSends.get(s.aggregationUnit) ?? []), s]);

  const measures = new Map<string, SendMeasure>();
  for (const s of sends) {
    const row = s.aggregationUnit && (s.kind === "push" || s.kind === "multicast") ? bySubject.get(`unit:${s.aggregationUnit}`) : bySend.get(s.id);
    const group = row && s.aggregationUnit && row.subject.startsWith("unit:") ? (unitSends.get(s.aggregationUnit) ?? [s]) : [s];
    const messages = messagesOf(s);
    measures.set(s.id, {
      subject: row?.subject ?? null,
      notMeasured: row ? null : whyNot(s),
      funnel: funnelOf({ body: row?.body, byUnit: Boolean(row?.subject.startsWith("unit:")), sent: sumStats(group.map(sentOf)), hasLinks: hasLinks(messages) }),
      clicks: clicksOf(row?.body),
      media: mediaOf(row?.body, messages),
      sharedWith: group.filter((g) => g.id !== s.id).map((g) => g.id),
      fetchedAt: row?.fetchedAt?.toISOString() ?? null,
      nextFetchAt: row?.nextFetchAt?.toISOString() ?? null,
      error: row?.error ? errorOf(row.error) : null,
    });
  }

  // Totals: a shared unit's figures once, and the sent of every send (measured or not).
  const counted = new Set<string>();
  const opened: Stat[] = [];
  const clicked: Stat[] = [];
  for (const m of measures.values()) {
    if (!m.subject || counted.has(m.subject)) continue;
    counted.add(m.subject);
    opened.push(m.funnel.opened);
    clicked.push(m.funnel.clicked);
  }
  const fetched = rows.map((r) => r.fetchedAt?.getTime() ?? 0).filter(Boolean);
  return {
    measures,
    totals: { sent: sumStats(sends.map(sentOf)), opened: sumStats(opened), clicked: sumStats(clicked) },
    fetchedAt: fetched.length ? new Date(Math.max(...fetched)).toISOString() : null,
  };
}

/** What we sent to: the recipients we know, or a broadcast's estimate. */
export function sentOf(s: Pick<SendRow, "status" | "recipientCount" | "estimatedRecipients">): Stat {
  if (s.status === "failed") return { value: 0 };
  if (s.recipientCount !== null) return { value: s.recipientCount };
  if (s.estimatedRecipients !== null) return { value: s.estimatedRecipients, estimate: true };
  return { value: null };
}

function whyNot(s: MeasuredSend): NotMeasured {
  if (s.status === "failed") return "not_sent";
  if ((s.kind === "push" || s.kind === "multicast") && !s.aggregationUnit) return "units_used_up";
  return "pending";
}

function messagesOf(s: Pick<SendRow, "request">): unknown[] {
  return (s.request as { messages?: unknown[] }).messages ?? [];
}

function errorOf(e: unknown) {
  const x = e as { status?: number | null; message?: string };
  return { status: x.status ?? null, message: x.message ?? "" };
}
