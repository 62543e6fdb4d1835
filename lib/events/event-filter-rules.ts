import { parseInstant } from "@/lib/utils/instant";

// The rules of the timeline's filter values, in plain functions: the route's zod schema
// (list-events-schema.ts) is built from them, and the browser checks a URL's filters with them without
// loading zod (32 kB compressed, most of what the events page did not need).

export const EVENT_TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
export const SOURCE_TYPES = ["user", "group", "room"] as const;
export const SEARCH_MAX_LENGTH = 200;

/** LINE's ids: U (user), C (group), R (room) followed by 32 hex digits. */
export const idPattern = (prefix: "U" | "C" | "R") => new RegExp(`^${prefix}[0-9a-f]{32}$`);

const isId = (prefix: "U" | "C" | "R") => {
  const pattern = idPattern(prefix);
  return (v: string) => pattern.test(v);
};

/** Whether each filter's value, as the URL carries it, is one GET /api/events accepts. */
export const eventFilterRules = {
  type: (v: string) => EVENT_TYPE_PATTERN.test(v),
  messageType: (v: string) => EVENT_TYPE_PATTERN.test(v),
  sourceType: (v: string) => (SOURCE_TYPES as readonly string[]).includes(v),
  userId: isId("U"),
  groupId: isId("C"),
  roomId: isId("R"),
  q: (v: string) => v.trim().length >= 1 && v.trim().length <= SEARCH_MAX_LENGTH,
  from: (v: string) => parseInstant(v).ok,
  to: (v: string) => parseInstant(v).ok,
  redelivery: (v: string) => v === "true" || v === "false",
} as const;

/** The filters an operator can set (what the URL of /events carries). */
export const eventFilterKeys = ["type", "messageType", "sourceType", "userId", "groupId", "roomId", "q", "from", "to", "redelivery"] as const;
