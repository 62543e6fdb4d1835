import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { createScheduleBodySchema, updateScheduleBodySchema } from "@/lib/campaigns/schedule-schemas";
import { ApiError, browserFetch, getJson, sendJson, withSearch, type ApiFetch } from "./api-client";

// Scheduled sends: the list, one schedule, the quiet-hour and holiday warnings of a moment, and the
// requests that create, change, cancel and confirm them.
//
// The bodies are the server's schemas (lib/campaigns/schedule-schemas.ts), as types only: the server
// checks them (and the send inside) and answers a 400 naming each field.

// Values, not imports of the server's: those would bring its send schemas into the page's JavaScript.
export const SCHEDULE_KINDS = ["push", "multicast", "broadcast", "narrowcast"] as const satisfies readonly CreateScheduleBody["kind"][];
export const SCHEDULE_REPEATS = ["none", "daily", "weekly", "monthly"] as const satisfies readonly NonNullable<CreateScheduleBody["repeat"]>[];
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];
export type ScheduleRepeat = (typeof SCHEDULE_REPEATS)[number];
export type ScheduleStatus = "scheduled" | "needs_confirmation" | "started" | "cancelled" | "failed" | "finished";

export type CreateScheduleBody = z.input<typeof createScheduleBodySchema>;
export type UpdateScheduleBody = z.input<typeof updateScheduleBodySchema>;

export interface Schedule {
  id: string;
  campaignId: string;
  kind: ScheduleKind;
  title: string;
  status: ScheduleStatus;
  runAt: string;
  timeZone: string;
  repeat: ScheduleRepeat;
  repeatUntil: string | null;
  /** The body it sends; null when each start reads the saved draft (`draftId`). */
  request: Record<string, unknown> | null;
  draftId: string | null;
  runCount: number;
  lastSendId: string | null;
  lastStartedAt: string | null;
  /** How late the last start was, in ms. */
  lastLateMs: number | null;
  late: boolean;
  error: { code?: string; message?: string } | null;
  version: number;
  author: { kind: "user" | "apiKey"; label: string };
  createdAt: string;
  updatedAt: string;
}

/** Where friends are likely to be: Taiwan, Japan and Thailand. */
export const RECIPIENT_ZONES = [
  { zone: "Asia/Taipei", country: "TW" },
  { zone: "Asia/Tokyo", country: "JP" },
  { zone: "Asia/Bangkok", country: "TH" },
] as const;
export type RecipientZone = (typeof RECIPIENT_ZONES)[number]["zone"];

export interface ZoneWarning {
  zone: RecipientZone;
  country: "TW" | "JP" | "TH";
  /** The wall-clock time there (ISO, no offset). */
  local: string;
  /** Between 22:00 and 08:00 there. */
  quiet: boolean;
  /** `name` in English, `localName` in the country's own language (date-holidays). */
  holiday: { name: string; localName?: string } | null;
}

export interface ScheduleWarnings {
  zones: ZoneWarning[];
  /** Where most friends are, when the console can tell. */
  likelyZone: RecipientZone | null;
}

/** Which schedules the list shows: those still to start, those done with, or all. */
export const SCHEDULE_VIEWS = ["upcoming", "past", "all"] as const;
export type ScheduleView = (typeof SCHEDULE_VIEWS)[number];

export interface SchedulePage {
  items: Schedule[];
  nextCursor: string | null;
}

export const scheduleKeys = {
  all: ["schedules"] as const,
  list: (view: ScheduleView) => ["schedules", "list", view] as const,
  detail: (id: string) => ["schedules", "detail", id] as const,
  warnings: (at: string, kind: string) => ["schedules", "warnings", at, kind] as const,
};

export function parseScheduleView(value: string | null | undefined): ScheduleView {
  return SCHEDULE_VIEWS.find((v) => v === value) ?? "upcoming";
}

export function scheduleListQuery(view: ScheduleView, api: ApiFetch = browserFetch) {
  return infiniteQueryOptions({
    queryKey: scheduleKeys.list(view),
    queryFn: ({ pageParam, signal }) => {
      const search = new URLSearchParams({ status: view });
      if (pageParam) search.set("cursor", pageParam);
      return getJson<SchedulePage>(api, withSearch("/api/schedules", search), signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // A schedule due soon changes by itself (it starts): look again while the page is open.
    refetchInterval: 30_000,
  });
}

export function scheduleQuery(id: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: scheduleKeys.detail(id),
    queryFn: ({ signal }) => getJson<{ schedule: Schedule }>(api, `/api/schedules/${encodeURIComponent(id)}`, signal),
    // Editing starts from this version: never swap it under the operator's edits.
    staleTime: Infinity,
  });
}

/** Quiet hours and public holidays where the recipients are likely to be, at one moment. */
export function scheduleWarningsQuery(at: string, kind: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: scheduleKeys.warnings(at, kind),
    queryFn: ({ signal }) => getJson<ScheduleWarnings>(api, withSearch("/api/schedules/warnings", new URLSearchParams({ at, kind })), signal),
    staleTime: 10 * 60_000,
    retry: false,
  });
}

export const createSchedule = (body: CreateScheduleBody) => sendJson<{ schedule: Schedule; warnings: unknown }>("POST", "/api/schedules", body);

export const updateSchedule = (id: string, body: UpdateScheduleBody) =>
  sendJson<{ schedule: Schedule; warnings: unknown }>("PATCH", `/api/schedules/${encodeURIComponent(id)}`, body);

export const cancelSchedule = (id: string) => sendJson<{ schedule: Schedule }>("POST", `/api/schedules/${encodeURIComponent(id)}/cancel`);

/** A schedule found too late (needs_confirmation): a person sends it now or cancels it. */
export const confirmSchedule = (id: string, action: "send" | "cancel") =>
  sendJson<{ schedule: Schedule }>("POST", `/api/schedules/${encodeURIComponent(id)}/confirm`, { action });

/** An edit lost to another (someone saved first) or to the clock (it started): the 409s of PATCH. */
export function scheduleConflict(err: unknown): "changed" | "started" | null {
  if (!(err instanceof ApiError) || err.status !== 409) return null;
  if (err.code === "schedule_started") return "started";
  return "changed";
}

/** A holiday's name in the reader's language when it is the country's own (祝日 to a Japanese reader), else English. */
export function holidayName(holiday: { name: string; localName?: string }, country: string, locale: string): string {
  const own = { JP: "ja", TW: "zh", TH: "th" }[country];
  return own && locale.toLowerCase().startsWith(own) && holiday.localName ? holiday.localName : holiday.name;
}
