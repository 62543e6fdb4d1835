import { z } from "zod";
import { getSend } from "@/db/queries/sends";
import { notFound } from "@/lib/http/errors";
import { apiRoute } from "@/lib/http/api-route";
import { serializeSendDetail } from "@/lib/sending/serialize";

const params = z.object({ id: z.string().uuid("must be a send id") });

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params: p, db, channelId }) => {
  const { id } = params.parse(p);
  const detail = await getSend(db, { channelId, id });
  if (!detail) throw notFound("Send");
  return serializeSendDetail(detail);
});
