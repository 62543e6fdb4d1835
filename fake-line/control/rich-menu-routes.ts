// Control API for the phone simulator's rich menu: what a friend's phone shows now (a per-user link, the
// API default, or a menu a richmenuswitch tap put there) with its image, a tap on one of its areas (the
// event LINE's app would cause, delivered to the webhook), and the links and link counts for tests.
import { z } from "zod";
import { tapRichMenu } from "../actors/rich-menu-taps";
import { requireUser } from "../actors/user-actions";
import type { StoredRichMenu } from "../domain/rich-menus";
import type { Platform } from "../platform";
import { ControlError, parseBody, type ControlRoute } from "./control-route";

export const richMenuControlRoutes: ControlRoute[] = [
  {
    method: "GET",
    path: "/__fake/friends/:userId/richmenu",
    handle({ platform: p, params }) {
      const user = requireUser(p, params.userId ?? "");
      const { menu, source } = p.richMenus.shown(user.id);
      // Opening the chat shows the menu: an impression for the insight endpoints.
      if (menu) p.richMenus.recordView(menu.richMenuId, user.id, p.clock.now());
      return { richMenu: menu ? phoneMenu(menu) : null, source, imageUrl: menu ? imageUrl(p, menu) : null };
    },
  },
  {
    method: "POST",
    path: "/__fake/friends/:userId/richmenu/tap",
    handle({ platform: p, params, body }) {
      const input = parseBody(z.object({ areaIndex: z.number().int().min(0), params: z.record(z.string(), z.string()).optional() }).strict(), body);
      return tapRichMenu(p, params.userId ?? "", input.areaIndex, input.params);
    },
  },
  {
    method: "GET",
    path: "/__fake/richmenus/links",
    handle: ({ platform: p }) => ({
      links: Object.fromEntries(p.richMenus.links),
      operations: Object.fromEntries(p.richMenus.linkCounts),
      switched: Object.fromEntries(p.richMenus.switched),
      default: p.richMenus.defaultId,
    }),
  },
  {
    method: "GET",
    path: "/__fake/richmenus/:richMenuId/image",
    handle({ platform: p, params }) {
      const menu = p.richMenus.get(params.richMenuId ?? "");
      if (!menu) throw new ControlError(404, "No such rich menu");
      if (!menu.image) throw new ControlError(404, "The rich menu has no image");
      return { status: 200, bytes: menu.image.bytes, contentType: menu.image.contentType };
    },
  },
];

function phoneMenu(menu: StoredRichMenu) {
  return { richMenuId: menu.richMenuId, name: menu.name, size: menu.size, areas: menu.areas, chatBarText: menu.chatBarText, selected: menu.selected };
}

function imageUrl(p: Platform, menu: StoredRichMenu): string {
  return `${p.controlUrl}/richmenus/${menu.richMenuId}/image`;
}
