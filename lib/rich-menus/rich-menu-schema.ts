import { z } from "zod";
import { datetimePickerAction, messageAction, postbackAction, uriAction } from "@/lib/line/messages/actions";
import { custom, customCheck } from "@/lib/line/messages/common";

// One schema for a rich menu, shared by the editor (validation as you type) and the route handlers.
// LINE's rules (messaging-api.yml and its reference): an image 800–2500 px wide, at least 250 px high, wide
// at least 1.45 times its height, JPEG or PNG, at most 1 MB; at most 20 areas, each inside the image;
// chat bar text at most 14 characters, name at most 300; an alias `[a-z0-9_-]{1,32}`.

export const RICH_MENU_IMAGE = {
  minWidth: 800,
  maxWidth: 2500,
  minHeight: 250,
  minAspect: 1.45,
  maxBytes: 1024 * 1024,
  types: ["image/jpeg", "image/png"],
} as const;
export const RICH_MENU_MAX_AREAS = 20;
/** LINE's limit of rich menus per channel (create answers 400 beyond it). */
export const RICH_MENU_LIMIT = 1000;
/** LINE's bulk link and unlink take at most this many user IDs a request. */
export const BULK_LINK_SIZE = 500;

export const richMenuAliasId = z.string().regex(/^[a-z0-9_-]{1,32}$/, customCheck("1–32 lower-case letters, digits, _ or -", "validation.richMenuAlias"));

export const richMenuSwitchAction = z.object({
  type: z.literal("richmenuswitch"),
  label: z.string().min(1).max(20).optional(),
  richMenuAliasId,
  data: z.string().min(1).max(300),
});

/** What tapping an area does: the actions LINE allows on a rich menu that the editor offers. */
export const richMenuAreaAction = z.discriminatedUnion("type", [postbackAction, messageAction, uriAction, datetimePickerAction, richMenuSwitchAction]);

export const richMenuBounds = z.object({
  x: z.number().int().min(0),
  y: z.number().int().min(0),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
});

export const richMenuArea = z.object({ bounds: richMenuBounds, action: richMenuAreaAction });

export const richMenuSize = z
  .object({
    width: z.number().int().min(RICH_MENU_IMAGE.minWidth).max(RICH_MENU_IMAGE.maxWidth),
    height: z.number().int().min(RICH_MENU_IMAGE.minHeight),
  })
  .refine((s) => s.width / s.height >= RICH_MENU_IMAGE.minAspect, custom("must be at least 1.45 times as wide as it is high", "validation.richMenuAspect"));

/** A rich menu as the operator edits it (our draft); publishing turns it into LINE's RichMenuRequest. */
export const richMenuBodySchema = z
  .object({
    name: z.string().trim().min(1).max(300),
    chatBarText: z.string().min(1).max(14),
    /** Open (shown expanded) when the chat opens. LINE's `selected`. */
    selected: z.boolean(),
    size: richMenuSize,
    areas: z.array(richMenuArea).min(1).max(RICH_MENU_MAX_AREAS),
  })
  .superRefine((menu, ctx) => {
    menu.areas.forEach((area, i) => {
      const { x, y, width, height } = area.bounds;
      if (x + width > menu.size.width || y + height > menu.size.height) {
        ctx.addIssue({
          code: "custom",
          path: ["areas", i, "bounds"],
          ...custom("must lie inside the image", "validation.areaOutside"),
        });
      }
    });
  });

export type RichMenuBody = z.infer<typeof richMenuBodySchema>;
export type RichMenuArea = z.infer<typeof richMenuArea>;
export type RichMenuAreaAction = z.infer<typeof richMenuAreaAction>;
export type RichMenuBounds = z.infer<typeof richMenuBounds>;
