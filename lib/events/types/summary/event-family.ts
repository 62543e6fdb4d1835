// Event types grouped by what they are about; each family has one colour in the timeline.

export type EventFamily = "message" | "social" | "action" | "account" | "system" | "unknown";

const families: Record<string, EventFamily> = {
  message: "message",
  messageEdited: "message",
  unsend: "message",
  follow: "social",
  unfollow: "social",
  join: "social",
  leave: "social",
  memberJoined: "social",
  memberLeft: "social",
  postback: "action",
  beacon: "action",
  videoPlayComplete: "action",
  accountLink: "account",
  membership: "account",
  delivery: "account",
  module: "system",
  activated: "system",
  deactivated: "system",
  botSuspended: "system",
  botResumed: "system",
};

/** Every type LINE documents today, in the order the type filter lists them. */
export const knownEventTypes = Object.keys(families);

export const knownMessageTypes = ["text", "image", "video", "audio", "file", "location", "sticker"] as const;

export function eventFamily(type: string): EventFamily {
  return families[type] ?? "unknown";
}
