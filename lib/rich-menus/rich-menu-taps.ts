import type { z } from "zod";
import type { Db } from "@/db/client";
import { countRichMenuTaps } from "@/db/queries/rich-menu-taps";
import { getRichMenu } from "@/db/queries/rich-menus";
import type { ChannelLine } from "@/lib/line/insight";
import { isHttpFetchError } from "@/lib/line/line-errors";
import { HttpError, notFound } from "@/lib/platform/http/errors";
import { segmentRecipientIds } from "@/lib/segments/segment-recipients";
import type { tapsQuerySchema } from "./rich-menu-requests";
import type { RichMenuArea } from "./rich-menu-schema";

// The heat map: taps per area over a period (per segment), counted from our own events — a postback area
// (and a date/time picker or tab switch) sends a postback event with its data, a message area a text
// message from the friend; a uri area sends nothing, so it cannot be counted. A friend who types a
// message area's text by hand is counted too (the event is the same). LINE's own statistics are shown
// beside ours where the account has them.

const DEFAULT_DAYS = 30;

/** The longest period asked at once: LINE's own limit for its rich menu statistics. */
const MAX_DAYS = 396;

export async function readRichMenuTaps(db: Db, params: { channelId: number; id: string; query: z.infer<typeof tapsQuerySchema>; line: ChannelLine }) {
  const { channelId, query } = params;
  const menu = await getRichMenu(db, params);
  if (!menu) throw notFound("Rich menu");
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_DAYS * 86_400_000);
  if (to.getTime() - from.getTime() > MAX_DAYS * 86_400_000) {
    throw new HttpError(400, "rich_menu_taps_period", `The period may be at most ${MAX_DAYS} days (LINE keeps its rich menu statistics that long)`, [
      { property: "from", message: `at most ${MAX_DAYS} days before to` },
    ]);
  }
  const areas = (menu.areas as RichMenuArea[]).map((a, index) => ({ index, key: tapKey(a.action) }));
  const userIds = query.segmentId ? (await segmentRecipientIds(db, { channelId, segmentId: query.segmentId })).to : undefined;
  const counts = await countRichMenuTaps(db, {
    channelId,
    from,
    to,
    postbackData: areas.flatMap((a) => (a.key?.kind === "postback" ? [a.key.value] : [])),
    messageTexts: areas.flatMap((a) => (a.key?.kind === "message" ? [a.key.value] : [])),
    userIds,
  });
  const byKey = new Map(counts.map((c) => [`${c.kind}:${c.key}`, c]));
  return {
    areas: areas.map((a) => {
      const c = a.key ? byKey.get(`${a.key.kind}:${a.key.value}`) : undefined;
      return { index: a.index, counted: a.key !== null, taps: c?.taps ?? 0, friends: c?.friends ?? 0 };
    }),
    // Two areas with the same data are one count, not two.
    total: counts.reduce((n, c) => n + c.taps, 0),
    from: from.toISOString(),
    to: to.toISOString(),
    segmentId: query.segmentId ?? null,
    line: await lineSummary(params.line, menu.lineRichMenuId, from, to),
  };
}

function tapKey(action: RichMenuArea["action"]): { kind: "postback" | "message"; value: string } | null {
  switch (action.type) {
    case "postback":
    case "datetimepicker":
    case "richmenuswitch":
      return { kind: "postback", value: action.data };
    case "message":
      return { kind: "message", value: action.text };
    default:
      return null;
  }
}

/**
 * LINE's rich menu statistics for the period, where the account may read them (many get 403). When LINE
 * gives none, `code` says why for the operator's language (not_published · not_available: LINE refuses the
 * account · error: LINE failed or could not be reached) and `reason` keeps LINE's own words.
 */
async function lineSummary(line: ChannelLine, lineRichMenuId: string | null, from: Date, to: Date) {
  if (!lineRichMenuId) return { available: false, code: "not_published", reason: "The rich menu is not published: LINE has no statistics of it" };
  try {
    const { insight } = await line.clients(line.channelId);
    const summary = await insight.getRichMenuInsightSummary(lineRichMenuId, jstDay(from), jstDay(to));
    return { available: true, summary };
  } catch (err) {
    if (!isHttpFetchError(err)) return { available: false, code: "error", reason: `LINE could not be reached: ${(err as Error).message}` };
    let message = err.message;
    try {
      message = (JSON.parse(err.body) as { message?: string }).message ?? message;
    } catch {}
    const code = err.status === 403 ? "not_available" : "error";
    return { available: false, code, reason: `LINE answered ${err.status}: ${message}` };
  }
}

// LINE's statistics are by day in UTC+9.
function jstDay(d: Date): string {
  return new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, "");
}
