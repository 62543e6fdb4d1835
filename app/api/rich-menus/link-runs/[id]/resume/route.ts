import { resumeLinkRun, serializeLinkRun } from "@/lib/rich-menus/link-runs";
import { apiRoute } from "@/lib/runtime/api-route";

/** A failed run's failed batches sent again (the same friends). */
export const POST = apiRoute<{ id: string }>({ role: "operator" }, async ({ params, db, channelId, audit }) => {
  const run = await resumeLinkRun(db, { channelId, id: params.id });
  await audit("richMenu.linkRun.resumed", run.id, { action: run.action, richMenuId: run.richMenuId });
  return { run: serializeLinkRun(run) };
});
