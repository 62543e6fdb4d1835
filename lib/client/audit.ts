import { infiniteQueryOptions } from "@tanstack/react-query";
import type { auditLog } from "@/db/schema/auth";
import { browserFetch, getJson, withSearch, type ApiFetch, type Jsonified } from "./api-client";

export type AuditEntry = Jsonified<typeof auditLog.$inferSelect>;

export interface AuditPage {
  items: AuditEntry[];
  /** Every action recorded so far (for the filter menu). */
  actions: string[];
  nextCursor: string | null;
}

/** The audit log's filters, as they live in the page's URL (from/to: ISO 8601 instants). */
export interface AuditFilters {
  action?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

export const AUDIT_PAGE_SIZE = 50;

export const auditKeys = {
  all: ["audit"] as const,
  list: (filters: AuditFilters) => ["audit", "list", filters] as const,
};

export function parseAuditFilters(search: URLSearchParams | Record<string, string | string[] | undefined>): AuditFilters {
  const get = (k: string) => {
    const v = search instanceof URLSearchParams ? search.get(k) : search[k];
    const s = Array.isArray(v) ? v[0] : v;
    return s ? s : undefined;
  };
  const date = (k: string) => {
    const v = get(k);
    return v && !Number.isNaN(Date.parse(v)) ? v : undefined;
  };
  return { action: get("action"), actorId: get("actorId"), from: date("from"), to: date("to") };
}

export function auditFiltersToSearch(filters: AuditFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of ["action", "actorId", "from", "to"] as const) if (filters[key]) search.set(key, filters[key]);
  return search;
}

/** GET /api/audit's parameters for the log's filters and a page (the page /settings/audit reads with them too). */
export function auditListSearch(filters: AuditFilters, cursor: string | null): URLSearchParams {
  const search = auditFiltersToSearch(filters);
  search.set("limit", String(AUDIT_PAGE_SIZE));
  if (cursor) search.set("cursor", cursor);
  return search;
}

export function auditListQuery(filters: AuditFilters, api: ApiFetch = browserFetch) {
  return infiniteQueryOptions({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) => getJson<AuditPage>(api, withSearch("/api/audit", auditListSearch(filters, pageParam)), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
