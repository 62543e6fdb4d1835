import { queryOptions } from "@tanstack/react-query";
import { browserFetch, getJson, withSearch, type ApiFetch } from "./api-client";
import { currentChannelKey } from "./channel-path";
import { richMenuKeys } from "./rich-menus";

// A rich menu's taps, counted from the console's own events (postbacks and messages that match an
// area), beside LINE's own statistics when the account may read them.

export interface RichMenuTaps {
  /** `counted: false`: a uri area, which sends no event. */
  areas: Array<{ index: number; counted: boolean; taps: number; friends: number }>;
  total: number;
  from: string;
  to: string;
  line: { available: boolean; code?: "not_published" | "not_available" | "error"; reason?: string; summary?: LineRichMenuSummary };
}

interface Metrics {
  count: number;
  uniqueUsers: number;
}

/** LINE's GET /v2/bot/insight/richmenu/{id}/summary: only `richMenuId` below its privacy threshold. */
export interface LineRichMenuSummary {
  richMenuId: string;
  metricsFrom?: string | null;
  metricsTo?: string | null;
  impression?: { metrics: Metrics };
  clicks?: Array<{ bounds: { x: number; y: number; width: number; height: number }; metrics: Metrics }>;
}

export interface TapsPeriod {
  from: string;
  to: string;
  segmentId: string | null;
}

export function tapsQuery(richMenuId: string, period: TapsPeriod, api: ApiFetch = browserFetch) {
  const params: Record<string, string> = { from: period.from, to: period.to, ...(period.segmentId ? { segmentId: period.segmentId } : {}) };
  return queryOptions({
    queryKey: richMenuKeys.taps(richMenuId, params),
    queryFn: ({ signal }) =>
      getJson<RichMenuTaps>(api, withSearch(`/api/rich-menus/${encodeURIComponent(richMenuId)}/taps`, new URLSearchParams(params)), signal),
    staleTime: 30_000,
  });
}

/** The last `days` days up to now (to the minute, so the query key holds still between renders). */
export function lastDays(days: number, now: number = Date.now()): { from: string; to: string } {
  const to = new Date(Math.ceil(now / 60_000) * 60_000);
  return { from: new Date(to.getTime() - days * 86_400_000).toISOString(), to: to.toISOString() };
}

/** A custom period from two dates (yyyy-mm-dd, the operator's local days), the end day included. */
export function dayRange(from: string, to: string): { from: string; to: string } | null {
  const start = new Date(`${from}T00:00:00`);
  const end = new Date(`${to}T00:00:00`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end < start) return null;
  return { from: start.toISOString(), to: new Date(end.getTime() + 86_400_000).toISOString() };
}

/** An image address an <img> can load on this tab's channel (an <img> sends no channel header). */
export function onThisChannel(url: string, channelKey: string | null = currentChannelKey()): string {
  if (!channelKey) return url;
  return `${url}${url.includes("?") ? "&" : "?"}channel=${encodeURIComponent(channelKey)}`;
}
