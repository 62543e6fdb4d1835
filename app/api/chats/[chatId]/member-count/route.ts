import { liveMemberCount } from "@/lib/contacts/member-count";
import { chatIdParam } from "@/lib/contacts/route-params";
import { apiRoute } from "@/lib/runtime/api-route";

/** A group's or room's member count from LINE now: what a push there counts against the quota. */
export const GET = apiRoute<{ chatId: string }>({ role: "viewer" }, async ({ params, db, line }) => liveMemberCount(db, line, chatIdParam(params.chatId)));
