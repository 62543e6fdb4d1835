import { resolveChannel } from "@/lib/channel/access";
import { changeChannel, deleteChannel } from "@/lib/channel/manage";
import { deleteChannelBodySchema, updateChannelBodySchema } from "@/lib/channel/schemas";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** Rename, archive or bring back a channel (console admins). */
export const PATCH = apiRoute<{ key: string }>({ scope: "console", role: "admin" }, async (ctx) => {
  const body = await parseJsonBody(updateChannelBodySchema, ctx.req);
  return changeChannel(ctx, await resolveChannel(ctx.db, ctx.actor, ctx.params.key), body);
});

/** Delete a channel and everything it holds, its name typed back (console admins). */
export const DELETE = apiRoute<{ key: string }>({ scope: "console", role: "admin" }, async (ctx) => {
  const { confirmName } = await parseJsonBody(deleteChannelBodySchema, ctx.req);
  await deleteChannel(ctx, await resolveChannel(ctx.db, ctx.actor, ctx.params.key), confirmName);
  return new Response(null, { status: 204 });
});
