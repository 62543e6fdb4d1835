import { code, compact, obj, phrase, str, type EventSummary, type Json } from "./summary-types";

/** Friendship and chat membership: follow, unfollow, join, leave, memberJoined, memberLeft. */
export const socialSummaries: Record<string, (e: Json) => EventSummary> = {
  follow: (e) =>
    obj(e.follow).isUnblocked === true ? { icon: "follow", parts: [phrase("followUnblocked")] } : { icon: "follow", parts: [phrase("followNew")] },
  unfollow: () => ({ icon: "unfollow", parts: [phrase("unfollow")] }),
  join: (e) => ({ icon: "join", parts: [phrase("join", { chat: chatKind(e) })] }),
  leave: (e) => ({ icon: "leave", parts: [phrase("leave", { chat: chatKind(e) })] }),
  memberJoined: (e) => members("members-in", "memberJoined", obj(e.joined).members),
  memberLeft: (e) => members("members-out", "memberLeft", obj(e.left).members),
};

const SHOWN_MEMBERS = 3;

function members(icon: "members-in" | "members-out", key: string, raw: unknown): EventSummary {
  const ids = (Array.isArray(raw) ? raw : []).map((m) => str(obj(m).userId)).filter((id): id is string => Boolean(id));
  const count = Array.isArray(raw) ? raw.length : 0;
  return {
    icon,
    parts: compact([
      phrase(key, { count }),
      ...ids.slice(0, SHOWN_MEMBERS).map(code),
      ids.length > SHOWN_MEMBERS && phrase("andMore", { count: ids.length - SHOWN_MEMBERS }),
    ]),
  };
}

function chatKind(e: Json): string {
  const type = obj(e.source).type;
  return type === "group" || type === "room" ? type : "other";
}
