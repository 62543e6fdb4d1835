import { getSend } from "@/db/queries/sends";
import { notFound } from "@/lib/platform/http/errors";
import { apiRoute } from "@/lib/runtime/api-route";
import { sendParams } from "@/lib/sends/route-params";
import { serializeSendDetail } from "@/lib/sends/serialize";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params: p, db, channelId }) => {
  const { id } = sendParams.parse(p);
  const detail = await getSend(db, { channelId, id });
  if (!detail) throw notFound("Send");
  return serializeSendDetail(detail);
});
