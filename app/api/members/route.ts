import { readMembers } from "@/lib/auth/read";
import { apiRoute } from "@/lib/runtime/api-route";

export const GET = apiRoute({ scope: "console", role: "admin" }, async ({ db, channelId }) => readMembers(db, { channelId }));
