import { z } from "zod";

// Bodies of the channel settings routes. LINE itself checks the endpoint further (HTTPS, length), and
// its refusal comes back with LINE's own message for the field.
const endpoint = z
  .string()
  .trim()
  .max(500, "must be at most 500 characters")
  .url("must be a URL such as https://oa.example.com/api/line/webhook")
  .refine((v) => /^https?:\/\//.test(v), "must start with https://");

/** No endpoint: this console's own webhook URL (APP_URL + /api/line/webhook). */
export const setWebhookEndpointBodySchema = z.object({ endpoint: endpoint.optional() }).strict();

/** No endpoint: the one currently set in LINE. */
export const testWebhookEndpointBodySchema = z.object({ endpoint: endpoint.optional() }).strict();

/** PATCH /api/settings/channel/conversation: the settings to change (the others stay as they are). */
export const conversationSettingsBodySchema = z.object({ loadingAnimation: z.boolean().optional(), markAsRead: z.boolean().optional() }).strict();
