// Shapes of the control API answers the tests read (documented in fake-line/README.md).
import type { webhook } from "@line/bot-sdk";

export type FriendJson = {
  userId: string;
  displayName: string;
  status: "following" | "blocked" | "none";
  language: string | null;
  nativeLanguage: string;
  pictureUrl: string | null;
  statusMessage: string | null;
  gender: "male" | "female" | null;
  age: number | null;
  appType: "ios" | "android" | "others";
  area: string | null;
  country: "JP" | "TW" | "TH" | "ID" | null;
  friendSince: string | null;
  subscriptionDays: number | null;
  blockedAt: string | null;
  targetable: boolean;
  thaiMinor: boolean;
  /** The same person across channels (their userId differs between providers). */
  personId: string;
};

export type FriendsJson = { total: number; offset: number; users: FriendJson[] };

export type ChatJson = {
  chatId: string;
  kind: "group" | "room";
  name: string | null;
  pictureUrl: string | null;
  botIsMember: boolean;
  memberCount: number;
  memberIds: string[];
};

/** Events as the webhook carries them (message events carry a `message`, etc.). */
export type EventsJson = { events: (webhook.Event & { replyToken?: string; message?: Record<string, unknown> })[] };

export type InboxEntryJson = {
  requestId: string;
  kind: "reply" | "push" | "multicast" | "broadcast" | "narrowcast";
  messages: { id: string; quoteToken?: string; message: Record<string, unknown> }[];
  notificationDisabled: boolean;
  sentAt: string;
};

export type InboxJson = { chatId: string; entries: InboxEntryJson[] };

export type AttemptJson = {
  id: number;
  deliveryId: number | null;
  attempt: number;
  kind: "events" | "test" | "custom";
  isRedelivery: boolean;
  webhookEventIds: string[];
  statusCode: number;
  ok: boolean;
  reason: string;
  detail: string;
  latencyMs: number;
};

export type LoggedRequestJson = {
  requestId: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  status: number;
  response: unknown;
  time: string;
};
