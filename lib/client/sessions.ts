import { queryOptions } from "@tanstack/react-query";
import type { listSessionsOf } from "@/db/queries/users";
import { browserFetch, getJson, type ApiFetch, type Jsonified } from "./api-client";

export type MemberSession = Jsonified<Awaited<ReturnType<typeof listSessionsOf>>[number]> & { current: boolean };

export const sessionKeys = { mine: ["me", "sessions"] as const };

export function mySessionsQuery(api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: sessionKeys.mine,
    queryFn: ({ signal }) => getJson<{ items: MemberSession[] }>(api, "/api/me/sessions", signal),
  });
}
