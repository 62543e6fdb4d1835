import { HttpError } from "@/lib/platform/http/errors";

/** A user id from the URL, or a 404 (a malformed id names no friend). */
export function userIdParam(value: string): string {
  if (!/^U[0-9a-f]{32}$/.test(value)) throw new HttpError(404, "not_found", "No friend has this id");
  return value;
}

/** A group (C…) or room (R…) id from the URL. */
export function chatIdParam(value: string): { chatId: string; type: "group" | "room" } {
  if (!/^[CR][0-9a-f]{32}$/.test(value)) throw new HttpError(404, "not_found", "No group or room has this id");
  return { chatId: value, type: value.startsWith("C") ? "group" : "room" };
}
