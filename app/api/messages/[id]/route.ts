import { getSend } from "@/db/queries/sends";
import { notFound } from "@/lib/platform/http/errors";
import { apiRoute } from "@/lib/platform/http/api-route";
import { sendParams } from "@/lib/sending/route-params";
import { serializeSendDetail } from "@/lib/sending/serialize";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params: p, db, channelId }) => {
  const { id } = sendParams.parse(p);
  const detail = await getSend(db, { channelId, id });
  if (!detail) throw notFound("Send");
  return serializeSendDetail(detail);
});
