import { z } from "zod";
import { getSendRecipients } from "@/db/queries/sends";
import { notFound } from "@/lib/http/errors";
import { apiRoute } from "@/lib/http/api-route";

const params = z.object({ id: z.string().uuid("must be a send id") });

// The ids of a multicast to user ids, for "Duplicate into a new send" (the send's detail has only their count).
export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params: p, db, channelId }) => {
  const { id } = params.parse(p);
  const ids = await getSendRecipients(db, { channelId, id });
  if (!ids) throw notFound("Send");
  return { ids };
});
