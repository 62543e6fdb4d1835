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

/** A channel's key in URLs: lower-case letters, digits and hyphens. */
export const channelKey = z
  .string()
  .trim()
  .min(2, "must be at least 2 characters")
  .max(40, "must be at most 40 characters")
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "may hold only lower-case letters, digits and hyphens");

/**
 * POST /api/channels (Settings → Channels): the channel id and secret from LINE Developers Console, and
 * a long-lived access token — or none, and the console issues short-lived ones (LINE's recommendation).
 */
export const addChannelBodySchema = z
  .object({
    lineChannelId: z
      .string()
      .trim()
      .regex(/^\d{6,20}$/, "must be the numeric channel ID from LINE Developers Console"),
    secret: z
      .string()
      .trim()
      .regex(/^[0-9a-f]{32}$/i, "must be the 32-character channel secret"),
    accessToken: z
      .string()
      .trim()
      .min(20, "looks too short to be a channel access token")
      .max(1000, "is too long")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters").optional(),
    key: channelKey.optional(),
  })
  .strict();
export type AddChannelBody = z.infer<typeof addChannelBodySchema>;

/** PATCH /api/channels/{key}: rename, archive or bring back. */
export const updateChannelBodySchema = z
  .object({ name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters").optional(), archived: z.boolean().optional() })
  .strict()
  .refine((v) => v.name !== undefined || v.archived !== undefined, "give name or archived");
export type UpdateChannelBody = z.infer<typeof updateChannelBodySchema>;

/** DELETE /api/channels/{key}: the channel's name, typed back. */
export const deleteChannelBodySchema = z.object({ confirmName: z.string().max(200) }).strict();
