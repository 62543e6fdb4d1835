import { getConversationSettings, updateConversationSettings } from "@/db/queries/channels";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { conversationSettingsBodySchema } from "@/lib/channel/schemas";

/** Whether conversations show LINE's loading animation while operators type, and mark messages read. */
export const GET = apiRoute({ role: "admin" }, async ({ db, channelId }) => getConversationSettings(db, { channelId }));

/** Turn either setting on or off (admins; audited with what changed). */
export const PATCH = apiRoute({ role: "admin" }, async ({ req, db, channelId, audit }) => {
  const changes = await parseJsonBody(conversationSettingsBodySchema, req);
  const { before, after } = await updateConversationSettings(db, { channelId, changes });
  const changed = Object.fromEntries((Object.keys(after) as Array<keyof typeof after>).filter((k) => before[k] !== after[k]).map((k) => [k, after[k]]));
  if (Object.keys(changed).length > 0) await audit("settings.conversation_updated", null, changed);
  return after;
});
