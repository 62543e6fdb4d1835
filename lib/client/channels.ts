import { queryOptions } from "@tanstack/react-query";
import type { ApiKeyRole } from "@/lib/auth/roles";
import type { ChannelItem } from "@/lib/channel/manage";
import type { AddChannelBody, UpdateChannelBody } from "@/lib/channel/schemas";
import { browserFetch, getJson, sendJson, type ApiFetch, type Jsonified } from "./api-client";

/** A channel as GET /api/channels lists it (never its secret or token), with the caller's role on it. */
export type Channel = Jsonified<ChannelItem> & { role: ApiKeyRole };

// Settings → Channels. Not under lib/client/channel.ts's keys: those are one channel's settings, read with
// the tab's channel; this list is the console's.
export const channelListKeys = { all: ["channels"] as const };

export function channelsQuery(api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: channelListKeys.all,
    queryFn: ({ signal }) => getJson<{ items: Channel[] }>(api, "/api/channels", signal),
  });
}

export const addChannel = (body: AddChannelBody) => sendJson<Jsonified<ChannelItem>>("POST", "/api/channels", body);
export const updateChannel = (key: string, body: UpdateChannelBody) =>
  sendJson<Jsonified<ChannelItem>>("PATCH", `/api/channels/${encodeURIComponent(key)}`, body);
export const deleteChannel = (key: string, confirmName: string) => sendJson<null>("DELETE", `/api/channels/${encodeURIComponent(key)}`, { confirmName });
