import { channelsVisibleTo } from "@/lib/channel/access";
import { addChannel, channelItem } from "@/lib/channel/manage";
import { addChannelBodySchema } from "@/lib/channel/schemas";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** The channels the caller may see, with their role on each (never a secret or token). */
export const GET = apiRoute({ scope: "console", role: "viewer" }, async ({ db, actor }) => ({
  items: (await channelsVisibleTo(db, actor)).map((c) => ({ ...channelItem(c), role: c.role })),
}));

/** Add a channel (console admins): its credentials checked with LINE first, then sealed. */
export const POST = apiRoute({ scope: "console", role: "admin" }, async (ctx) => {
  const body = await parseJsonBody(addChannelBodySchema, ctx.req);
  return Response.json(await addChannel(ctx, body), { status: 201 });
});
