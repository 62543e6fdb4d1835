import { z } from "zod";

// What a simulated friend can do (a subset of the fake's control API, see fake-line/README.md).
// open / click / play: the friend reads the account's messages, taps a link, plays a video (statistics).
export const FRIEND_ACTIONS = ["messages", "follow", "block", "unblock", "postback", "open", "click", "play"] as const;
export type FriendAction = (typeof FRIEND_ACTIONS)[number];
export const CHAT_ACTIONS = ["members", "members/leave", "bot-join", "bot-leave"] as const;

export const friendActionBodySchema = z
  .object({
    type: z.enum(["text", "sticker", "image", "video", "audio", "file", "location"]).optional(),
    text: z.string().max(5000).optional(),
    packageId: z.string().max(20).optional(),
    stickerId: z.string().max(20).optional(),
    count: z.number().int().min(1).max(5).optional(),
    fileName: z.string().max(200).optional(),
    title: z.string().max(100).optional(),
    address: z.string().max(100).optional(),
    latitude: z.number().optional(),
    longitude: z.number().optional(),
    data: z.string().max(300).optional(),
    params: z.record(z.string(), z.string()).optional(),
    chatId: z
      .string()
      .regex(/^[CR][0-9a-f]{32}$/)
      .optional(),
    mentionBot: z.boolean().optional(),
    requestId: z.string().max(100).optional(),
    messageId: z.string().max(100).optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    percent: z.number().int().min(0).max(100).optional(),
  })
  .strict();

export const chatActionBodySchema = z
  .object({
    userIds: z
      .array(z.string().regex(/^U[0-9a-f]{32}$/))
      .max(50)
      .optional(),
    newUsers: z.number().int().min(0).max(10).optional(),
  })
  .strict();

export const trafficBodySchema = z.object({ ratePerSecond: z.number().min(0.1).max(50), durationMs: z.number().int().min(1000).max(3_600_000) }).strict();

export const friendsQuerySchema = z
  .object({
    q: z.string().max(100).optional(),
    status: z.enum(["following", "blocked", "none"]).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
