import { getSendRecipients } from "@/db/queries/sends";
import { notFound } from "@/lib/platform/http/errors";
import { apiRoute } from "@/lib/runtime/api-route";
import { sendParams } from "@/lib/sends/route-params";

// The ids of a multicast to user ids, for "Duplicate into a new send" (the send's detail has only their count).
export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params: p, db, channelId }) => {
  const { id } = sendParams.parse(p);
  const ids = await getSendRecipients(db, { channelId, id });
  if (!ids) throw notFound("Send");
  return { ids };
});
