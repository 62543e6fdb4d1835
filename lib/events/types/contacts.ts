// What a batch of events means for friends, chats, chat members and media — a pure function, so the
// rules are tested without a database. Applying the result is idempotent (least/greatest, and a status
// only replaces an older one), so events arriving out of order, or a batch applied twice, end the same.
import type { ChatChange, FriendChange, MediaItem, MemberChange, ProjectedEvent } from "@/db/queries/friends-projection";

export type { ChatChange, FriendChange, MediaItem, MemberChange, ProjectedEvent };

export interface Projection {
  friends: FriendChange[];
  chats: ChatChange[];
  members: MemberChange[];
  media: MediaItem[];
}

const MEDIA_TYPES = new Set(["image", "video", "audio", "file"]);

export function projectEvents(events: ProjectedEvent[]): Projection {
  const friends = new Map<string, FriendChange>();
  const chats = new Map<string, ChatChange>();
  const members = new Map<string, MemberChange>();
  const media: MediaItem[] = [];

  const friend = (e: ProjectedEvent, userId: string) => {
    const key = `${e.channelId}:${userId}`;
    let f = friends.get(key);
    if (!f) friends.set(key, (f = { channelId: e.channelId, userId, firstSeen: e.timestamp, lastActive: null, status: null, statusAt: null, followed: false }));
    if (e.timestamp < f.firstSeen) f.firstSeen = e.timestamp;
    return f;
  };
  const member = (e: ProjectedEvent, chatId: string, userId: string, left: boolean) => {
    const key = `${e.channelId}:${chatId}:${userId}`;
    let m = members.get(key);
    if (!m) members.set(key, (m = { channelId: e.channelId, chatId, userId, firstSeen: e.timestamp, lastSeen: e.timestamp, leftAt: null }));
    if (e.timestamp < m.firstSeen) m.firstSeen = e.timestamp;
    // Current unless they left after they were last seen (a member who only left has lastSeen = leftAt).
    if (left) m.leftAt = later(m.leftAt, e.timestamp);
    else if (e.timestamp > m.lastSeen) m.lastSeen = e.timestamp;
    return m;
  };

  for (const e of events) {
    const chatId = e.groupId ?? e.roomId;
    const chatType = e.groupId ? "group" : e.roomId ? "room" : null;

    if (e.userId && e.type !== "memberJoined" && e.type !== "memberLeft") {
      const f = friend(e, e.userId);
      // Blocking is not activity; everything else they did is.
      if (e.type !== "unfollow") f.lastActive = later(f.lastActive, e.timestamp);
      if ((e.type === "follow" || e.type === "unfollow") && e.sourceType === "user" && (!f.statusAt || e.timestamp >= f.statusAt)) {
        f.status = e.type === "follow" ? "friend" : "blocked";
        f.statusAt = e.timestamp;
      }
      if (e.type === "follow") f.followed = true;
    }

    if (chatId && chatType) {
      const key = `${e.channelId}:${chatId}`;
      let c = chats.get(key);
      if (!c)
        chats.set(
          key,
          (c = {
            channelId: e.channelId,
            chatId,
            type: chatType,
            firstSeen: e.timestamp,
            lastActive: e.timestamp,
            status: null,
            statusAt: null,
            refresh: false,
          }),
        );
      if (e.timestamp < c.firstSeen) c.firstSeen = e.timestamp;
      if (e.timestamp > c.lastActive) c.lastActive = e.timestamp;
      if ((e.type === "join" || e.type === "leave") && (!c.statusAt || e.timestamp >= c.statusAt)) {
        c.status = e.type === "join" ? "joined" : "left";
        c.statusAt = e.timestamp;
      }
      if (e.type === "join" || e.type === "memberJoined" || e.type === "memberLeft") c.refresh = true;

      if (e.userId && e.type !== "memberJoined" && e.type !== "memberLeft") member(e, chatId, e.userId, false);
      for (const userId of memberIds(e.joinedMembers)) {
        friend(e, userId);
        member(e, chatId, userId, false);
      }
      for (const userId of memberIds(e.leftMembers)) {
        friend(e, userId);
        member(e, chatId, userId, true);
      }
    }

    if (e.type === "message" && e.messageId && e.messageType && MEDIA_TYPES.has(e.messageType)) {
      media.push({
        channelId: e.channelId,
        messageId: e.messageId,
        eventId: e.id,
        messageType: e.messageType as MediaItem["messageType"],
        userId: e.userId,
        chatId: chatId ?? null,
        // Files are always on LINE; images, videos and audio may be links to another provider.
        external: e.messageType !== "file" && e.contentProvider === "external",
        fileName: e.fileName,
      });
    }
  }
  return { friends: [...friends.values()], chats: [...chats.values()], members: [...members.values()], media };
}

function memberIds(members: unknown): string[] {
  if (!Array.isArray(members)) return [];
  return members.flatMap((m) =>
    m && typeof m === "object" && typeof (m as { userId?: unknown }).userId === "string" ? [(m as { userId: string }).userId] : [],
  );
}

function later(a: Date | null, b: Date): Date {
  return !a || b > a ? b : a;
}
