import type { Db } from "@/db/client";
import { getSegment } from "@/db/queries/segments";
import { notFound } from "@/lib/platform/http/errors";

/** The segment named in the URL, or a 404. */
export async function segmentParam(db: Db, channelId: number, id: string) {
  const segment = /^[0-9a-f-]{36}$/.test(id) ? await getSegment(db, { channelId, id }) : undefined;
  if (!segment) throw notFound("The segment");
  return segment;
}
