import { createLinkRun, serializeLinkRun } from "@/lib/rich-menus/link-runs";
import { linkRunBodySchema } from "@/lib/rich-menus/rich-menu-requests";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** Unlink friends (≤ 5,000 named) or a segment's friends from their per-user menu: 202 with the run. */
export const POST = apiRoute({ role: "operator" }, async ({ req, db, channelId, actor, audit }) => {
  const { target } = await parseJsonBody(linkRunBodySchema, req);
  const run = await createLinkRun(db, { channelId, actor, action: "unlink", target });
  await audit("richMenu.linkRun.started", run.id, { action: "unlink", target: run.target, total: run.total });
  return Response.json({ run: serializeLinkRun(run) }, { status: 202 });
});
