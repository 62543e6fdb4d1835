import { changeMember } from "@/lib/auth/members";
import { updateMemberBodySchema } from "@/lib/auth/schemas";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** Change a member's role, or disable / re-enable them (disabling ends their sessions at once). */
export const PATCH = apiRoute<{ id: string }>({ scope: "console", role: "admin" }, async (ctx) => {
  const body = await parseJsonBody(updateMemberBodySchema, ctx.req);
  return changeMember(ctx, { id: ctx.params.id, channel: ctx.channel, ...body });
});
