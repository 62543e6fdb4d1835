import { queryOptions } from "@tanstack/react-query";
import type { ConversationSettings } from "@/db/queries/channels";
import type { BotInfo, WebhookEndpoint } from "@/lib/channel/channel";
import { browserFetch, getJson, type ApiFetch } from "./api-client";

export type { ConversationSettings };

export const channelKeys = {
  configuration: ["channel", "configuration"] as const,
  bot: ["channel", "bot"] as const,
  webhook: ["channel", "webhook"] as const,
  conversation: ["channel", "conversation"] as const,
};

export function botInfoQuery(api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: channelKeys.bot,
    queryFn: ({ signal }) => getJson<BotInfo>(api, "/api/settings/channel/bot", signal),
    staleTime: 5 * 60_000,
  });
}

export function webhookEndpointQuery(api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: channelKeys.webhook,
    queryFn: ({ signal }) => getJson<WebhookEndpoint>(api, "/api/settings/channel/webhook", signal),
  });
}

/** Whether conversations show LINE's loading animation while operators type, and mark messages read. */
export function conversationSettingsQuery(api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: channelKeys.conversation,
    queryFn: ({ signal }) => getJson<ConversationSettings>(api, "/api/settings/channel/conversation", signal),
  });
}
