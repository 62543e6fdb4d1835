import { z } from "zod";
import { enqueueJob } from "@/db/queries/jobs";
import { createAudience } from "@/db/queries/segments";
import { AUDIENCE_JOB } from "@/lib/segments/jobs";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { segmentParam } from "@/lib/segments/route-params";
import { serializeAudience } from "@/lib/segments/serialize";

const bodySchema = z.object({ description: z.string().trim().min(1).max(120).optional() }).strict();

/**
 * Upload the segment (as it matches now) to LINE as an audience for narrowcast. Answers 202 at once;
 * a background job uploads 10,000 ids a request and follows LINE's status until READY.
 */
export const POST = apiRoute<{ id: string }>({ role: "operator" }, async ({ req, params, db, channelId, actor, audit }) => {
  const segment = await segmentParam(db, channelId, params.id);
  const body = await parseJsonBody(bodySchema, req);
  const audience = await createAudience(db, {
    channelId,
    segmentId: segment.id,
    description: body.description ?? segment.name.slice(0, 120),
    createdBy: actor.name,
  });
  await enqueueJob(db, { kind: AUDIENCE_JOB, key: audience.id, payload: { audienceId: audience.id } });
  await audit("segment.uploaded", segment.id, { audienceId: audience.id, description: audience.description });
  return Response.json(serializeAudience(audience), { status: 202 });
});
