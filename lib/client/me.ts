import { queryOptions } from "@tanstack/react-query";
import { browserFetch, getJson, type ApiFetch } from "./api-client";

export interface Me {
  kind: "user" | "apiKey";
  id: string;
  name: string;
  role: "viewer" | "operator" | "admin";
}

// Who is signed in. A stand-in for the accounts work's useRole()/useCan() until that lands.
export function meQuery(api: ApiFetch = browserFetch) {
  return queryOptions({ queryKey: ["me"], queryFn: ({ signal }) => getJson<Me>(api, "/api/me", signal), staleTime: 5 * 60_000 });
}
