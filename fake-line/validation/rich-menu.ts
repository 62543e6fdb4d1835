// A rich menu object (messaging-api.yml `RichMenuRequest`) with LINE's rules: size 800–2500 wide, at least
// 250 high and at least 1.45 times as wide as high; at most 20 areas, each inside the size; chat bar text
// at most 14 characters, name at most 300; the actions a rich menu allows (label optional, at most 20).
import type { HttpReply } from "../http/reply";
import { checkAction } from "./actions";
import { Checker, join, type Obj } from "./checker";

export const RICH_MENU_RULES = { minWidth: 800, maxWidth: 2500, minHeight: 250, minAspect: 1.45, maxAreas: 20 } as const;

const RICH_MENU_ACTIONS = ["postback", "message", "uri", "datetimepicker", "richmenuswitch"] as const;

export type RichMenuBounds = { x: number; y: number; width: number; height: number };
export type RichMenuAreaJson = { bounds: RichMenuBounds; action: Obj };
export type RichMenuObject = {
  size: { width: number; height: number };
  selected: boolean;
  name: string;
  chatBarText: string;
  areas: RichMenuAreaJson[];
};

/** The menu as LINE would store it, or the 400 reply LINE would give. */
export function checkRichMenu(body: Obj): { menu: RichMenuObject } | { error: HttpReply } {
  const c = new Checker();
  const size = c.child(body, "size", "", true);
  let width: number | undefined;
  let height: number | undefined;
  if (size) {
    width = c.num(size, "width", "size", { required: true, integer: true, min: RICH_MENU_RULES.minWidth, max: RICH_MENU_RULES.maxWidth });
    height = c.num(size, "height", "size", { required: true, integer: true, min: RICH_MENU_RULES.minHeight });
    if (width !== undefined && height !== undefined && width / height < RICH_MENU_RULES.minAspect) {
      c.error("size", `The width must be at least ${RICH_MENU_RULES.minAspect} times the height`);
    }
  }
  const selected = c.bool(body, "selected", "");
  if (selected === undefined && body.selected === undefined) c.error("selected", "must be specified");
  const name = c.str(body, "name", "", { required: true, max: 300 });
  const chatBarText = c.str(body, "chatBarText", "", { required: true, max: 14 });
  const areas = c.arr(body, "areas", "", { required: true, max: RICH_MENU_RULES.maxAreas }) ?? [];
  areas.forEach((value, i) => {
    const path = join("areas", i);
    const area = c.object(value, path);
    if (!area) return;
    const bounds = c.child(area, "bounds", path, true);
    if (bounds) {
      const bpath = join(path, "bounds");
      const x = c.num(bounds, "x", bpath, { required: true, integer: true, min: 0 });
      const y = c.num(bounds, "y", bpath, { required: true, integer: true, min: 0 });
      const w = c.num(bounds, "width", bpath, { required: true, integer: true, min: 1 });
      const h = c.num(bounds, "height", bpath, { required: true, integer: true, min: 1 });
      const known = [x, y, w, h, width, height].every((n) => n !== undefined);
      if (known && ((x ?? 0) + (w ?? 0) > (width ?? 0) || (y ?? 0) + (h ?? 0) > (height ?? 0))) {
        c.error(bpath, "The area must be inside the rich menu");
      }
    }
    if (area.action === undefined || area.action === null) c.error(join(path, "action"), "must be specified");
    else checkAction(c, area.action, join(path, "action"), { allowed: RICH_MENU_ACTIONS, labelRequired: false, labelMax: 20 });
  });
  const error = c.result();
  if (error) return { error };
  return {
    menu: {
      size: { width: width ?? 0, height: height ?? 0 },
      selected: selected ?? false,
      name: name ?? "",
      chatBarText: chatBarText ?? "",
      areas: structuredClone(areas) as RichMenuAreaJson[],
    },
  };
}
