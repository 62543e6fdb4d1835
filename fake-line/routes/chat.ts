// POST /v2/bot/chat/loading/start and /v2/bot/chat/markAsRead: what the friend sees of the account at
// work in a one-on-one chat (a loading animation; their messages marked as read).
import { ID_PATTERNS } from "../core/ids";
import { json, lineError } from "../http/reply";
import { jsonObject, type Route } from "../http/route";
import { Checker } from "../validation/checker";

/** LINE's default when the body gives no loadingSeconds. */
const DEFAULT_LOADING_SECONDS = 20;

export const loadingStartRoute: Route = {
  method: "POST",
  path: "/v2/bot/chat/loading/start",
  rateClass: "loading",
  jsonBody: true,
  handle(ctx) {
    const p = ctx.platform;
    const body = jsonObject(ctx);
    const c = new Checker();
    const chatId = c.str(body, "chatId", "", { required: true });
    const seconds = c.num(body, "loadingSeconds", "", { integer: true, min: 5, max: 60 });
    if (seconds !== undefined && seconds >= 5 && seconds <= 60 && seconds % 5 !== 0) c.error("loadingSeconds", "Must be a multiple of 5");
    // One-on-one chats only: a group or room id (or anything but a user id) is an invalid chat id.
    if (chatId && !ID_PATTERNS.user.test(chatId)) c.error("chatId", "Invalid chat ID");
    const invalid = c.result();
    if (invalid || !chatId) return invalid ?? lineError(400, "Invalid chat ID");
    // Like a push, an id of no friend is accepted and shows nothing: LINE does not say who is a friend.
    if (p.world.user(chatId)?.status === "following") p.chatScreens.startLoading(chatId, seconds ?? DEFAULT_LOADING_SECONDS, p.clock.now());
    return json(202, {});
  },
};

export const markAsReadRoute: Route = {
  method: "POST",
  path: "/v2/bot/chat/markAsRead",
  rateClass: "default",
  jsonBody: true,
  handle(ctx) {
    const body = jsonObject(ctx);
    const c = new Checker();
    const token = c.str(body, "markAsReadToken", "", { required: true });
    const invalid = c.result();
    if (invalid || token === undefined) return invalid ?? lineError(400, "Invalid markAsReadToken");
    // Only a token this account received in a webhook works (any number of times).
    if (!ctx.platform.chatScreens.markRead(token)) return lineError(400, "Invalid markAsReadToken");
    return json(200, {});
  },
};
