// How the control API shows users and chats: every attribute, so tests can compute narrowcast
// recipients, demographics and follower lists on their own.
import { isTargetable, isThaiMinor, subscriptionDays } from "../domain/recipients";
import type { Platform } from "../platform";
import { pictureUrl } from "../routes/users";
import { areaByCode } from "../world/areas";
import type { Chat, User } from "../world/types";

export function userJson(p: Platform, user: User): Record<string, unknown> {
  const area = user.areaCode ? areaByCode(user.areaCode) : undefined;
  return {
    userId: user.id,
    displayName: user.displayName,
    status: user.status,
    language: user.language,
    nativeLanguage: user.nativeLanguage,
    pictureUrl: user.hasPicture ? pictureUrl(p, user.id) : null,
    statusMessage: user.statusMessage,
    gender: user.gender,
    age: user.age,
    appType: user.appType,
    area: user.areaCode,
    country: area?.country ?? null,
    areaName: area?.name ?? null,
    areaLocalName: area?.localName ?? null,
    friendSince: user.friendSince === null ? null : new Date(user.friendSince).toISOString(),
    subscriptionDays: subscriptionDays(user, p.clock.now()),
    blockedAt: user.blockedAt === null ? null : new Date(user.blockedAt).toISOString(),
    targetable: isTargetable(user),
    thaiMinor: isThaiMinor(user),
    // Not LINE's: the same person across channels (their userId differs between providers).
    personId: user.personId ?? user.id,
  };
}

export function chatJson(p: Platform, chat: Chat): Record<string, unknown> {
  return {
    chatId: chat.id,
    kind: chat.kind,
    name: chat.name,
    pictureUrl: chat.hasPicture ? `${p.controlUrl}/images/group/${chat.id}.png` : null,
    botIsMember: chat.botIsMember,
    memberCount: chat.memberIds.length,
    memberIds: chat.memberIds,
    createdAt: new Date(chat.createdAt).toISOString(),
  };
}
