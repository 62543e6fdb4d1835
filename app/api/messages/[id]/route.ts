import { apiRoute } from "@/lib/runtime/api-route";
import { readSend } from "@/lib/sends/read";
import { sendParams } from "@/lib/sends/route-params";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, db, channelId }) => readSend(db, { channelId, ...sendParams.parse(params) }));
