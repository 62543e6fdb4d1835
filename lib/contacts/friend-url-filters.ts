import { FRIEND_STATUSES } from "@/lib/contacts/statuses";
import { FRIEND_SORTS, type FriendSort } from "@/db/queries/friend-filter";

// The friend list's filters as its URL carries them, so a view can be shared as a link. "Active
// within" is kept relative (7d) in the URL and becomes a date only when the API is asked.

export const ACTIVE_WINDOWS = { "1d": 1, "7d": 7, "30d": 30, "90d": 90 } as const;
export type ActiveWindow = keyof typeof ACTIVE_WINDOWS;

export interface FriendUrlFilters {
  q?: string;
  status?: (typeof FRIEND_STATUSES)[number];
  tag?: string;
  language?: string;
  active?: ActiveWindow;
  /** Only friends of this saved segment (as it matches now). */
  segment?: string;
  sort?: FriendSort;
}

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

export function parseFriendFilters(params: RawParams): FriendUrlFilters {
  const get = (k: string) => {
    const v = params instanceof URLSearchParams ? params.get(k) : params[k];
    const s = (Array.isArray(v) ? v[0] : v)?.trim();
    return s ? s : undefined;
  };
  const f: FriendUrlFilters = {};
  const q = get("q");
  if (q) f.q = q.slice(0, 100);
  const status = get("status");
  if (status && (FRIEND_STATUSES as readonly string[]).includes(status)) f.status = status as FriendUrlFilters["status"];
  const tag = get("tag");
  if (tag && tag.length <= 40) f.tag = tag;
  const language = get("language");
  if (language && /^[A-Za-z-]{1,20}$/.test(language)) f.language = language;
  const active = get("active");
  if (active && active in ACTIVE_WINDOWS) f.active = active as ActiveWindow;
  const segment = get("segment");
  if (segment && /^[0-9a-f-]{36}$/.test(segment)) f.segment = segment;
  const sort = get("sort");
  if (sort && (FRIEND_SORTS as readonly string[]).includes(sort) && sort !== "lastActive") f.sort = sort as FriendSort;
  return f;
}

/** URL search for the page (stable key order, so equal filters make equal URLs). */
export function friendFiltersToUrl(f: FriendUrlFilters): URLSearchParams {
  const s = new URLSearchParams();
  for (const k of ["q", "status", "tag", "language", "active", "segment", "sort"] as const) if (f[k]) s.set(k, f[k]!);
  return s;
}

/** The same filters as GET /api/contacts (and its CSV export) take them. */
export function friendFiltersToApi(f: FriendUrlFilters, now = Date.now()): URLSearchParams {
  const s = new URLSearchParams();
  if (f.q) s.set("q", f.q);
  if (f.status) s.set("status", f.status);
  if (f.tag) s.set("tag", f.tag);
  if (f.language) s.set("language", f.language);
  // Rounded to the minute: the same view asked twice within a minute is the same request.
  if (f.active) s.set("activeSince", new Date(Math.floor((now - ACTIVE_WINDOWS[f.active] * 86_400_000) / 60_000) * 60_000).toISOString());
  if (f.segment) s.set("segmentId", f.segment);
  if (f.sort) s.set("sort", f.sort);
  return s;
}

export function countFriendFilters(f: FriendUrlFilters): number {
  return (["q", "status", "tag", "language", "active", "segment"] as const).filter((k) => f[k]).length;
}
