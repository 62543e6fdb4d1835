import { z } from "zod";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { fakeControl } from "@/lib/demo/fake-control";
import { FRIEND_ACTIONS, friendActionBodySchema } from "@/lib/demo/schemas";

const params = z.object({ userId: z.string().regex(/^U[0-9a-f]{32}$/, "must be a user id"), action: z.enum(FRIEND_ACTIONS) });

/** Demo mode: make a simulated friend act (send, follow, block, unblock, tap a postback). */
export const POST = apiRoute<{ userId: string; action: string }>({ role: "operator" }, async ({ req, params: p, channel }) => {
  const { userId, action } = params.parse(p);
  const body = await parseJsonBody(friendActionBodySchema, req);
  return fakeControl(channel, "POST", `friends/${userId}/${action}`, body);
});
