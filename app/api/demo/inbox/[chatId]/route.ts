import { z } from "zod";
import { apiRoute } from "@/lib/runtime/api-route";
import { demoInbox } from "@/lib/demo/inbox";

const params = z.object({ chatId: z.string().regex(/^[UCR][0-9a-f]{32}$/, "must be a user, group or room id") });

/** Demo mode: what the account's messages actually delivered to this friend (or group), and their chat screen. */
export const GET = apiRoute<{ chatId: string }>({ role: "viewer" }, async ({ params: p, channel }) => demoInbox(channel, params.parse(p).chatId));
