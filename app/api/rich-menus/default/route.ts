import { clearDefaultRichMenu } from "@/lib/rich-menus/manage-rich-menus";
import { apiRoute } from "@/lib/runtime/api-route";

/** No default menu set through the API (friends without a link then see the manager's menu, if any). */
export const DELETE = apiRoute({ role: "operator" }, async ({ line, audit }) => {
  const { previous } = await clearDefaultRichMenu({ line });
  await audit("richMenu.defaultCleared", previous, {});
  return new Response(null, { status: 204 });
});
