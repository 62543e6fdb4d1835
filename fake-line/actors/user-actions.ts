// Things fake users do, each producing the webhook events LINE would send: write messages (1:1 or in a
// group/room), follow, block, unblock, tap a postback, unsend, join or leave chats; and the bot being
// added to or removed from a chat. Events are queued for webhook delivery and returned as rendered.
import { groupId, opaqueToken, roomId } from "../core/ids";
import type { Platform } from "../platform";
import { createEvent, type RenderedEvent, type Source, type StoredEvent } from "../webhook/events";
import { generateUser } from "../world/generate-world";
import type { Chat, ChatKind, User } from "../world/types";
import { buildMessages, type SendSpec } from "./message-content";

export class ActionError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

type Created = { stored: StoredEvent; rendered: RenderedEvent };

export function sendMessage(p: Platform, userId: string, spec: SendSpec, chatId?: string): RenderedEvent[] {
  const user = requireUser(p, userId);
  const chat = chatId ? requireChatMember(p, chatId, user) : undefined;
  if (!chat && user.status === "blocked") throw new ActionError(400, "The user has blocked the account and cannot write to it");
  const source = sourceFor(user, chat);
  const messages = buildMessages(p, user, spec, chat?.id ?? user.id, !chat);
  user.lastMessagedAt = p.clock.now();
  const created = messages.map((message) => createEvent(p, { type: "message", source, replyable: true, payload: { message } }));
  // LINE does not guarantee the order of an image set's events (the example delivers index 2 first).
  if (spec.type === "image" && created.length > 1 && p.runtimeRng.chance(0.5)) created.reverse();
  return emit(p, created);
}

/** A user adds the account: a brand-new user when `userId` is omitted; a blocked user unblocks. */
export function follow(p: Platform, userId?: string): RenderedEvent[] {
  let user: User;
  if (userId === undefined) {
    user = generateUser(p.runtimeRng, p.clock.now(), "new", p.languages);
    user.status = "none";
    user.friendSince = null;
    p.world.addUser(user);
  } else {
    user = requireUser(p, userId);
  }
  const result = p.world.follow(user, p.clock.now());
  if (result === "already") throw new ActionError(400, "The user is already a friend");
  return emit(p, [
    createEvent(p, {
      type: "follow",
      source: { type: "user", userId: user.id },
      replyable: true,
      payload: { follow: { isUnblocked: result === "unblocked" } },
    }),
  ]);
}

export function unblock(p: Platform, userId: string): RenderedEvent[] {
  const user = requireUser(p, userId);
  if (user.status !== "blocked") throw new ActionError(400, "The user has not blocked the account");
  return follow(p, userId);
}

export function block(p: Platform, userId: string): RenderedEvent[] {
  const user = requireUser(p, userId);
  if (!p.world.block(user, p.clock.now())) throw new ActionError(400, "Only a friend can block the account");
  return emit(p, [createEvent(p, { type: "unfollow", source: { type: "user", userId }, replyable: false })]);
}

export function postback(p: Platform, userId: string, input: { data: string; params?: Record<string, string>; chatId?: string }): RenderedEvent[] {
  const user = requireUser(p, userId);
  const chat = input.chatId ? requireChatMember(p, input.chatId, user) : undefined;
  const payload = { postback: { data: input.data, ...(input.params ? { params: input.params } : {}) } };
  return emit(p, [createEvent(p, { type: "postback", source: sourceFor(user, chat), replyable: true, payload })]);
}

export function videoPlayComplete(p: Platform, userId: string, trackingId: string): RenderedEvent[] {
  requireUser(p, userId);
  return emit(p, [
    createEvent(p, { type: "videoPlayComplete", source: { type: "user", userId }, replyable: true, payload: { videoPlayComplete: { trackingId } } }),
  ]);
}

export function unsend(p: Platform, userId: string, messageId: string): RenderedEvent[] {
  const user = requireUser(p, userId);
  const message = p.userMessages.get(messageId);
  if (!message || message.userId !== user.id) throw new ActionError(404, "No such message from this user");
  message.unsent = true;
  const chat = message.chatId === user.id ? undefined : p.world.chat(message.chatId);
  return emit(p, [createEvent(p, { type: "unsend", source: sourceFor(user, chat), replyable: false, payload: { unsend: { messageId } } })]);
}

/** A user edits a text message they sent in a group (LINE sends messageEdited for group chats only). */
export function editMessage(p: Platform, userId: string, messageId: string, text: string): RenderedEvent[] {
  const user = requireUser(p, userId);
  const message = p.userMessages.get(messageId);
  if (!message || message.userId !== user.id || message.kind !== "text") throw new ActionError(404, "No such text message from this user");
  const chat = p.world.chat(message.chatId);
  if (!chat || chat.kind !== "group") throw new ActionError(400, "Only messages in group chats can be edited");
  if (message.unsent) throw new ActionError(400, "The message was unsent");
  const payload = { message: { type: "text", id: messageId, quoteToken: opaqueToken(), text } };
  return emit(p, [createEvent(p, { type: "messageEdited", source: sourceFor(user, chat), replyable: true, payload })]);
}

/** Users join a chat the bot is in (new strangers are created when `newUsers` is given). */
export function membersJoin(p: Platform, chatId: string, userIds: string[], newUsers = 0): RenderedEvent[] {
  const chat = requireBotChat(p, chatId);
  const joining = userIds.map((id) => requireUser(p, id));
  for (let i = 0; i < newUsers; i++) {
    const u = generateUser(p.runtimeRng, p.clock.now(), "stranger", p.languages);
    p.world.addUser(u);
    joining.push(u);
  }
  const fresh = joining.filter((u) => !chat.memberIds.includes(u.id));
  if (fresh.length === 0) throw new ActionError(400, "Nobody new to add");
  chat.memberIds.push(...fresh.map((u) => u.id));
  const payload = { joined: { members: fresh.map((u) => ({ type: "user", userId: u.id })) } };
  return emit(p, [createEvent(p, { type: "memberJoined", source: chatSource(chat), replyable: true, payload })]);
}

export function membersLeave(p: Platform, chatId: string, userIds: string[]): RenderedEvent[] {
  const chat = requireBotChat(p, chatId);
  const leaving = userIds.filter((id) => chat.memberIds.includes(id));
  if (leaving.length === 0) throw new ActionError(400, "None of these users is a member");
  chat.memberIds = chat.memberIds.filter((id) => !leaving.includes(id));
  const payload = { left: { members: leaving.map((userId) => ({ type: "user", userId })) } };
  return emit(p, [createEvent(p, { type: "memberLeft", source: chatSource(chat), replyable: false, payload })]);
}

/** The bot is added to a chat: an existing one it is not in, or a new group/room with the given members. */
export function botJoins(p: Platform, input: { chatId?: string; kind?: ChatKind; name?: string; memberIds?: string[] }): RenderedEvent[] {
  let chat = input.chatId ? p.world.chat(input.chatId) : undefined;
  if (input.chatId && !chat) throw new ActionError(404, "No such chat");
  if (chat?.botIsMember) throw new ActionError(400, "The bot is already in this chat");
  if (!chat) {
    const kind = input.kind ?? "group";
    const members = (input.memberIds ?? []).map((id) => requireUser(p, id).id);
    if (members.length === 0)
      members.push(
        ...p.world
          .followers()
          .slice(0, 3)
          .map((u) => u.id),
      );
    chat = {
      id: kind === "group" ? groupId(p.runtimeRng) : roomId(p.runtimeRng),
      kind,
      name: kind === "group" ? (input.name ?? "New group") : null,
      hasPicture: true,
      memberIds: members,
      botIsMember: true,
      createdAt: p.clock.now(),
    };
    p.world.addChat(chat);
  }
  chat.botIsMember = true;
  return emit(p, [createEvent(p, { type: "join", source: chatSource(chat), replyable: true })]);
}

/** The bot is removed from a chat (or leaves it through the API). */
export function botLeaves(p: Platform, chatId: string): RenderedEvent[] {
  const chat = requireBotChat(p, chatId);
  chat.botIsMember = false;
  return emit(p, [createEvent(p, { type: "leave", source: chatSource(chat), replyable: false })]);
}

export function emit(p: Platform, created: Created[]): RenderedEvent[] {
  p.webhook.enqueue(created);
  return created.map((c) => c.rendered);
}

export function requireUser(p: Platform, userId: string): User {
  const user = p.world.user(userId);
  if (!user) throw new ActionError(404, `No such user: ${userId}`);
  return user;
}

function requireBotChat(p: Platform, chatId: string): Chat {
  const chat = p.world.chat(chatId);
  if (!chat) throw new ActionError(404, `No such chat: ${chatId}`);
  if (!chat.botIsMember) throw new ActionError(400, "The bot is not in this chat");
  return chat;
}

function requireChatMember(p: Platform, chatId: string, user: User): Chat {
  const chat = requireBotChat(p, chatId);
  if (!chat.memberIds.includes(user.id)) throw new ActionError(400, "The user is not a member of this chat");
  return chat;
}

function sourceFor(user: User, chat: Chat | undefined): Source {
  if (!chat) return { type: "user", userId: user.id };
  return chat.kind === "group" ? { type: "group", groupId: chat.id, userId: user.id } : { type: "room", roomId: chat.id, userId: user.id };
}

function chatSource(chat: Chat): Source {
  return chat.kind === "group" ? { type: "group", groupId: chat.id } : { type: "room", roomId: chat.id };
}
