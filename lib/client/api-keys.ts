import { queryOptions } from "@tanstack/react-query";
import type { listApiKeys } from "@/db/queries/api-keys";
import { browserFetch, getJson, type ApiFetch, type Jsonified } from "./api-client";

export type ApiKey = Jsonified<Awaited<ReturnType<typeof listApiKeys>>[number]>;
/** POST /api/api-keys: the key itself is in this answer only. */
export type CreatedApiKey = Pick<ApiKey, "id" | "name" | "role" | "prefix" | "createdAt"> & { key: string };

export const apiKeyKeys = { all: ["api-keys"] as const };

export function apiKeysQuery(api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: apiKeyKeys.all,
    queryFn: ({ signal }) => getJson<{ items: ApiKey[] }>(api, "/api/api-keys", signal),
  });
}
