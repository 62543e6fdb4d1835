import type { Language } from "./name-pools";

export type Gender = "male" | "female";
export type AppType = "ios" | "android" | "others";

/**
 * following: a friend who can receive messages; blocked: a friend who blocked the account (unfollow);
 * none: never added the account (seen only in group chats, or added later through the control API).
 */
export type FriendshipStatus = "following" | "blocked" | "none";

export type User = {
  id: string;
  /**
   * The real person behind this user id, the same in every channel of the fake (LINE gives one person
   * a different user id per provider). Absent = a person seen by this channel only (personId = id).
   */
  personId?: string;
  displayName: string;
  /** Absent when the user has not consented to share it (LINE marks it optional). */
  language: Language | null;
  /** The language the user writes in (what their messages are generated in). */
  nativeLanguage: Language;
  hasPicture: boolean;
  statusMessage: string | null;
  /** null = unknown to LINE (users with unknown attributes never match a filter on that attribute). */
  gender: Gender | null;
  age: number | null;
  appType: AppType;
  areaCode: string | null;
  status: FriendshipStatus;
  /** When the user first added the account (epoch ms); null if never. */
  friendSince: number | null;
  blockedAt: number | null;
  /** Last time the user wrote to the account (push to a non-friend works for 7 days after this). */
  lastMessagedAt: number | null;
};

export type ChatKind = "group" | "room";

export type Chat = {
  id: string;
  kind: ChatKind;
  /** Groups have names; rooms (multi-person chats) do not. */
  name: string | null;
  hasPicture: boolean;
  memberIds: string[];
  botIsMember: boolean;
  createdAt: number;
};

export type Bot = {
  userId: string;
  basicId: string;
  displayName: string;
};
