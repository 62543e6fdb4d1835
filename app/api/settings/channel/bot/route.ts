import { fetchBotInfo } from "@/lib/channel/channel";
import { apiRoute } from "@/lib/runtime/api-route";

/** The bot as LINE describes it (name, basic id, picture, chat mode). */
export const GET = apiRoute({ role: "admin" }, async ({ line }) => fetchBotInfo(line));
