// Control API: make fake users act (messages, follow, block, unblock, postback, unsend, chats) and
// generate random traffic. Each action answers with the webhook events it produced (as first sent,
// including reply tokens), whether or not a webhook URL is configured.
import { z } from "zod";
import type { SendSpec } from "../actors/message-content";
import {
  block,
  botJoins,
  botLeaves,
  editMessage,
  follow,
  membersJoin,
  membersLeave,
  postback,
  sendMessage,
  unblock,
  unsend,
  videoPlayComplete,
} from "../actors/user-actions";
import { parseBody, type ControlRoute } from "./control-route";

const emoji = z.object({ index: z.number().int().min(0), length: z.number().int().min(1), productId: z.string(), emojiId: z.string() });

const sendSpec = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("text"),
    text: z.string().min(1).max(5000).optional(),
    emojis: z.array(emoji).optional(),
    mentionBot: z.boolean().optional(),
    mentionAll: z.boolean().optional(),
    mentionUserIds: z.array(z.string()).optional(),
    quotedMessageId: z.string().optional(),
    chatId: z.string().optional(),
  }),
  z.object({
    type: z.literal("sticker"),
    packageId: z.string().optional(),
    stickerId: z.string().optional(),
    stickerResourceType: z.string().optional(),
    keywords: z.array(z.string()).max(15).optional(),
    text: z.string().max(100).optional(),
    chatId: z.string().optional(),
  }),
  z.object({ type: z.literal("image"), count: z.number().int().min(1).max(20).optional(), external: z.boolean().optional(), chatId: z.string().optional() }),
  z.object({ type: z.literal("video"), durationMs: z.number().int().min(1).optional(), external: z.boolean().optional(), chatId: z.string().optional() }),
  z.object({ type: z.literal("audio"), durationMs: z.number().int().min(1).optional(), chatId: z.string().optional() }),
  z.object({ type: z.literal("file"), fileName: z.string().min(1).optional(), chatId: z.string().optional() }),
  z.object({
    type: z.literal("location"),
    title: z.string().optional(),
    address: z.string().optional(),
    latitude: z.number().optional(),
    longitude: z.number().optional(),
    chatId: z.string().optional(),
  }),
]);

export const actionRoutes: ControlRoute[] = [
  { method: "POST", path: "/__fake/friends", handle: ({ platform }) => ({ status: 201, body: { events: follow(platform) } }) },
  {
    method: "POST",
    path: "/__fake/friends/:userId/messages",
    handle({ platform, params, body }) {
      const { chatId, ...spec } = parseBody(sendSpec, body);
      return { events: sendMessage(platform, params.userId ?? "", spec as SendSpec, chatId) };
    },
  },
  { method: "POST", path: "/__fake/friends/:userId/follow", handle: ({ platform, params }) => ({ events: follow(platform, params.userId ?? "") }) },
  { method: "POST", path: "/__fake/friends/:userId/block", handle: ({ platform, params }) => ({ events: block(platform, params.userId ?? "") }) },
  { method: "POST", path: "/__fake/friends/:userId/unblock", handle: ({ platform, params }) => ({ events: unblock(platform, params.userId ?? "") }) },
  {
    method: "POST",
    path: "/__fake/friends/:userId/postback",
    handle({ platform, params, body }) {
      const input = parseBody(
        z.object({ data: z.string().max(300), params: z.record(z.string(), z.string()).optional(), chatId: z.string().optional() }).strict(),
        body,
      );
      return { events: postback(platform, params.userId ?? "", input) };
    },
  },
  {
    method: "POST",
    path: "/__fake/friends/:userId/unsend",
    handle({ platform, params, body }) {
      const { messageId } = parseBody(z.object({ messageId: z.string() }).strict(), body);
      return { events: unsend(platform, params.userId ?? "", messageId) };
    },
  },
  {
    method: "POST",
    path: "/__fake/friends/:userId/edit",
    handle({ platform, params, body }) {
      const { messageId, text } = parseBody(z.object({ messageId: z.string(), text: z.string().min(1).max(5000) }).strict(), body);
      return { events: editMessage(platform, params.userId ?? "", messageId, text) };
    },
  },
  {
    method: "POST",
    path: "/__fake/friends/:userId/video-complete",
    handle({ platform, params, body }) {
      const { trackingId } = parseBody(z.object({ trackingId: z.string().min(1).max(100) }).strict(), body);
      return { events: videoPlayComplete(platform, params.userId ?? "", trackingId) };
    },
  },
  {
    method: "POST",
    path: "/__fake/chats",
    handle({ platform, body }) {
      const input = parseBody(
        z.object({ kind: z.enum(["group", "room"]).optional(), name: z.string().max(50).optional(), memberIds: z.array(z.string()).optional() }).strict(),
        body,
      );
      return { status: 201, body: { events: botJoins(platform, input) } };
    },
  },
  { method: "POST", path: "/__fake/chats/:chatId/bot-join", handle: ({ platform, params }) => ({ events: botJoins(platform, { chatId: params.chatId }) }) },
  { method: "POST", path: "/__fake/chats/:chatId/bot-leave", handle: ({ platform, params }) => ({ events: botLeaves(platform, params.chatId ?? "") }) },
  {
    method: "POST",
    path: "/__fake/chats/:chatId/members",
    handle({ platform, params, body }) {
      const input = parseBody(z.object({ userIds: z.array(z.string()).optional(), newUsers: z.number().int().min(0).max(1000).optional() }).strict(), body);
      return { events: membersJoin(platform, params.chatId ?? "", input.userIds ?? [], input.newUsers ?? 0) };
    },
  },
  {
    method: "POST",
    path: "/__fake/chats/:chatId/members/leave",
    handle({ platform, params, body }) {
      const { userIds } = parseBody(z.object({ userIds: z.array(z.string()).min(1) }).strict(), body);
      return { events: membersLeave(platform, params.chatId ?? "", userIds) };
    },
  },
  { method: "GET", path: "/__fake/traffic", handle: ({ platform }) => platform.traffic.status() },
  {
    method: "POST",
    path: "/__fake/traffic",
    handle({ platform, body }) {
      const input = parseBody(
        z
          .object({
            ratePerSecond: z.number().positive().max(10_000),
            durationMs: z
              .number()
              .int()
              .positive()
              .max(24 * 3600 * 1000),
          })
          .strict(),
        body,
      );
      return platform.traffic.start(input.ratePerSecond, input.durationMs);
    },
  },
  { method: "DELETE", path: "/__fake/traffic", handle: ({ platform }) => platform.traffic.stop() },
];
