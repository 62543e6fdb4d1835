import { z } from "zod";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { fakeControl } from "@/lib/demo/fake-control";
import { RICH_MENU_MAX_AREAS } from "@/lib/rich-menus/rich-menu-schema";

const params = z.object({ userId: z.string().regex(/^U[0-9a-f]{32}$/, "must be a user id") });
const tapBody = z
  .object({
    areaIndex: z
      .number()
      .int()
      .min(0)
      .max(RICH_MENU_MAX_AREAS - 1),
  })
  .strict();

/** Demo mode: the friend taps an area of their rich menu; the fake sends the event (or switches tab) as LINE would. */
export const POST = apiRoute<{ userId: string }>({ role: "operator" }, async ({ req, params: p, channel }) => {
  const { userId } = params.parse(p);
  const body = await parseJsonBody(tapBody, req);
  return fakeControl("POST", `friends/${userId}/richmenu/tap`, body, channel);
});
