import { showLoadingAnimation } from "@/lib/contacts/chat-signals";
import { userIdParam } from "@/lib/contacts/route-params";
import { apiRoute } from "@/lib/runtime/api-route";

/**
 * An operator is typing an answer to this friend: LINE's loading animation in their chat, when the
 * channel's setting is on. Best effort: always 200, with whether it was shown and why not.
 */
export const POST = apiRoute<{ userId: string }>({ role: "operator" }, async ({ params, db, channelId, runtime }) =>
  showLoadingAnimation(db, { channelId, userId: userIdParam(params.userId), clients: runtime.line }),
);
