import { eventFilterKeys, eventFilterRules } from "./event-filter-rules";

type FilterKey = (typeof eventFilterKeys)[number];

/**
 * The timeline's filters as the URL carries them: strings, each already valid for GET /api/events. A
 * hand-edited URL with one bad value loses that filter only, instead of breaking the whole page.
 */
export type EventFilters = Partial<Record<FilterKey, string>>;

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

export function parseEventFilters(params: RawParams): EventFilters {
  const filters: EventFilters = {};
  for (const key of eventFilterKeys) {
    const value = read(params, key)?.trim();
    if (!value) continue;
    if (isValidFilter(key, value)) filters[key] = value;
  }
  return filters;
}

/** Whether one filter value would be accepted by the API (the rule its zod schema is built from). */
export function isValidFilter(key: FilterKey, value: string): boolean {
  return eventFilterRules[key](value);
}

/** Filters → query string, in a stable key order so equal filters make equal URLs and cache keys. */
export function eventFiltersToSearch(filters: EventFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of eventFilterKeys) {
    const value = filters[key];
    if (value) search.set(key, value);
  }
  return search;
}

export function countActiveFilters(filters: EventFilters): number {
  return eventFilterKeys.filter((k) => filters[k]).length;
}

/** Which id filter an id belongs to, from LINE's prefixes: U user, C group, R room. */
export function idFilterKey(id: string): "userId" | "groupId" | "roomId" | null {
  if (isValidFilter("userId", id)) return "userId";
  if (isValidFilter("groupId", id)) return "groupId";
  if (isValidFilter("roomId", id)) return "roomId";
  return null;
}

function read(params: RawParams, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
}
